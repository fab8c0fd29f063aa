import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { lessonIdFromFile, lessonSchema } from './course/lessonSchema';

const lessons = defineCollection({
  loader: glob({
    pattern: '*.mdx',
    base: './content/lessons',
    generateId: ({ entry }) => lessonIdFromFile(entry),
  }),
  schema: lessonSchema,
});

export const collections = { lessons };
