/**
 * A student's work on the exercises, kept in localStorage under one key so the lessons, the
 * exercise index and a problem sheet all see the same answers, and so the whole of it can be
 * downloaded and loaded again. Storage that is blocked, full or holds garbage never breaks a
 * page: reads give what can be read, writes report failure.
 */
export const PROGRESS_KEY = 'nn-live:exercises:v1';

export type AnswerStatus = 'correct' | 'incorrect' | 'invalid';
export type ExerciseState = 'not-tried' | 'tried' | 'solved';

export interface SavedAnswer {
  /** What the student typed, exactly. */
  input: string;
  /** The verdict it got when last checked, and its message; absent when never checked. */
  status?: AnswerStatus;
  message?: string;
}

export interface ExerciseRecord {
  answers: Record<string, SavedAnswer>;
  /** For exercises without checkable answers: the student marked it done. */
  done?: boolean;
}

export type Progress = Record<string, ExerciseRecord>;

const STATUSES: readonly string[] = ['correct', 'incorrect', 'invalid'];

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Keys that are never an exercise id or an answer name: assigning `__proto__` on a plain object
 * sets its prototype instead of adding a key, and the others shadow Object's own properties.
 */
const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Keeps the well-formed parts of untrusted progress data (stored or loaded from a file). */
export function sanitizeProgress(value: unknown): Progress {
  const progress: Progress = {};
  if (!isObject(value)) return progress;
  for (const [id, record] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(id) || !isObject(record) || !isObject(record['answers'])) continue;
    const answers: Record<string, SavedAnswer> = {};
    for (const [name, answer] of Object.entries(record['answers'])) {
      if (UNSAFE_KEYS.has(name) || !isObject(answer) || typeof answer['input'] !== 'string') continue;
      const saved: SavedAnswer = { input: answer['input'].slice(0, 2000) };
      if (typeof answer['status'] === 'string' && STATUSES.includes(answer['status'])) saved.status = answer['status'] as AnswerStatus;
      if (typeof answer['message'] === 'string') saved.message = answer['message'].slice(0, 500);
      answers[name] = saved;
    }
    progress[id] = record['done'] === true ? { answers, done: true } : { answers };
  }
  return progress;
}

export function loadProgress(): Progress {
  try {
    const raw = localStorage.getItem(PROGRESS_KEY);
    return raw === null ? {} : sanitizeProgress(JSON.parse(raw));
  } catch {
    return {};
  }
}

/** Saves all progress; false when storage refused (blocked or full). */
export function saveProgress(progress: Progress): boolean {
  try {
    localStorage.setItem(PROGRESS_KEY, JSON.stringify(progress));
    return true;
  } catch {
    return false;
  }
}

/**
 * An exercise's state from its record: solved when every checkable answer is correct (or, for
 * an exercise with none, when marked done); tried once anything was checked or marked.
 */
export function exerciseState(record: ExerciseRecord | undefined, answerNames: readonly string[]): ExerciseState {
  if (!record) return 'not-tried';
  if (answerNames.length === 0) return record.done ? 'solved' : 'not-tried';
  const statuses = answerNames.map((name) => record.answers[name]?.status);
  if (statuses.every((status) => status === 'correct')) return 'solved';
  return statuses.some((status) => status !== undefined) ? 'tried' : 'not-tried';
}

export const STATE_TEXT: Record<ExerciseState, string> = { 'not-tried': 'Not tried', tried: 'Tried', solved: 'Solved' };
