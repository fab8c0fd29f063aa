/**
 * A sheet's "Hand in": the first time, the student types a name or student number, which this
 * browser keeps (and they can change); each hand-in downloads the answers file named after the
 * sheet and the student (`week-3-ana-rahimi.json`), with the name, the sheet and the time in it.
 * Nothing is sent anywhere: the student sends the file, and the grading page reads it.
 */
import { answersFileText, handInFileName, MAX_STUDENT, studentName, type AnswersFile } from '../answersFile';
import { answersOnScreen, downloadText, type AnswersToolsOptions } from './answersTools';

/** Where this browser keeps the student's name: one for every sheet, since it is the same student. */
export const STUDENT_KEY = 'nn-live:student:v1';

function storedName(): string {
  try {
    return studentName(localStorage.getItem(STUDENT_KEY) ?? '');
  } catch {
    return '';
  }
}

function storeName(name: string): boolean {
  try {
    localStorage.setItem(STUDENT_KEY, name);
    return true;
  } catch {
    return false;
  }
}

/** Why a typed name cannot be used, or null: something is left after cleaning, and it is not cut. */
export function nameProblem(typed: string): string | null {
  if (studentName(typed) === '') return 'Type your name or student number first.';
  if (Array.from(typed.trim()).length > MAX_STUDENT) return `Keep your name or number under ${MAX_STUDENT} characters.`;
  return null;
}

export interface HandInOptions extends Pick<AnswersToolsOptions, 'exerciseIds' | 'editedInputs'> {
  assignment: () => NonNullable<AnswersFile['assignment']>;
}

export function initHandIn(form: HTMLFormElement, options: HandInOptions): void {
  const field = form.querySelector<HTMLInputElement>('[data-hand-in-name]')!;
  const ask = form.querySelector<HTMLElement>('[data-hand-in-ask]')!;
  const as = form.querySelector<HTMLElement>('[data-hand-in-as]')!;
  const shown = form.querySelector<HTMLElement>('[data-hand-in-shown]')!;
  const status = form.querySelector<HTMLElement>('[data-hand-in-status]')!;
  // Held for the page's life even where storage refuses it.
  let name = storedName();

  const showName = () => {
    as.hidden = name === '';
    ask.hidden = name !== '';
    shown.textContent = name;
    field.value = name;
  };
  showName();

  form.querySelector('[data-hand-in-change]')!.addEventListener('click', () => {
    name = '';
    showName();
    field.value = shown.textContent ?? '';
    field.focus();
    field.select();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (name === '') {
      const problem = nameProblem(field.value);
      if (problem) {
        status.textContent = problem;
        field.setAttribute('aria-invalid', 'true');
        field.focus();
        return;
      }
      field.removeAttribute('aria-invalid');
      name = studentName(field.value);
      storeName(name);
      showName();
    }
    const assignment = options.assignment();
    const { chosen, count } = answersOnScreen(options);
    const fileName = handInFileName(assignment.title, name);
    downloadText(fileName, answersFileText(chosen, new Date(), assignment, name), 'application/json');
    const n = assignment.exercises.length;
    const holds =
      count === 0
        ? 'It holds no answers yet.'
        : `It holds your answers to ${count} of the ${n} exercise${n === 1 ? '' : 's'}.`;
    status.textContent = `Saved ${fileName}. ${holds} Send this file to your instructor; you can hand in again after changing an answer, and the newest file is the one to send.`;
  });
}
