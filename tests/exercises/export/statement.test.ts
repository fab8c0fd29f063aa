import { readFileSync } from 'node:fs';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import { describe, expect, it } from 'vitest';
import { exerciseHtml, exportExercise } from '../../../src/exercises/export/statement';
import type { AnswerSpec } from '../../../src/exercises/spec';

const source = readFileSync(
  new URL('../../../content/exercises/convexity/squared-error-curvature.mdx', import.meta.url),
  'utf8',
);
const { frontmatter, content: body } = parseFrontmatter(source);

describe('an exercise as export data', () => {
  // A real exercise: inline and display math, a < inside math, inline code, three hints, a solution in a list.
  const html = exerciseHtml(body);

  it('cuts the statement where the first hint begins, and keeps hints and solution apart', () => {
    expect(html.statementHtml).toMatch(/^<p>One example with a single feature/);
    // The statement's list ends with its last part, the chain to write in steps; the hints follow apart.
    expect(html.statementHtml).toContain('negative, so that \\(f\\) is not convex there?</li>');
    expect(html.statementHtml).toMatch(/<code>y<\/code> as they are\.<\/li>\n<\/ol>$/);
    expect(html.statementHtml).not.toContain('chain rule');
    expect(html.hintsHtml).toHaveLength(3);
    expect(html.hintsHtml[2]).toBe(
      '<p>With \\(y = 0\\) the bracket \\(a(1 - a) + (a - y)(1 - 2a)\\) becomes \\(a(2 - 3a)\\).</p>',
    );
    expect(html.solutionHtml).toMatch(/^<ol>\n<li>\n<p>Chain rule through/);
  });

  it('keeps math as TeX source between \\( \\) and \\[ \\], never KaTeX markup', () => {
    expect(html.statementHtml).toContain('<p>\\[f(w) = \\tfrac12 \\bigl(\\sigma(wx) - y\\bigr)^2 .\\]</p>');
    expect(html.statementHtml).toContain('single feature \\(x \\ne 0\\) and label');
    for (const part of [html.statementHtml, ...html.hintsHtml, html.solutionHtml!])
      expect(part).not.toMatch(/katex|<span|\$/);
  });

  it('escapes < in math and text, and keeps code as code', () => {
    expect(html.solutionHtml).toContain(
      'positive for \\(0 &lt; a &lt; 1\\) and \\(x \\ne 0\\), and \\(2 - 3a &lt; 0\\) exactly',
    );
    expect(html.statementHtml).toContain('as a formula in <code>a</code>, <code>y</code> and <code>x</code>.');
    const other = exerciseHtml(
      'Compare &lt;b&gt; with `a < b && c`:\n\n```ts\nif (a < b) { c = 1 }\n```\n\n<Hint>No.</Hint>\n',
    );
    expect(other.statementHtml).toBe(
      '<p>Compare &lt;b> with <code>a &lt; b &amp;&amp; c</code>:</p>\n<pre><code class="language-ts">if (a &lt; b) { c = 1 }\n</code></pre>',
    );
  });

  it('keeps what other components hold, and leaves out MDX expressions', () => {
    const other = exerciseHtml('Before {1 + 1} after.\n\n<Aside>Inside $x$.</Aside>\n\n{/* a comment */}\n');
    expect(other.statementHtml).toBe('<p>Before  after.</p>\n<p>Inside \\(x\\).</p>');
    expect(other.hintsHtml).toEqual([]);
    expect(other).not.toHaveProperty('solutionHtml');
  });

  const exercise = {
    id: 'cvx-se-curvature',
    title: 'Where the squared error bends the wrong way',
    number: '3.2',
    answers: frontmatter['answers'] as AnswerSpec[],
    body,
  };

  it('carries the authored answers, hints and solution in a full build', () => {
    const data = exportExercise(exercise, true);
    expect(data).toMatchObject({
      id: 'cvx-se-curvature',
      number: '3.2',
      statementHtml: html.statementHtml,
      hintsHtml: html.hintsHtml,
      solutionHtml: html.solutionHtml,
    });
    expect(data.answers[0]).toMatchObject({ type: 'expression', expected: '(a - y) * a * (1 - a) * x' });
  });

  it('carries no hint, no solution and no expected formula in a build without solutions', () => {
    const data = exportExercise(exercise, false);
    expect(data.hintsHtml).toEqual([]);
    expect(data).not.toHaveProperty('solutionHtml');
    const json = JSON.stringify(data);
    expect(json).not.toContain('(a - y) * a * (1 - a) * x');
    expect(json).not.toContain('Chain rule');
    expect(data.answers[0]).toHaveProperty('samples');
  });
});
