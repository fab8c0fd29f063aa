/**
 * The grading page: the sheet from the link (`?title=…&due=…&ex=…`, read as the sheet page reads
 * it), the answers files from the file input or a drop, each read here and graded by gradeFiles
 * with the answers this page carries, never with a verdict from a file. Files add up over drops
 * (so a duplicate across drops is caught) until "Clear". Nothing leaves the browser but the CSV
 * the grader downloads.
 */
import { formatDue, parseAssignment } from '../assignment';
import { MAX_FILE_BYTES } from '../answersFile';
import type { PublishedAnswer } from '../check';
import { gradesCsv } from '../csv';
import type { ExamAnswer } from '../exam';
import { gradeFiles, type GradedSheet, type GradeRow, type HandIn, type SheetAnswers } from '../grading';
import { downloadText, fileNameFrom } from './answersTools';
import { drawRows, type ExerciseInfo } from './gradeRows';

/** Files graded at once, at most: far more than a class, and still quick (bench/grading.mjs). */
export const MAX_FILES = 1000;

interface PageExercise {
  id: string;
  number: string;
  title: string;
  answers: (PublishedAnswer | ExamAnswer)[];
}

function readSpecs(): PageExercise[] {
  try {
    const parsed: unknown = JSON.parse(document.querySelector('[data-grade-specs]')?.textContent ?? '[]');
    return Array.isArray(parsed) ? (parsed as PageExercise[]) : [];
  } catch {
    return [];
  }
}

export function initGrading(): void {
  const list = document.querySelector<HTMLElement>('[data-grade-rows]');
  if (!list) return; // An exam edition: the page says to grade with a full build.
  const exercises = readSpecs();
  const sheetLine = document.querySelector<HTMLElement>('[data-grade-sheet]')!;
  const problems = document.querySelector<HTMLElement>('[data-grade-problems]')!;
  const status = document.querySelector<HTMLElement>('[data-grade-status]')!;
  const drop = document.querySelector<HTMLElement>('[data-grade-drop]')!;
  const input = document.querySelector<HTMLInputElement>('[data-grade-files]')!;

  const byId = new Map(exercises.map((exercise) => [exercise.id, exercise]));
  const parsed = parseAssignment(location.search, new Set(byId.keys()));
  const messages = [...parsed.problems];
  // An exam edition's page has no answers to grade with (grade.astro says so); a page without them grades nothing.
  if (exercises.length === 0)
    messages.push('This page carries no answers to grade with: use a full build of the course.');
  for (const message of messages) problems.append(Object.assign(document.createElement('p'), { textContent: message }));
  if (parsed.exercises.length === 0 || messages.length > parsed.problems.length) return;

  const sheet: GradedSheet = { title: parsed.title || 'Problem sheet', due: parsed.due, exercises: parsed.exercises };
  const answers: SheetAnswers = Object.fromEntries(
    sheet.exercises.map((id) => [id, byId.get(id)!.answers as PublishedAnswer[]]),
  );
  const infos = new Map<string, ExerciseInfo>(
    sheet.exercises.map((id) => {
      const { number, title, answers: specs } = byId.get(id)!;
      return [id, { number, title, labels: new Map(specs.map((spec) => [spec.name, spec.label])) }];
    }),
  );
  const n = sheet.exercises.length;
  sheetLine.textContent = `Grading “${sheet.title}”${sheet.due ? `, due ${formatDue(sheet.due)}` : ''}: ${n} exercise${n === 1 ? '' : 's'} (${sheet.exercises.map((id) => byId.get(id)!.number).join(', ')}).`;
  for (const element of document.querySelectorAll<HTMLElement>('[data-exercise-js]')) element.hidden = false;

  let files: HandIn[] = [];
  let rows: GradeRow[] = [];
  let dropped = 0;

  const grade = () => {
    rows = gradeFiles(sheet, answers, files, { utcOffsetMinutes: -new Date().getTimezoneOffset() });
    drawRows(list, rows, infos, sheet.due ? formatDue(sheet.due) : '');
    const students = rows.filter((row) => row.kind === 'student').length;
    const refused = rows.length - students;
    const beyond =
      dropped > 0
        ? ` ${dropped} more file${dropped === 1 ? ' was' : 's were'} not read: at most ${MAX_FILES} at once.`
        : '';
    status.textContent =
      rows.length === 0
        ? ''
        : `Graded ${students} student${students === 1 ? '' : 's'}${refused > 0 ? `; ${refused} file${refused === 1 ? '' : 's'} not graded (see below)` : ''}.${beyond}`;
  };

  const add = async (chosen: readonly File[]) => {
    const room = Math.max(0, MAX_FILES - files.length);
    dropped += Math.max(0, chosen.length - room);
    const read = await Promise.all(
      chosen.slice(0, room).map(async (file): Promise<HandIn> => {
        // Checked before reading: a huge file is never read into memory; gradeFiles says why.
        if (file.size > MAX_FILE_BYTES) return { name: file.name, text: '', size: file.size };
        try {
          return { name: file.name, text: await file.text(), size: file.size };
        } catch {
          return { name: file.name, text: '', size: file.size };
        }
      }),
    );
    files = [...files, ...read];
    grade();
  };

  input.addEventListener('change', () => {
    const chosen = [...(input.files ?? [])];
    input.value = '';
    void add(chosen);
  });
  // A drop anywhere on the zone; the page itself must not open a file dropped beside it.
  for (const type of ['dragenter', 'dragover'] as const)
    drop.addEventListener(type, (event) => {
      event.preventDefault();
      drop.dataset['dragging'] = '';
    });
  drop.addEventListener('dragleave', () => delete drop.dataset['dragging']);
  drop.addEventListener('drop', (event) => {
    event.preventDefault();
    delete drop.dataset['dragging'];
    void add([...(event.dataTransfer?.files ?? [])]);
  });
  addEventListener('dragover', (event) => event.preventDefault());
  addEventListener('drop', (event) => event.preventDefault());

  document.querySelector('[data-grade-clear]')!.addEventListener('click', () => {
    files = [];
    dropped = 0;
    grade();
    status.textContent = 'Cleared: no files loaded.';
  });
  document.querySelector('[data-export="grades-csv"]')!.addEventListener('click', () => {
    if (!rows.some((row) => row.kind === 'student')) {
      status.textContent = 'There are no grades to download yet: load the answers files first.';
      return;
    }
    const name = fileNameFrom(sheet.title, 'sheet').replace(/-answers\.json$/, '-grades.csv');
    downloadText(name, gradesCsv(sheet, rows), 'text/csv;charset=utf-8');
    status.textContent = `Saved ${name}.`;
  });
}
