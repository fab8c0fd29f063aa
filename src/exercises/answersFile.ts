/**
 * The file a student downloads to keep or hand in their answers, and reads back in. Loading
 * accepts only what it recognises and reports a clear problem otherwise; it never throws.
 * A file's verdicts are written for whoever reads it, but never loaded: only the inputs come
 * back, and this browser's checker gives the verdicts.
 */
import { sanitizeProgress, withoutVerdicts, type Progress } from './progress';

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

