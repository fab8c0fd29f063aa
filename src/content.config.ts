import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonIdFromFile, lessonSchema } from './course/lessonSchema';
import { exerciseSchema } from './exercises/spec';

const lessons = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: './content/lessons',
    generateId: ({ entry }) => lessonIdFromFile(entry),
  }),
  schema: lessonSchema,
});

/**
 * One MDX file per exercise, in a folder per lesson. The id comes from the frontmatter, not the
 * file name, so moving or renaming a file keeps students' progress and assignment links valid.
 */
const exercises = defineCollection({
  loader: glob({
    pattern: '**/*.mdx',
    base: './content/exercises',
    generateId: ({ entry, data }) => (typeof data['id'] === 'string' ? data['id'] : entry),
  }),
  schema: exerciseSchema,
});

export const collections = { lessons, exercises };
