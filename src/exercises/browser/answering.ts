/**
 * Checking answers in the page: a live preview of how the input was read while the student
 * types, a verdict on Enter or Check, and everything saved as it happens. Loaded on the first
 * answer, with the checker; KaTeX follows for the preview. Derivations in steps are not handled
 * here (their field is no input[data-answer]): stepsAnswering.ts does, loaded apart.
 */
import { katexNow, katexOptions, loadKatex } from '../../display/katex';
import { checkAnswer, type PublishedAnswer } from '../check';
import { EXAM_CHECK_MESSAGE, isExamAnswer, type ExamAnswer } from '../exam';
import { currentAnswers, notSaved, showState, showVerdict, versionOf } from './dom';
import { exerciseState, updateExercise, type SavedAnswer } from '../progress';

type Katex = typeof import('katex').default;

const specs = new WeakMap<HTMLFormElement, PublishedAnswer | ExamAnswer | null>();

/** The answer's spec, from the JSON the build wrote into the form (null if unreadable). */
function specOf(form: HTMLFormElement): PublishedAnswer | ExamAnswer | null {
  if (!specs.has(form)) {
    let spec: PublishedAnswer | ExamAnswer | null;
    try {
      spec = JSON.parse(form.querySelector('script[data-answer-spec]')?.textContent ?? 'null') as
        PublishedAnswer | ExamAnswer | null;
    } catch {
      spec = null;
    }
    specs.set(form, spec);
  }
  return specs.get(form)!;
}

/** The TeX each form's preview should show now: a KaTeX that arrives late draws only that. */
const shownTex = new WeakMap<HTMLFormElement, string | undefined>();

/**
 * Shows how the current input was read (`tex`), or, while it cannot be read, what stops it
 * (`problem`): never an earlier reading, which would be a wrong answer to what is typed now.
 * Neither hides the preview (an empty field, or a verdict that already says the problem).
 */
function showPreview(form: HTMLFormElement, tex: string | undefined, problem?: string): void {
  const preview = form.querySelector<HTMLElement>('[data-answer-preview]');
  if (!preview) return;
  const label = preview.querySelector('.answer-preview-label');
  const math = preview.querySelector('[data-answer-preview-math]') ?? preview;
  shownTex.set(form, tex);
  if (tex === undefined) {
    if (label) label.textContent = 'Not readable yet:';
    math.textContent = problem ?? '';
    preview.hidden = problem === undefined;
    if (problem === undefined) delete preview.dataset['answerPreviewProblem'];
    else preview.dataset['answerPreviewProblem'] = '';
    return;
  }
  const draw = (k: Katex) => {
    if (shownTex.get(form) !== tex) return;
    if (label) label.textContent = 'Read as';
    delete preview.dataset['answerPreviewProblem'];
    // trust off, errors as text: the TeX comes from the checker, which escapes what was typed.
    math.innerHTML = k.renderToString(tex, katexOptions(false));
    preview.hidden = false;
  };
  const katex = katexNow();
  if (katex) draw(katex);
  else void loadKatex().then(draw);
}

function rootOf(element: Element): HTMLElement | null {
  return element.closest<HTMLElement>('[data-exercise]');
}

function onInput(form: HTMLFormElement, field: HTMLInputElement): void {
  const root = rootOf(form);
  const spec = specOf(form);
  if (!root || !spec) return;
  const input = field.value;
  // A verdict belongs to the input it was given for: editing clears it.
  showVerdict(form, {});
  const reading = input.trim() === '' || isExamAnswer(spec) ? undefined : checkAnswer(spec, input);
  showPreview(form, reading?.previewTex, reading?.status === 'invalid' ? reading.message : undefined);
  const { record } = updateExercise(root.dataset['exercise']!, (r) => {
    r.answers[field.dataset['answer']!] = { input };
  });
  showState(root, exerciseState(record, currentAnswers(root)));
}

function onSubmit(form: HTMLFormElement): void {
  const root = rootOf(form);
  const field = form.querySelector<HTMLInputElement>('input[data-answer]');
  const spec = specOf(form);
  if (!root || !field) return;
  if (!spec) {
    showVerdict(form, {
      status: 'invalid',
      message: 'This answer cannot be checked: its definition in the page is unreadable.',
    });
    return;
  }
  if (isExamAnswer(spec)) {
    // An exam edition has nothing to compare with: the answer is kept for the hand-in, unjudged.
    const { record, saved } = updateExercise(root.dataset['exercise']!, (r) => {
      r.answers[field.dataset['answer']!] = { input: field.value };
    });
    showVerdict(form, { message: saved ? EXAM_CHECK_MESSAGE : `${EXAM_CHECK_MESSAGE} ${notSaved()}` });
    showState(root, exerciseState(record, currentAnswers(root)));
    return;
  }
  const verdict = checkAnswer(spec, field.value);
  // Stored with the version of the spec it was checked against, so that it counts only while that holds.
  const answer: SavedAnswer = {
    input: field.value,
    status: verdict.status,
    message: verdict.message,
    version: versionOf(form),
  };
  const { record, saved } = updateExercise(root.dataset['exercise']!, (r) => {
    r.answers[field.dataset['answer']!] = answer;
  });
  // The checker's messages about unreadable input are fragments without a full stop.
  const sentence = /[.!?]$/.test(verdict.message) ? verdict.message : `${verdict.message}.`;
  showVerdict(form, saved ? answer : { ...answer, message: `${sentence} ${notSaved()}` });
  showPreview(form, verdict.previewTex);
  if (verdict.status === 'invalid' && verdict.position) {
    field.focus();
    field.setSelectionRange(verdict.position.start, Math.max(verdict.position.end, verdict.position.start + 1));
  }
  showState(root, exerciseState(record, currentAnswers(root)));
}

function onMarkDone(button: HTMLButtonElement): void {
  const root = rootOf(button);
  if (!root) return;
  const { record, saved } = updateExercise(root.dataset['exercise']!, (r) => {
    if (r.done) delete r.done;
    else r.done = true;
  });
  showState(root, exerciseState(record, currentAnswers(root)));
  const note = root.querySelector<HTMLElement>('[data-mark-done-note]');
  if (note) note.textContent = saved ? '' : notSaved();
}

function handle(event: Event): void {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  const form = target.closest<HTMLFormElement>('form[data-answer-form]');
  if (event.type === 'submit' && form) {
    event.preventDefault();
    onSubmit(form);
  } else if (event.type === 'input' && form && target instanceof HTMLInputElement && target.matches('[data-answer]')) {
    onInput(form, target);
  } else if (event.type === 'click') {
    const button = target.closest<HTMLButtonElement>('[data-mark-done]');
    if (button && rootOf(button)) onMarkDone(button);
  }
}

/** Takes over from the loader: replays the events it caught, then listens itself. */
export function startAnswering(caught: Event[]): void {
  for (const type of ['input', 'submit', 'click']) document.addEventListener(type, handle);
  for (const event of caught) handle(event);
}
