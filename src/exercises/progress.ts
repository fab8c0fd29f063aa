/**
 * A student's work on the exercises, kept in localStorage under one key so the lessons, the
 * exercise index and a problem sheet all see the same answers, and so the whole of it can be
 * downloaded and loaded again. Storage that is blocked, full or holds garbage never breaks a
 * page: reads give what can be read, writes report failure, and what a write could not keep is
 * held by the page (pageProgress), so the page and its download still have it.
 */
import { readStored, writeStored } from '../display/storage';

/** Whether this page may not use localStorage at all: the sheet says so up front. */
export { storageBlocked } from '../display/storage';
export const PROGRESS_KEY = 'nn-live:exercises:v1';

export type AnswerStatus = 'correct' | 'incorrect' | 'invalid';
export type ExerciseState = 'not-tried' | 'tried' | 'solved';

export interface SavedAnswer {
  /** What the student typed, exactly. */
  input: string;
  /** The verdict it got when last checked, and its message; absent when never checked. */
  status?: AnswerStatus;
  message?: string;
  /**
   * The fingerprint of the answer's published spec the verdict was given against (the form's
   * data-answer-version). A verdict counts only while the page's answer has the same one, so an
   * expected value an author corrects does not keep its old verdicts.
   */
  version?: string;
}

/** An answer as the page now has it: its name and the fingerprint of its published spec. */
export interface CurrentAnswer {
  readonly name: string;
  readonly version: string;
}

export interface ExerciseRecord {
  answers: Record<string, SavedAnswer>;
  /** For exercises without checkable answers: the student marked it done. */
  done?: boolean;
}

export type Progress = Record<string, ExerciseRecord>;

/**
 * The longest input kept: a derivation in steps of MAX_STEPS lines (steps.ts's MAX_STEPS_TEXT,
 * written out so the page's restore does not load the checker; a test checks they agree).
 */
export const MAX_SAVED_INPUT = 40_160;

const STATUSES: readonly string[] = ['correct', 'incorrect', 'invalid'];
/** What answerVersion writes: FNV-1a, 32 bits, as 8 hex digits. */
const VERSION = /^[0-9a-f]{8}$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Keys that are never an exercise id or an answer name: assigning `__proto__` on a plain object
 * sets its prototype instead of adding a key, and the others shadow Object's own properties.
 */
export const UNSAFE_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Keeps the well-formed parts of untrusted progress data (stored or loaded from a file). */
export function sanitizeProgress(value: unknown): Progress {
  const progress: Progress = {};
  if (!isObject(value)) return progress;
  for (const [id, record] of Object.entries(value)) {
    if (UNSAFE_KEYS.has(id) || !isObject(record) || !isObject(record['answers'])) continue;
    const answers: Record<string, SavedAnswer> = {};
    for (const [name, answer] of Object.entries(record['answers'])) {
      if (UNSAFE_KEYS.has(name) || !isObject(answer) || typeof answer['input'] !== 'string') continue;
      const saved: SavedAnswer = { input: answer['input'].slice(0, MAX_SAVED_INPUT) };
      // A verdict is kept only with the version it was given against: without one it can never show.
      const { status, message, version } = answer;
      if (
        typeof status === 'string' &&
        STATUSES.includes(status) &&
        typeof version === 'string' &&
        VERSION.test(version)
      ) {
        saved.status = status as AnswerStatus;
        if (typeof message === 'string') saved.message = message.slice(0, 500);
        saved.version = version;
      }
      answers[name] = saved;
    }
    progress[id] = record['done'] === true ? { answers, done: true } : { answers };
  }
  return progress;
}

/**
 * Progress with only what the student did: inputs and done marks, no verdicts. Answers loaded
 * from a file come in this way, since anyone can write "correct" into a file; the student
 * presses Check to have them checked here.
 */
