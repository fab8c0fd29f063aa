/**
 * Reading and writing an exercise's elements: its answer fields, verdicts and state label.
 * Everything a student typed or a file supplied goes in as text (value, textContent), never
 * as markup.
 */
import {
  currentVerdict,
  exerciseState,
  STATE_TEXT,
  type CurrentAnswer,
  type ExerciseRecord,
  type ExerciseState,
  type SavedAnswer,
} from '../progress';

export const exerciseRoots = (scope: ParentNode = document) => [
  ...scope.querySelectorAll<HTMLElement>('[data-exercise]'),
];

/** An answer's field: a line, or the multi-line field of a derivation in steps (data-steps). */
export type AnswerField = HTMLInputElement | HTMLTextAreaElement;

/**
 * Said where an answer or a done mark could not be saved. The page still holds it (pageProgress),
 * so a download on this page has it; a page without one (a lesson) does not offer it.
 */
export function notSaved(): string {
  const kept = 'This browser did not save it (storage is blocked or full): it stays on this page until you leave it';
  return document.querySelector('[data-answers-download]')
    ? `${kept}; download your answers to keep them.`
    : `${kept}.`;
}

/** The version of an answer's spec the build wrote on its form. */
export const versionOf = (form: HTMLElement) => form.dataset['answerVersion'] ?? '';

/**
 * An exercise's checkable answers with their versions, from its forms (or, in the index, from
 * its data-answers: `name:version`, space-separated).
 */
export function currentAnswers(root: HTMLElement): CurrentAnswer[] {
  const forms = [...root.querySelectorAll<HTMLElement>('form[data-answer-form]')];
  if (forms.length > 0) return forms.map((form) => ({ name: form.dataset['answerForm']!, version: versionOf(form) }));
  const listed = root.dataset['answers'] ?? '';
  return listed
    .split(' ')
    .filter(Boolean)
    .map((entry) => {
      const [name = '', version = ''] = entry.split(':');
      return { name, version };
    });
}

export function showState(root: HTMLElement, state: ExerciseState): void {
  root.dataset['exerciseState'] = state;
  for (const label of root.querySelectorAll<HTMLElement>('[data-exercise-state-label]')) {
    label.textContent = STATE_TEXT[state];
    label.hidden = false;
  }
  for (const toggle of root.querySelectorAll<HTMLButtonElement>('[data-mark-done]')) {
    toggle.setAttribute('aria-pressed', String(state === 'solved'));
  }
}

/** Shows one answer's verdict; an absent status clears it. */
export function showVerdict(form: HTMLElement, answer: Pick<SavedAnswer, 'status' | 'message'>): void {
  const verdict = form.querySelector<HTMLElement>('[data-answer-verdict]');
  if (!verdict) return;
  if (answer.status) verdict.dataset['answerStatus'] = answer.status;
  else delete verdict.dataset['answerStatus'];
  verdict.textContent = answer.message ?? '';
}

export interface RestoreOptions {
  /**
   * Replace what the fields hold even where the student is typing: for answers the student
   * asked for (loaded from a file), not for saved ones put back while the page starts.
   */
  overwrite?: boolean;
}

/**
 * Puts a stored record back into an exercise's fields and labels. A saved verdict shows only if
 * it was given against the answer's current version; otherwise the input comes back alone.
 * Restoring may run after the student started typing (it waits for an import), so a field they
 * are in, or have typed in (its value is no longer the one the page or the last restore put
 * there), keeps its text and verdict unless `overwrite` is set.
 */
export function restoreExercise(
  root: HTMLElement,
  record: ExerciseRecord | undefined,
  { overwrite = false }: RestoreOptions = {},
): void {
  for (const form of root.querySelectorAll<HTMLFormElement>('[data-answer-form]')) {
    const field = form.querySelector<AnswerField>('[data-answer]');
    if (!field) continue;
    if (!overwrite && (field === root.ownerDocument.activeElement || field.value !== field.defaultValue)) continue;
    const saved = record?.answers[field.dataset['answer']!];
    const input = saved?.input ?? '';
    // The restored text becomes the field's default, so typing after this is told apart from it.
    field.defaultValue = input;
    field.value = input;
    showVerdict(form, currentVerdict(saved, versionOf(form)));
  }
  showState(root, exerciseState(record, currentAnswers(root)));
}
