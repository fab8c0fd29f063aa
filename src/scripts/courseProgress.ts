/**
 * A student's progress across the course, read from what this browser stored (nothing is sent
 * anywhere): per lesson, how many of its exercises are solved (judged as the exercise itself
 * judges them, progress.ts's exerciseState) and whether its cells were edited; the last lesson
 * and section read; and forgetting all of it. Storage holds untrusted data: a reading place
 * counts only if it names a lesson and a section the build listed.
 */
import type { LessonProgressData } from '../course/progressData';
import { readStored, writeStored } from '../display/storage';
import { exerciseState, type CurrentAnswer, type Progress } from '../exercises/progress';
import { loadEdits } from '../notebook/browser/storage';

export const READING_KEY = 'nn-live:reading:v1';
/** Every key the course stores starts so; the theme ('theme') is a preference, not progress. */
const COURSE_PREFIX = 'nn-live:';

/** `name:version` pairs, space-separated (as data-answers), as the answers an exercise has now. */
export const parseAnswers = (listed: string): CurrentAnswer[] =>
  listed
    .split(' ')
    .filter(Boolean)
    .map((entry) => {
      const [name = '', version = ''] = entry.split(':');
      return { name, version };
    });

export interface LessonProgress {
  solved: number;
  total: number;
  /** Whether this browser holds edits of the lesson's cells or inputs. */
  edited: boolean;
}

export function lessonProgress(progress: Progress, lesson: LessonProgressData): LessonProgress {
  const solved = lesson.exercises.filter(
    (exercise) => exerciseState(progress[exercise.id], parseAnswers(exercise.answers)) === 'solved',
  ).length;
  return { solved, total: lesson.exercises.length, edited: Object.keys(loadEdits(lesson.path)).length > 0 };
}

/** What a lesson's progress says in words: "2 of 5 exercises solved, cells edited". */
export function progressText({ solved, total, edited }: LessonProgress): string {
  const exercises = total === 0 ? 'No exercises' : `${solved} of ${total} exercise${total === 1 ? '' : 's'} solved`;
  return edited ? `${exercises}, cells edited` : exercises;
}

export interface ReadingPlace {
  lesson: LessonProgressData;
  /** Absent: the top of the lesson. */
  section?: { id: string; text: string };
}

/**
 * The place stored under READING_KEY, if it is one the course has: anything else (garbage, a
 * lesson since removed, a section renamed, a crafted value) reads as no place at all.
 */
export function parseReadingPlace(
  raw: string | null,
  lessons: readonly LessonProgressData[],
): ReadingPlace | undefined {
  if (raw === null || raw.length > 500) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { lesson: lessonId, section: sectionId } = value as Record<string, unknown>;
  const lesson = lessons.find((l) => l.id === lessonId);
  if (!lesson) return undefined;
  if (sectionId === '') return { lesson };
  const section = lesson.sections.find((s) => s.id === sectionId);
  return section ? { lesson, section } : undefined;
}

/** Where a reading place's link goes: the lesson, at the section. */
export const placeHref = ({ lesson, section }: ReadingPlace): string =>
  section ? `${lesson.path}#${encodeURIComponent(section.id)}` : lesson.path;

/** Remembers the lesson and section being read; false when storage refused. */
export const saveReadingPlace = (lesson: string, section: string): boolean =>
  writeStored(READING_KEY, JSON.stringify({ lesson, section }));

export const readReadingPlace = () => readStored(READING_KEY);

/**
 * Forgets everything the course stored in this browser (answers and verdicts, cell edits,
 * the reading place) and keeps the theme; false when storage could not be reached.
 */
export function forgetProgress(): boolean {
  try {
    const keys: string[] = [];
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(COURSE_PREFIX)) keys.push(key);
    }
    for (const key of keys) localStorage.removeItem(key);
    return true;
  } catch {
    return false;
  }
}
