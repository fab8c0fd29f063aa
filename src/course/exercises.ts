import { getCollection, type CollectionEntry } from 'astro:content';
import { validateAnswer } from '../exercises/answers';
import { buildRegistry, type RegisteredExercise } from '../exercises/registry';
import { isLineAnswer, type AnswerSpec } from '../exercises/spec';
import { getLessons } from './lessons';
import { href } from './paths';

/**
 * An exercise file as the pages render it: with the answers typed in one line. Steps answers
 * are validated with the rest (a broken one fails the build) but get no field until the page
 * has one for them (issue 12); the one change then is to pass `entry` through unfiltered.
 */
type PageEntry = Omit<CollectionEntry<'exercises'>, 'data'> & {
  data: Omit<CollectionEntry<'exercises'>['data'], 'answers'> & { answers: AnswerSpec[] };
};

export type Exercise = RegisteredExercise<PageEntry>;

/** Every exercise in course order; a broken one fails the build with its id and the problem. */
export async function getExercises(): Promise<Exercise[]> {
  const lessons = (await getLessons()).map((lesson) => ({
    id: lesson.id,
    order: lesson.data.order,
    title: lesson.data.title,
  }));
  return buildRegistry(await getCollection('exercises'), lessons, validateAnswer).map((exercise) => ({
    ...exercise,
    entry: {
      ...exercise.entry,
      data: { ...exercise.entry.data, answers: exercise.entry.data.answers.filter(isLineAnswer) },
    },
  }));
}

/** Where an exercise lives in its lesson. */
export const exerciseHref = (exercise: Exercise) =>
  href(`lessons/${exercise.lesson.id}/#exercise-${exercise.entry.id}`);

export const EXERCISE_INDEX = href('exercises/');
export const SHEET_PAGE = href('exercises/sheet/');
export const GRADE_PAGE = href('exercises/grade/');
