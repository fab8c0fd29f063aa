import { render } from 'astro:content';
import type { MarkdownHeading } from 'astro';
import { answersAttribute } from '../exercises/answerForm';
import { getExercises } from './exercises';
import { getLessons, lessonHref } from './lessons';

/**
 * What the home page and the lesson sidebar need to show a student's progress, written by the
 * build: each lesson's exercises (with their answers' versions, so a verdict counts as the
 * exercise itself would count it), its address (the key its cell edits are saved under) and its
 * sections (the only places "Continue where you left off" may point to).
 */
export interface LessonProgressData {
  id: string;
  path: string;
  title: string;
  /** Each exercise's id and its answers as `name:version`, space-separated (as data-answers). */
  exercises: { id: string; answers: string }[];
  sections: { id: string; text: string }[];
}

/**
 * A lesson page's sections: its own headings, then the Exercises section the page adds after
 * them. One list for the page's contents and for the places a reading place may name.
 */
export const lessonSections = (headings: readonly MarkdownHeading[], exercises: number): MarkdownHeading[] =>
  exercises > 0 ? [...headings, { depth: 2, slug: 'exercises', text: 'Exercises' }] : [...headings];

export async function getProgressData(withSections: boolean): Promise<LessonProgressData[]> {
  const [lessons, exercises] = await Promise.all([getLessons(), getExercises()]);
  return Promise.all(
    lessons.map(async (lesson) => {
      const own = exercises.filter((exercise) => exercise.lesson.id === lesson.id);
      return {
        id: lesson.id,
        path: lessonHref(lesson),
        title: lesson.data.title,
        exercises: own.map((exercise) => ({
          id: exercise.entry.id,
          answers: answersAttribute(exercise.entry.data.answers),
        })),
        sections: withSections
          ? lessonSections((await render(lesson)).headings, own.length)
              .filter((h) => h.depth === 2 || h.depth === 3)
              .map((h) => ({ id: h.slug, text: h.text }))
          : [],
      };
    }),
  );
}

/** The data as JSON for a `<script type="application/json">`: `<` escaped so no text can close it. */
export const progressJson = (data: readonly LessonProgressData[]) => JSON.stringify(data).replace(/</g, '\\u003c');
