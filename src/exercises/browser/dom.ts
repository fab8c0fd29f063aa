/**
 * Reading and writing an exercise's elements: its answer fields, verdicts and state label.
 * Everything a student typed or a file supplied goes in as text (value, textContent), never
 * as markup.
 */
import { exerciseState, STATE_TEXT, type ExerciseRecord, type ExerciseState, type SavedAnswer } from '../progress';

export const exerciseRoots = (scope: ParentNode = document) => [...scope.querySelectorAll<HTMLElement>('[data-exercise]')];

/** The names of an exercise's checkable answers, from its fields (or, in the index, its data). */
export function answerNames(root: HTMLElement): string[] {
  const fields = [...root.querySelectorAll<HTMLInputElement>('input[data-answer]')];
  if (fields.length > 0) return fields.map((field) => field.dataset['answer']!);
  const listed = root.dataset['answers'];
  return listed ? listed.split(' ').filter(Boolean) : [];
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

/** Puts a stored record back into an exercise's fields and labels. */
export function restoreExercise(root: HTMLElement, record: ExerciseRecord | undefined): void {
  for (const form of root.querySelectorAll<HTMLFormElement>('[data-answer-form]')) {
    const field = form.querySelector<HTMLInputElement>('input[data-answer]');
    if (!field) continue;
    const saved = record?.answers[field.dataset['answer']!];
    field.value = saved?.input ?? '';
    showVerdict(form, saved ?? {});
  }
  showState(root, exerciseState(record, answerNames(root)));
}