export function withoutVerdicts(progress: Progress): Progress {
  const inputs: Progress = {};
  for (const [id, record] of Object.entries(progress)) {
    const answers: Record<string, SavedAnswer> = {};
    for (const [name, answer] of Object.entries(record.answers)) answers[name] = { input: answer.input };
    inputs[id] = record.done ? { answers, done: true } : { answers };
  }
  return inputs;
}

/** The verdict a saved answer shows: its own if given against the answer's current version, else none. */
export function currentVerdict(
  saved: SavedAnswer | undefined,
  version: string,
): Pick<SavedAnswer, 'status' | 'message'> {
  if (saved?.status === undefined || saved.version !== version) return {};
  return saved.message === undefined ? { status: saved.status } : { status: saved.status, message: saved.message };
}

export function loadProgress(): Progress {
  const raw = readStored(PROGRESS_KEY);
  if (raw === null) return {};
  try {
    return sanitizeProgress(JSON.parse(raw));
  } catch {
    return {};
  }
}

/** Saves all progress; false when storage refused (blocked or full). */
export const saveProgress = (progress: Progress): boolean => writeStored(PROGRESS_KEY, JSON.stringify(progress));

/**
 * An exercise's state from its record: solved when every checkable answer is correct (or, for
 * an exercise with none, when marked done); tried once anything was checked or marked. Only
 * verdicts given against the answers' current versions count.
 */
export function exerciseState(record: ExerciseRecord | undefined, answers: readonly CurrentAnswer[]): ExerciseState {
  if (!record) return 'not-tried';
  if (answers.length === 0) return record.done ? 'solved' : 'not-tried';
  const statuses = answers.map(({ name, version }) => currentVerdict(record.answers[name], version).status);
  if (statuses.every((status) => status === 'correct')) return 'solved';
  return statuses.some((status) => status !== undefined) ? 'tried' : 'not-tried';
}

export const STATE_TEXT: Record<ExerciseState, string> = { 'not-tried': 'Not tried', tried: 'Tried', solved: 'Solved' };

// ─── The page's copy ────────────────────────────────────────────────────────────────────────
// localStorage can be blocked (reading `localStorage` throws a SecurityError) or full (a write
// throws a QuotaExceededError). Then what the student did on this page is held here, for the
// page's life: one copy per page, shared by the checker and the answers tools, so that the
// page's states and the file "Download my answers" writes hold everything on screen, and the
// page can say exactly which exercises were not kept.

/** Records this page changed but could not save, by exercise id. */
const unsaved: Progress = {};
const listeners = new Set<() => void>();

/** What storage holds, with the records this page could not save laid over it. */
export function pageProgress(): Progress {
  return { ...loadProgress(), ...unsaved };
}

/** The ids of the exercises whose latest work is only on this page. */
export const unsavedExercises = (): string[] => Object.keys(unsaved);

/** Calls `listener` whenever the set of unsaved exercises may have changed. */
export function onUnsavedChange(listener: () => void): void {
  listeners.add(listener);
}

/**
 * Saves everything with `ids`' records taken from `progress`: storage is read fresh (another
 * tab's work is kept) and written whole, so a write that succeeds also saves whatever was
 * held here before; one that fails holds `ids`' records here.
 */
function save(progress: Progress, ids: readonly string[]): boolean {
  const saved = saveProgress(progress);
  if (saved) for (const id of Object.keys(unsaved)) delete unsaved[id];
  else for (const id of ids) unsaved[id] = progress[id]!;
  for (const listener of listeners) listener();
  return saved;
}

/** Changes one exercise's record; `saved` says whether storage kept it. */
export function updateExercise(
  exerciseId: string,
  update: (record: ExerciseRecord) => void,
): { record: ExerciseRecord; saved: boolean } {
  const progress = pageProgress();
  const record = (progress[exerciseId] ??= { answers: {} });
  update(record);
  return { record, saved: save(progress, [exerciseId]) };
}

/** Replaces progress with `progress` (answers loaded from a file, for the exercises `ids`). */
export function storeLoaded(progress: Progress, ids: readonly string[]): boolean {
  return save(progress, ids);
}
