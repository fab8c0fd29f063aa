/**
 * The file a student downloads to keep or hand in their answers, and reads back in. Loading
 * accepts only what it recognises and reports a clear problem otherwise; it never throws.
 * A file's verdicts are written for whoever reads it, but never loaded: only the inputs come
 * back, and this browser's checker gives the verdicts.
 */
import { sanitizeProgress, withoutVerdicts, type ExerciseRecord, type Progress, type SavedAnswer } from './progress';

export const ANSWERS_FORMAT = 'nn-live-answers';
export const MAX_FILE_BYTES = 1_000_000;

export interface AnswersFile {
  format: typeof ANSWERS_FORMAT;
  version: 1;
  saved: string;
  /** The sheet the answers were saved from, if any. */
  assignment?: { title: string; due: string; exercises: string[] };
  progress: Progress;
}

export function answersFileText(progress: Progress, saved: Date, assignment?: AnswersFile['assignment']): string {
  const file: AnswersFile = { format: ANSWERS_FORMAT, version: 1, saved: saved.toISOString(), ...(assignment ? { assignment } : {}), progress };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type ReadResult = { ok: true; progress: Progress } | { ok: false; message: string };

export function readAnswersFile(text: string): ReadResult {
  if (text.length > MAX_FILE_BYTES) return { ok: false, message: 'This file is too large to be a file of answers.' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, message: 'This file is not a file of answers saved from this course (it is not JSON).' };
  }
  if (typeof parsed !== 'object' || parsed === null || (parsed as { format?: unknown }).format !== ANSWERS_FORMAT) {
    return { ok: false, message: 'This file is not a file of answers saved from this course.' };
  }
  const { version, progress } = parsed as { version?: unknown; progress?: unknown };
  if (version !== 1) return { ok: false, message: `This file was saved by a newer version of the course (format ${String(version).slice(0, 20)}).` };
  const kept = withoutVerdicts(sanitizeProgress(progress));
  if (Object.keys(kept).length === 0) return { ok: false, message: 'This file holds no answers.' };
  return { ok: true, progress: kept };
}


/**
 * This browser's progress with a file's answers loaded: each exercise in the file replaces the
 * stored one, and an answer typed the same as the stored one keeps the stored verdict.
 * `replaced` names, in the file's order, the exercises whose stored work would be lost or
 * changed (an answer with other text or none, or a done mark dropped), to ask before loading.
 */
export function mergeLoaded(current: Progress, loaded: Progress): { progress: Progress; replaced: string[] } {
  const progress: Progress = { ...current };
  const replaced: string[] = [];
  for (const [id, record] of Object.entries(loaded)) {
    const before = current[id];
    const answers: Record<string, SavedAnswer> = {};
    for (const [name, answer] of Object.entries(record.answers)) {
      const stored = before?.answers[name];
      answers[name] = stored?.input === answer.input ? stored : answer;
    }
    if (before && losesWork(before, record)) replaced.push(id);
    progress[id] = record.done ? { answers, done: true } : { answers };
  }
  return { progress, replaced };
}

function losesWork(before: ExerciseRecord, after: ExerciseRecord): boolean {
  if (before.done && !after.done) return true;
  return Object.entries(before.answers).some(([name, answer]) => answer.input.trim() !== '' && after.answers[name]?.input !== answer.input);
}
