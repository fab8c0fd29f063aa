import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { withEditedInputs } from '../../src/exercises/answersFile';
import { editedInputs } from '../../src/exercises/browser/answersTools';
import { currentAnswers, restoreExercise } from '../../src/exercises/browser/dom';
import type { ExerciseRecord } from '../../src/exercises/progress';

const V1 = '0badc0de';
const V2 = '12345678';

/**
 * An exercise as the build writes it, in linkedom. linkedom keeps an input's value in its value
 * attribute, so each input gets the browser's split: `defaultValue` is the attribute, `value`
 * follows it until something sets the value. `focus()` makes it the document's active element.
 */
function exercise(version = V1) {
  const { document } = parseHTML(`<html><body><article data-exercise="softmax-dz">
    <span data-exercise-state-label hidden></span>
    <form data-answer-form="dz" data-answer-version="${version}"><input data-answer="dz"><p data-answer-verdict></p></form>
    <form data-answer-form="da" data-answer-version="${version}"><input data-answer="da"><p data-answer-verdict></p></form>
  </article></body></html>`);
  let active: unknown = document.body;
  Object.defineProperty(document, 'activeElement', { get: () => active, configurable: true });
  for (const input of document.querySelectorAll('input')) {
    let value: string | undefined;
    Object.defineProperties(input, {
      defaultValue: {
        get: () => input.getAttribute('value') ?? '',
        set: (text: string) => input.setAttribute('value', text),
      },
      value: { get: () => value ?? input.getAttribute('value') ?? '', set: (text: string) => (value = text) },
      focus: { value: () => (active = input) },
    });
  }
  const root = document.querySelector('[data-exercise]') as unknown as HTMLElement;
  const field = (name: string) => root.querySelector<HTMLInputElement>(`[data-answer="${name}"]`)!;
  const verdict = (name: string) =>
    root.querySelector<HTMLElement>(`[data-answer-form="${name}"] [data-answer-verdict]`)!;
  const label = () => root.querySelector<HTMLElement>('[data-exercise-state-label]')!.textContent;
  return { root, field, verdict, label };
}

const record: ExerciseRecord = {
  answers: {
    dz: { input: 'yhat - y', status: 'correct', message: 'Right.', version: V1 },
    da: { input: 'a(1 - a)', status: 'correct', message: 'Right.', version: V1 },
  },
};

describe('putting saved answers back', () => {
  it('reads the answers and their versions from the forms, or from the index entry', () => {
    expect(currentAnswers(exercise().root)).toEqual([
      { name: 'dz', version: V1 },
      { name: 'da', version: V1 },
    ]);
    const { document } = parseHTML(
      `<ul><li data-exercise="x" data-answers="dz:${V1} da:${V2}"></li><li data-exercise="y" data-answers=""></li></ul>`,
    );
    const [x, y] = [...document.querySelectorAll('li')] as unknown as HTMLElement[];
    expect(currentAnswers(x!)).toEqual([
      { name: 'dz', version: V1 },
      { name: 'da', version: V2 },
    ]);
    expect(currentAnswers(y!)).toEqual([]);
  });

  it('shows a saved verdict given against the current version', () => {
    const { root, field, verdict, label } = exercise(V1);
    restoreExercise(root, record);
    expect(field('dz').value).toBe('yhat - y');
    expect(verdict('dz').dataset['answerStatus']).toBe('correct');
    expect(verdict('dz').textContent).toBe('Right.');
    expect(label()).toBe('Solved');
  });

  it('shows the input without its verdict when the answer changed since', () => {
    const { root, field, verdict, label } = exercise(V2);
    restoreExercise(root, record);
    expect(field('dz').value).toBe('yhat - y');
    expect(verdict('dz').dataset['answerStatus']).toBeUndefined();
    expect(verdict('dz').textContent).toBe('');
    expect(label()).toBe('Not tried');
  });

  it('leaves a field the student is in, or has typed in, as it is', () => {
    const { root, field, verdict } = exercise();
    field('dz').focus();
    restoreExercise(root, record);
    expect(field('dz').value).toBe('');
    expect(verdict('dz').dataset['answerStatus']).toBeUndefined();
    expect(field('da').value).toBe('a(1 - a)');

    const typed = exercise();
    typed.field('dz').value = 'y - yh';
    restoreExercise(typed.root, record);
    expect(typed.field('dz').value).toBe('y - yh');
    expect(typed.verdict('dz').textContent).toBe('');
    expect(typed.field('da').value).toBe('a(1 - a)');
  });

  it('puts a restored value back again later, unless the student has typed over it', () => {
    const { root, field } = exercise();
    restoreExercise(root, record);
    const newer: ExerciseRecord = { answers: { dz: { input: 'yhat - y + 0' }, da: { input: 'a - a^2' } } };
    field('da').value = 'a - a';
    restoreExercise(root, newer);
    expect(field('dz').value).toBe('yhat - y + 0');
    expect(field('da').value).toBe('a - a');
  });

  it('overwrites every field when asked (answers loaded from a file)', () => {
    const { root, field } = exercise();
    field('dz').focus();
    field('dz').value = 'typed';
    field('da').value = 'typed too';
    restoreExercise(root, record, { overwrite: true });
    expect(field('dz').value).toBe('yhat - y');
    expect(field('da').value).toBe('a(1 - a)');
  });

  it('lists the fields typed in on this page, which a download lays over the saved answers', () => {
    const { root, field } = exercise();
    restoreExercise(root, record);
    // Restored text is not an edit; text typed after it is, even where nothing saved it.
    expect(editedInputs(root.ownerDocument)).toEqual({});
    field('da').value = 'a - a^2';
    const edited = editedInputs(root.ownerDocument);
    expect(edited).toEqual({ 'softmax-dz': { da: 'a - a^2' } });
    // The saved verdict stays with the input it was given for; the edited one comes without.
    expect(withEditedInputs({ 'softmax-dz': record }, edited)).toEqual({
      'softmax-dz': { answers: { dz: record.answers['dz'], da: { input: 'a - a^2' } } },
    });
    // An exercise nothing saved comes in as typed; one that was saved and not edited is kept.
    expect(withEditedInputs({ other: { answers: {}, done: true } }, { 'softmax-dz': { dz: 'y' } })).toEqual({
      other: { answers: {}, done: true },
      'softmax-dz': { answers: { dz: { input: 'y' } } },
    });
  });
});
