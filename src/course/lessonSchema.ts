import { z } from 'astro/zod';

/** A lesson's frontmatter: what the outline, the layout and search show about it. */
export const lessonSchema = z.object({
  title: z.string().min(1),
  /** Position in the lecture sequence, 1 for the first lesson. */
  order: z.number().int().positive(),
  /** One or two plain-text sentences for the outline and the page description. */
  summary: z.string().min(1),
  /** What a student can do after the lesson, each starting with a verb. */
  objectives: z.array(z.string().min(1)).min(1),
});

export type LessonFrontmatter = z.infer<typeof lessonSchema>;

/** Lesson files are named NN-slug.mdx; the slug is the lesson's id and URL segment. */
export function lessonIdFromFile(fileName: string): string {
  return fileName.replace(/^\d+-/, '').replace(/\.mdx$/, '');
}
