import { readdirSync, readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { lessonIdFromFile, lessonSchema } from '../../src/course/lessonSchema';

const dir = new URL('../../content/lessons/', import.meta.url);
const files = readdirSync(dir)
  .filter((name) => name.endsWith('.mdx'))
  .sort();
const lessons = files.map((file) => {
  const { frontmatter, content } = parseFrontmatter(readFileSync(new URL(file, dir), 'utf8'));
  return { file, id: lessonIdFromFile(file), data: lessonSchema.parse(frontmatter), body: content };
});

// The lesson sequence of the lecture notes the course follows.
const sequence = [
  'binary-classification',
  'logistic-regression',
  'convexity',
  'shallow-networks',
  'activations',
  'softmax',
];

/** The body with math, code and inline code removed: what MDX parses as prose. */
function prose(body: string): string {
  return (
    body
      // Imports and component elements (<TrainingExplorer … learningRate={1} />) are MDX's own syntax.
      .replace(/^import .*$/gm, '')
      .replace(/<[A-Z][\s\S]*?\/>/g, '')
      .replace(/```[\s\S]*?```/g, '')
      .replace(/\$\$[\s\S]*?\$\$/g, '')
      .replace(/\$[^$\n]+\$/g, '')
      .replace(/`[^`\n]+`/g, '')
  );
}

describe('the lessons', () => {
  it('are the six lessons of the lecture sequence, in order', () => {
    expect(lessons.map((l) => l.id)).toEqual(sequence);
    expect(lessons.map((l) => l.data.order)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('carry their order in their file name', () => {
    for (const lesson of lessons) expect(Number(lesson.file.slice(0, 2))).toBe(lesson.data.order);
  });
});

describe.each(lessons)('$file', ({ data, body }) => {
  it('has a summary and three to five objectives in plain text', () => {
    expect(data.objectives.length).toBeGreaterThanOrEqual(3);
    expect(data.objectives.length).toBeLessThanOrEqual(5);
    for (const text of [data.summary, ...data.objectives]) expect(text).not.toMatch(/[$\\{}]/);
  });

  it('leaves the title to the layout and starts its sections at level 2', () => {
    expect(body).not.toMatch(/^# /m);
    expect(body).toMatch(/^## /m);
  });

  it('opens and closes every display-math block', () => {
    const fences = body.split('\n').filter((line) => line.trim() === '$$');
    expect(fences.length % 2).toBe(0);
  });

  it('keeps braces and angle brackets inside math, where MDX cannot misread them', () => {
    const text = prose(body);
    expect(text).not.toMatch(/[{}]/);
    expect(text).not.toMatch(/<(?![a-zA-Z/!])/);
  });

  it('ends with its key equations and a self-check', () => {
    expect(body).toMatch(/^## Key equations$/m);
    expect(body).toMatch(/^## Check yourself$/m);
  });

  it('answers every "Check yourself" question under it, folded (CheckAnswer)', () => {
    const section = body.split(/^## Check yourself$/m)[1]!.split(/^## /m)[0]!;
    // Each numbered question is followed by one answer before the next question.
    const items = section.split(/^\d+\. /m).slice(1);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) {
      expect(item).toMatch(/^ {3}<CheckAnswer>\n\n {3}\S[\s\S]*\n {3}<\/CheckAnswer>/m);
      expect(item.match(/<CheckAnswer>/g)).toHaveLength(1);
    }
  });

  it('contains no placeholder text', () => {
    expect(body).not.toMatch(/\b(TODO|TBD|FIXME|lorem ipsum)\b/i);
  });
});
