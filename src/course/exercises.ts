import { getCollection, type CollectionEntry } from 'astro:content';
import { validateAnswer } from '../exercises/answers';
import { buildRegistry, type RegisteredExercise } from '../exercises/registry';
import { getLessons } from './lessons';
import { href } from './paths';

/** An exercise file as the pages render it: every answer, one-line ones and derivations in steps. */
export type Exercise = RegisteredExercise<CollectionEntry<'exercises'>>;

/** Every exercise in course order; a broken one fails the build with its id and the problem. */
export async function getExercises(): Promise<Exercise[]> {
  const lessons = (await getLessons()).map((lesson) => ({
    id: lesson.id,
    order: lesson.data.order,
    title: lesson.data.title,
  }));
  return buildRegistry(await getCollection('exercises'), lessons, validateAnswer);
}

/** Where an exercise lives in its lesson. */
export const exerciseHref = (exercise: Exercise) =>
  href(`lessons/${exercise.lesson.id}/#exercise-${exercise.entry.id}`);

export const EXERCISE_INDEX = href('exercises/');
export const SHEET_PAGE = href('exercises/sheet/');
export const GRADE_PAGE = href('exercises/grade/');
