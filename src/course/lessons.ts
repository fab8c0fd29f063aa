import { getCollection, type CollectionEntry } from 'astro:content';
import { href } from './paths';

export type Lesson = CollectionEntry<'lessons'>;

/** The lessons in course order; fails the build when two lessons claim the same order. */
export async function getLessons(): Promise<Lesson[]> {
  const lessons = (await getCollection('lessons')).sort((a, b) => a.data.order - b.data.order);
  lessons.forEach((lesson, index) => {
    const previous = lessons[index - 1];
    if (previous && previous.data.order === lesson.data.order) {
      throw new Error(`lessons "${previous.id}" and "${lesson.id}" both have order ${lesson.data.order}`);
    }
  });
  return lessons;
}

/** The URL of a lesson page. */
export function lessonHref(lesson: Lesson): string {
  return href(`lessons/${lesson.id}/`);
}
