/**
 * The file a student downloads to keep or hand in their answers, and reads back in. Loading
 * accepts only what it recognises and reports a clear problem otherwise; it never throws.
 * A file's verdicts are written for whoever reads it, but never loaded: only the inputs come
 * back, and this browser's checker (or the grading page's) gives the verdicts.
 *
 * A hand-in is the same file with the student's name or number in it: it names the student, the
 * sheet (title, due date, exercise ids) and the time it was saved. Files saved before names
 * existed have none and still load; the grading page then goes by the file's name.
 */
import {
  sanitizeProgress,
  UNSAFE_KEYS,
  withoutVerdicts,
  type ExerciseRecord,
  type Progress,
  type SavedAnswer,
} from './progress';

export const ANSWERS_FORMAT = 'nn-live-answers';
export const MAX_FILE_BYTES = 1_000_000;
/** The longest name or student number a file keeps, in characters. */
export const MAX_STUDENT = 100;

export interface AnswersFile {
  format: typeof ANSWERS_FORMAT;
  version: 1;
  saved: string;
  /** The student's name or number, as they typed it on handing in; absent in older files. */
  student?: string;
  /** The sheet the answers were saved from, if any. */
  assignment?: { title: string; due: string; exercises: string[] };
  progress: Progress;
}

/** The file's text. A new field (`student`) is optional, so a file stays version 1 and older pages still read it. */
export function answersFileText(
  progress: Progress,
  saved: Date,
  assignment?: AnswersFile['assignment'],
  student?: string,
): string {
  const name = student === undefined ? '' : studentName(student);
  const file: AnswersFile = {
    format: ANSWERS_FORMAT,
    version: 1,
    saved: saved.toISOString(),
    ...(name ? { student: name } : {}),
    ...(assignment ? { assignment } : {}),
    progress,
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

/**
 * A name or student number as a file keeps it: control and formatting characters out (a
 * right-to-left override would make one name look like another in the grading table; the
 * zero-width joiners Persian spelling needs stay), spaces collapsed, at most MAX_STUDENT characters.
 */
export function studentName(text: string): string {
  const cleaned = text
    .normalize('NFC')
    .replace(/(?![\u200C\u200D])[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return Array.from(cleaned).slice(0, MAX_STUDENT).join('').trim();
}

/** The bytes a code point takes in UTF-8. */
const utf8Bytes = (char: string) => {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
};

/**
 * Letters (of any script), digits and combining marks, lower case; every other run becomes one
 * dash. Cut at `maxBytes` of UTF-8, since file systems count bytes (255 for a name on most).
 */
function slug(text: string, maxBytes: number): string {
  const dashed = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+/, '');
  let kept = '';
  let bytes = 0;
  for (const char of dashed) {
    bytes += utf8Bytes(char);
    if (bytes > maxBytes) break;
    kept += char;
  }
  return kept.replace(/-+$/, '');
}

/**
 * The name of a hand-in download: the sheet's title and the student's name, `week-3-ana-rahimi.json`.
 * Only letters, digits and dashes, so it is a valid name on every system (Persian and other
 * scripts stay readable); each part at most 100 bytes, the whole at most 206.
 */
export function handInFileName(sheetTitle: string, student: string): string {
  const parts = [slug(sheetTitle, 100) || 'sheet', slug(student, 100)].filter(Boolean);
  return `${parts.join('-')}.json`;
}

export type ReadResult = { ok: true; progress: Progress } | { ok: false; message: string };

/** How an untrusted value is named in a message: its type, or a short quotation of a number or string (never its toString). */
function shown(value: unknown): string {
  if (typeof value === 'number') return String(value).slice(0, 20);
  if (typeof value === 'string') return `"${value.slice(0, 20)}${value.length > 20 ? '…' : ''}"`;
  if (value === null) return 'null';
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'an object' : typeof value;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === 'string');

/**
 * Every field of a parsed file, checked for its type in this one place: what the page needs
 * (format, version, progress) or the file is refused with the reason; what only describes it
 * (saved, assignment) is kept when well-formed and otherwise left out. Reads no property
 * through anything but a type check, so no value in the file can run code or throw.
 */
export function validateAnswersFile(parsed: unknown): { ok: true; file: AnswersFile } | { ok: false; message: string } {
  if (!isRecord(parsed) || parsed['format'] !== ANSWERS_FORMAT)
    return { ok: false, message: 'This file is not a file of answers saved from this course.' };
  const version = parsed['version'];
  if (typeof version !== 'number')
    return {
      ok: false,
      message: `This file's format version is ${shown(version)}, not a number, so it cannot be read.`,
    };
  if (version > 1)
    return { ok: false, message: `This file was saved by a newer version of the course (format ${shown(version)}).` };
  if (version !== 1)
    return { ok: false, message: `This file has an unknown format version (${shown(version)}), so it cannot be read.` };
  if (!isRecord(parsed['progress']))
    return { ok: false, message: `This file holds no answers (its progress is ${shown(parsed['progress'])}).` };
  const saved = typeof parsed['saved'] === 'string' ? parsed['saved'].slice(0, 40) : '';
  const file: AnswersFile = {
    format: ANSWERS_FORMAT,
    version: 1,
    saved,
    progress: sanitizeProgress(parsed['progress']),
  };
  const student = typeof parsed['student'] === 'string' ? studentName(parsed['student']) : '';
  if (student) file.student = student;
  const assignment = parsed['assignment'];
  if (
    isRecord(assignment) &&
    typeof assignment['title'] === 'string' &&
    typeof assignment['due'] === 'string' &&
    isStringList(assignment['exercises'])
  ) {
    file.assignment = {
      title: assignment['title'].slice(0, 200),
      due: assignment['due'].slice(0, 20),
      exercises: assignment['exercises'].slice(0, 200).map((id) => id.slice(0, 100)),
    };
  }
  return { ok: true, file };
}

export type ParseResult =
  | {
      ok: true;
      file: AnswersFile;
      /**
       * Keys of the file that are never an id or a name (`__proto__`, `constructor`, `prototype`),
       * wherever they were: validation leaves them out, and the grading page refuses such a file,
       * since no page of the course writes one.
       */
      unsafeKeys: string[];
    }
  | { ok: false; message: string };

/** Reads and validates a file's text, keeping everything in it that is well-formed. Never throws. */
export function parseAnswersFile(text: string): ParseResult {
  if (text.length > MAX_FILE_BYTES) return { ok: false, message: 'This file is too large to be a file of answers.' };
  const unsafe = new Set<string>();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, (key, value: unknown) => {
      if (UNSAFE_KEYS.has(key)) unsafe.add(key);
      return value;
    });
  } catch {
    return { ok: false, message: 'This file is not a file of answers saved from this course (it is not JSON).' };
  }
  const valid = validateAnswersFile(parsed);
  return valid.ok ? { ok: true, file: valid.file, unsafeKeys: [...unsafe] } : valid;
}

/** Reads a file's text: its inputs and done marks, never its verdicts. Never throws. */
export function readAnswersFile(text: string): ReadResult {
  const valid = parseAnswersFile(text);
  if (!valid.ok) return valid;
  const kept = withoutVerdicts(valid.file.progress);
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
  return Object.entries(before.answers).some(
    ([name, answer]) => answer.input.trim() !== '' && after.answers[name]?.input !== answer.input,
  );
}

/** Text in answer fields that the student changed on this page: exercise id → answer name → text. */
export type EditedInputs = Record<string, Record<string, string>>;

/**
 * Progress as the page shows it: each edited field's text laid over the record, so a download
 * holds what is on screen even where nothing could save it (the checker never loaded, storage
 * refused). A verdict stays only with the input it was given for.
 */
export function withEditedInputs(progress: Progress, edited: EditedInputs): Progress {
  const result: Progress = { ...progress };
  for (const [id, inputs] of Object.entries(edited)) {
    if (UNSAFE_KEYS.has(id)) continue;
    const before = progress[id];
    const answers: Record<string, SavedAnswer> = { ...before?.answers };
    for (const [name, input] of Object.entries(inputs)) {
      if (!UNSAFE_KEYS.has(name) && answers[name]?.input !== input) answers[name] = { input };
    }
    result[id] = before?.done ? { answers, done: true } : { answers };
  }
  return result;
}
