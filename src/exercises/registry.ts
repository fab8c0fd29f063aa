/**
 * The course's exercises in reading order, numbered by lesson ("6.1" is the softmax lesson's
 * first), with the checks that make a broken exercise fail the build instead of reaching a
 * student: an unknown lesson, two exercises in the same place, two answers with one name, or an
 * expected value the checker cannot read.
 */
import type { ExerciseAnswer, ExerciseFrontmatter } from './spec';

export interface ExerciseEntry {
  id: string;
  data: ExerciseFrontmatter;
}

export interface LessonRef {
  id: string;
  order: number;
  title: string;
}

export interface RegisteredExercise<E extends ExerciseEntry = ExerciseEntry> {
  entry: E;
  lesson: LessonRef;
  /** "lesson.position", as shown in headings and the index. */
  number: string;
}

/** Orders and numbers the exercises; throws one message listing every problem found. */
export function buildRegistry<E extends ExerciseEntry>(
  entries: readonly E[],
  lessons: readonly LessonRef[],
  validateAnswer: (spec: ExerciseAnswer) => string | null,
): RegisteredExercise<E>[] {
  const problems: string[] = [];
  const lessonsById = new Map(lessons.map((lesson) => [lesson.id, lesson]));
  const places = new Map<string, string>();
  const registered: RegisteredExercise<E>[] = [];
  for (const entry of entries) {
    const { data } = entry;
    const where = `exercise "${entry.id}"`;
    if (entry.id !== data.id) problems.push(`${where}: id does not match its frontmatter id "${data.id}"`);
    const lesson = lessonsById.get(data.lesson);
    if (!lesson) {
      problems.push(`${where}: unknown lesson "${data.lesson}" (lessons: ${[...lessonsById.keys()].join(', ')})`);
      continue;
    }
    const place = `${data.lesson}#${data.order}`;
    const other = places.get(place);
    if (other) problems.push(`${where}: has order ${data.order} in lesson "${data.lesson}", like exercise "${other}"`);
    places.set(place, entry.id);
    const names = new Set<string>();
    for (const answer of data.answers) {
      if (names.has(answer.name)) problems.push(`${where}: two answers are named "${answer.name}"`);
      names.add(answer.name);
      const problem = validateAnswer(answer);
      if (problem) problems.push(`${where}, answer "${answer.name}": ${problem}`);
    }
    registered.push({ entry, lesson, number: '' });
  }
  if (problems.length > 0) throw new Error(`The exercises have problems:\n- ${problems.join('\n- ')}`);
  registered.sort((a, b) => a.lesson.order - b.lesson.order || a.entry.data.order - b.entry.data.order);
  const positions = new Map<string, number>();
  for (const exercise of registered) {
    const position = (positions.get(exercise.lesson.id) ?? 0) + 1;
    positions.set(exercise.lesson.id, position);
    exercise.number = `${exercise.lesson.order}.${position}`;
  }
  return registered;
}
