/**
 * Grading hand-ins in the instructor's browser: each answers file is read, checked against the
 * sheet, and every answer in it checked again by the same checker the students use, with the
 * answers the sheet's pages publish. A verdict written in a file is never read. Each file gives
 * one row, a student's scores or the reason it was not graded; one bad file never stops the
 * others, and nothing here throws.
 *
 * Scoring: one point per answer field, given when the checker says "correct"; a derivation in
 * steps is one field, correct when every line follows and the last is the expected result. An
 * exercise with no answer fields (a proof) scores nothing; its row says whether it was marked done.
 */
import { checkAnswer, type PublishedAnswer } from './check';
import { checkSteps } from './steps';
import type { PublishedStepsAnswer } from './stepsSpec';
import { MAX_FILE_BYTES, parseAnswersFile, type AnswersFile } from './answersFile';
import type { ExerciseRecord } from './progress';

/** The sheet being graded, as its link gives it (see assignment.ts). */
export interface GradedSheet {
  readonly title: string;
  /** YYYY-MM-DD, or '' for none. */
  readonly due: string;
  readonly exercises: readonly string[];
}

/**
 * The answers each exercise of the sheet asks for, as the pages publish them (publishAnswer), by
 * exercise id. Every answer is graded by the checker the page uses for it: checkAnswer for a
 * line, checkSteps for a derivation in steps.
 */
export type SheetAnswers = Readonly<Record<string, readonly (PublishedAnswer | PublishedStepsAnswer)[]>>;

/** A dropped file: its name, its text, and its size in bytes when known (a File's `size`). */
export interface HandIn {
  readonly name: string;
  readonly text: string;
  readonly size?: number;
}

export interface GradeOptions {
  /**
   * The grader's offset from UTC in minutes, east positive (Tehran +210): a hand-in is late
   * after the end of the due day there. The page passes `-new Date().getTimezoneOffset()`.
   */
  readonly utcOffsetMinutes?: number;
}

export type AnswerStatus = 'correct' | 'incorrect' | 'invalid' | 'unanswered';

export interface AnswerGrade {
  readonly name: string;
  /** What the student typed ('' when the field was left empty or is missing). */
  readonly input: string;
  readonly status: AnswerStatus;
  /** The checker's message, for "each answer with its verdict on demand". */
  readonly message: string;
  readonly previewTex?: string;
}

export interface ExerciseGrade {
  readonly id: string;
  readonly correct: number;
  /** The number of answer fields: one point each. */
  readonly total: number;
  /** For an exercise without answer fields: whether the student marked it done. */
  readonly done: boolean;
  readonly answers: readonly AnswerGrade[];
}

export interface StudentRow {
  readonly kind: 'student';
  readonly file: string;
  readonly student: string;
  /** Where the name comes from: the file's `student` field, or (older files) the file's name. */
  readonly nameFrom: 'file' | 'file name';
  /** When the file says it was saved (ISO 8601), or null when it does not say. */
  readonly handedIn: string | null;
  /** After the due day ended; null when the time is unknown and the sheet has a due date. */
  readonly late: boolean | null;
  readonly exercises: readonly ExerciseGrade[];
  readonly correct: number;
  readonly total: number;
}

export interface ProblemRow {
  readonly kind: 'problem';
  readonly file: string;
  /** Why the file was not graded, one or two sentences. */
  readonly reason: string;
}

export type GradeRow = StudentRow | ProblemRow;

/** Files whose name says nothing are shown by at most this many characters. */
const MAX_FILE_NAME = 120;

/** A file's name as rows show it: bounded, no control characters. */
const shownFileName = (name: string) =>
  Array.from(name.replace(/[\p{Cc}\p{Cf}]/gu, ' '))
    .slice(0, MAX_FILE_NAME)
    .join('') || 'a file without a name';

/**
 * The instant a due day ends where the grader is: midnight after YYYY-MM-DD at `utcOffsetMinutes`
 * east of UTC, in milliseconds since the epoch; null for no (or a malformed) due date.
 */
export function deadlineOf(due: string, utcOffsetMinutes = 0): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(due);
  if (!match) return null;
  const midnightUtc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1);
  return Number.isFinite(midnightUtc) ? midnightUtc - utcOffsetMinutes * 60_000 : null;
}

/** The time a file says it was saved, if it is a real ISO 8601 instant. */
function savedAt(saved: string): { iso: string; time: number } | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(saved)) return null;
  const time = Date.parse(saved);
  return Number.isFinite(time) ? { iso: saved, time } : null;
}

/** A name compared for duplicates: case, width and spacing do not make two students. */
const studentKey = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();

/** A title compared between a file and the sheet, as leniently as names. */
const sameTitle = (a: string, b: string) => studentKey(a) === studentKey(b);

/** The student's name from a file's name: `week-3-ana-rahimi.json` → `week-3-ana-rahimi`. */
const nameFromFileName = (file: string) => shownFileName(file.replace(/\.json$/i, '').trim()) || shownFileName(file);

/** `"a", "b", …`: a few ids for a message. */
const quoted = (ids: readonly string[]) =>
  ids
    .slice(0, 3)
    .map((id) => `"${id.slice(0, 40)}"`)
    .join(', ') + (ids.length > 3 ? ', …' : '');

