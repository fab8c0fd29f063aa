/**
 * Grades as CSV for a spreadsheet or an LMS gradebook: RFC 4180 (fields separated by commas,
 * lines by CRLF, a field with a comma, a quote or a line break quoted, quotes doubled), with the
 * formula-injection guard OWASP recommends, since names and file names are typed by students.
 */
import type { GradeRow, GradedSheet, StudentRow } from './grading';

/**
 * Characters a spreadsheet reads as the start of a formula (OWASP, "CSV Injection"): = + - @,
 * and tab and carriage return, which some spreadsheets skip before reading one.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One field: guarded against formulas (a leading `'`, which spreadsheets show as text), then quoted when needed. */
export function csvField(value: string): string {
  const guarded = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

/** Lines of fields as CSV text, each line ended by CRLF (RFC 4180, section 2). */
export const csvText = (lines: readonly (readonly string[])[]): string =>
  lines.map((fields) => `${fields.map(csvField).join(',')}\r\n`).join('');

/**
 * A byte order mark before the text: without it, Excel reads a UTF-8 file in the system's code
 * page and a Persian name comes out as mojibake. Readers that follow RFC 4180 skip it.
 */
export const BOM = '\uFEFF';

/**
 * The grades of a sheet, one line per graded student in the rows' order (problem rows are left
 * out: the page shows them): name, time handed in, late, then one column per exercise with the
 * number of correct answers, and the total. A column's heading says out of how many, since a
 * cell like 2/3 would be read as a date by a spreadsheet. An exercise without answer fields
 * (a proof) says "done" when the student marked it done.
 */
export function gradesCsv(sheet: GradedSheet, rows: readonly GradeRow[]): string {
  const students = rows.filter((row): row is StudentRow => row.kind === 'student');
  // Totals per exercise are the same for every student: they come from the sheet's answers.
  const totals = sheet.exercises.map((id) => students[0]?.exercises.find((exercise) => exercise.id === id)?.total);
  const heading = [
    'Student',
    'Handed in',
    'Late',
    ...sheet.exercises.map((id, i) =>
      totals[i] === 0 ? `${id} (done)` : totals[i] === undefined ? id : `${id} (of ${totals[i]})`,
    ),
    students[0] ? `Total (of ${students[0].total})` : 'Total',
  ];
  const lines = students.map((row) => [
    row.student,
    row.handedIn ?? '',
    row.late === null ? 'unknown' : row.late ? 'yes' : 'no',
    ...row.exercises.map((exercise) =>
      exercise.total === 0 ? (exercise.done ? 'done' : '') : String(exercise.correct),
    ),
    String(row.correct),
  ]);
  return BOM + csvText([heading, ...lines]);
}