/** Why a file's sheet is not this sheet, or null when it is this sheet. */
function otherSheet(file: AnswersFile, sheet: GradedSheet): string | null {
  const theirs = file.assignment;
  if (!theirs) {
    return 'This file was saved outside a problem sheet (from a lesson or the exercise index), so it cannot be matched to this sheet; the student can load it on the sheet and hand it in from there.';
  }
  if (!sameTitle(theirs.title, sheet.title))
    return `This file is for the sheet "${theirs.title.slice(0, 80)}", not "${sheet.title.slice(0, 80)}".`;
  const ours = new Set(sheet.exercises);
  const missing = sheet.exercises.filter((id) => !theirs.exercises.includes(id));
  const extra = theirs.exercises.filter((id) => !ours.has(id));
  if (missing.length > 0 || extra.length > 0) {
    const parts = [
      missing.length > 0 ? `it lacks ${quoted(missing)}` : '',
      extra.length > 0 ? `it has ${quoted(extra)} besides` : '',
    ].filter(Boolean);
    return `This file is for a sheet of the same title with other exercises: ${parts.join(', and ')}.`;
  }
  return null;
}

function gradeExercise(
  id: string,
  specs: readonly (PublishedAnswer | PublishedStepsAnswer)[],
  record: ExerciseRecord | undefined,
): ExerciseGrade {
  const answers = specs.map((spec): AnswerGrade => {
    const input = record && Object.hasOwn(record.answers, spec.name) ? record.answers[spec.name]!.input : '';
    if (input.trim() === '') return { name: spec.name, input, status: 'unanswered', message: 'No answer.' };
    // The file's own verdict is never looked at: the checker decides, from the input alone.
    const verdict = spec.type === 'steps' ? checkSteps(spec, input) : checkAnswer(spec, input);
    return {
      name: spec.name,
      input,
      status: verdict.status,
      message: verdict.message,
      ...(verdict.previewTex === undefined ? {} : { previewTex: verdict.previewTex }),
    };
  });
  const correct = answers.filter((answer) => answer.status === 'correct').length;
  return { id, correct, total: specs.length, done: record?.done === true, answers };
}

/** One file's row, without the duplicate check (which needs the others). */
function gradeOne(handIn: HandIn, sheet: GradedSheet, sheetAnswers: SheetAnswers, deadline: number | null): GradeRow {
  const file = shownFileName(handIn.name);
  const problem = (reason: string): ProblemRow => ({ kind: 'problem', file, reason });
  // Checked before anything is read: the page passes File.size, and text.length bounds the rest.
  if ((handIn.size ?? 0) > MAX_FILE_BYTES || handIn.text.length > MAX_FILE_BYTES) {
    return problem(
      `This file is larger than ${MAX_FILE_BYTES / 1_000_000} MB, far more than any file of answers, so it was not read.`,
    );
  }
  const parsed = parseAnswersFile(handIn.text);
  if (!parsed.ok) return problem(parsed.message);
  if (parsed.unsafeKeys.length > 0) {
    return problem(
      `This file contains the key ${quoted(parsed.unsafeKeys)}, which no page of this course writes: it was made or edited by hand, so it is not graded.`,
    );
  }
  const answersFile = parsed.file;
  const wrongSheet = otherSheet(answersFile, sheet);
  if (wrongSheet) return problem(wrongSheet);

  const { progress } = answersFile;
  const exercises = sheet.exercises.map((id) =>
    gradeExercise(
      id,
      Object.hasOwn(sheetAnswers, id) ? sheetAnswers[id]! : [],
      Object.hasOwn(progress, id) ? progress[id] : undefined,
    ),
  );
  const saved = savedAt(answersFile.saved);
  const late = deadline === null ? false : saved === null ? null : saved.time >= deadline;
  return {
    kind: 'student',
    file,
    student: answersFile.student ?? nameFromFileName(handIn.name),
    nameFrom: answersFile.student ? 'file' : 'file name',
    handedIn: saved?.iso ?? null,
    late,
    exercises,
    correct: exercises.reduce((sum, exercise) => sum + exercise.correct, 0),
    total: exercises.reduce((sum, exercise) => sum + exercise.total, 0),
  };
}

/**
 * Grades hand-ins for a sheet: one row per file, in the files' order. A second file for a
 * student already graded gets a problem row naming the first, which is the one that counts.
 */
export function gradeFiles(
  sheet: GradedSheet,
  sheetAnswers: SheetAnswers,
  files: readonly HandIn[],
  options: GradeOptions = {},
): GradeRow[] {
  const deadline = deadlineOf(sheet.due, options.utcOffsetMinutes ?? 0);
  const graded = new Map<string, string>();
  return files.map((handIn) => {
    let row: GradeRow;
    try {
      row = gradeOne(handIn, sheet, sheetAnswers, deadline);
    } catch {
      // Nothing above should throw; should it, this file gets a row and the others are graded.
      return {
        kind: 'problem',
        file: shownFileName(String(handIn?.name ?? '')),
        reason: 'This file could not be graded (an unexpected error); the other files were.',
      };
    }
    if (row.kind === 'problem') return row;
    const key = studentKey(row.student);
    const first = graded.get(key);
    if (first !== undefined) {
      return {
        kind: 'problem',
        file: row.file,
        reason: `This file is a second one for ${row.student}, who is already graded from ${first}; only the first counts.`,
      };
    }
    graded.set(key, row.file);
    return row;
  });
}
