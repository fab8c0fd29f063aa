/**
 * Checking derivations in steps in the page, as answering.ts checks one-line answers: while the
 * student types, each line is shown as read; Check (or Ctrl+Enter; Enter starts a new line)
 * gives each line its verdict and the derivation one, saved with the answer's version like any
 * other. Loaded on the first use of a steps field; the checker runs in a worker of its own
 * (steps.worker.ts), so nothing of it is shared with, or added to, the one-line checker's chunk.
 */
import { EXAM_CHECK_MESSAGE, isExamAnswer } from '../exam';
import { exerciseState, updateExercise, type SavedAnswer } from '../progress';
import type { StepsVerdict } from '../steps';
import type { PublishedStepsAnswer } from '../stepsSpec';
import { currentAnswers, notSaved, showState, showVerdict, versionOf } from './dom';
import type { StepsReply, StepsRequest } from './steps.worker';
import { showSteps } from './stepsField';
import { fitStepsField } from './stepsText';

const specs = new WeakMap<HTMLFormElement, PublishedStepsAnswer | null>();

/** The answer's spec, from the JSON the build wrote into the form (null if unreadable). */
function specOf(form: HTMLFormElement): PublishedStepsAnswer | null {
  if (!specs.has(form)) {
    let spec: PublishedStepsAnswer | null;
    try {
      spec = JSON.parse(form.querySelector('script[data-answer-spec]')?.textContent ?? 'null') as PublishedStepsAnswer;
      if (spec?.type !== 'steps' || !Array.isArray(spec.points)) spec = null;
    } catch {
      spec = null;
    }
    specs.set(form, spec);
  }
  return specs.get(form)!;
}

/** The spec's JSON as written, to tell an exam edition's (which the page cannot check) apart. */
function examSpecOf(form: HTMLFormElement): unknown {
  try {
    return JSON.parse(form.querySelector('script[data-answer-spec]')?.textContent ?? 'null');
  } catch {
    return null;
  }
}

/** Said when the worker cannot be started or fails: the next Check starts another. */
const NOT_LOADED = 'The derivation checker could not be loaded. Check your connection and try again.';

let worker: Worker | undefined;
let lastId = 0;
const waiting = new Map<number, { resolve: (verdict: StepsVerdict) => void; reject: () => void }>();

/** The checker's verdict on `text`, from the worker (started on the first call). */
function check(spec: PublishedStepsAnswer, text: string): Promise<StepsVerdict> {
  if (!worker) {
    const started = new Worker(new URL('./steps.worker.ts', import.meta.url), { type: 'module', name: 'steps' });
    started.addEventListener('message', (event: MessageEvent<StepsReply>) => {
      waiting.get(event.data.id)?.resolve(event.data.verdict);
      waiting.delete(event.data.id);
    });
    started.addEventListener('error', () => {
      // Not loaded (offline, a failed deploy): whoever waits hears it, and the next check starts afresh.
      for (const { reject } of waiting.values()) reject();
      waiting.clear();
      started.terminate();
      if (worker === started) worker = undefined;
    });
    worker = started;
  }
  const id = ++lastId;
  const request: StepsRequest = { id, spec, text };
  return new Promise((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    worker!.postMessage(request);
  });
}

interface Parts {
  form: HTMLFormElement;
  root: HTMLElement;
  field: HTMLTextAreaElement;
  name: string;
}

function partsOf(form: HTMLFormElement): Parts | null {
  const root = form.closest<HTMLElement>('[data-exercise]');
  const field = form.querySelector<HTMLTextAreaElement>('textarea[data-steps]');
  const name = field?.dataset['answer'];
  return root && field && name ? { form, root, field, name } : null;
}

function onInput({ form, root, field, name }: Parts): void {
  fitStepsField(field);
  // A verdict belongs to the text it was given for: editing clears it, and the lines show as read.
  showVerdict(form, {});
  const spec = specOf(form);
  const input = field.value;
  // Drawn only if the text is still the field's when the verdict comes (the student types on).
  if (spec)
    check(spec, input).then(
      (verdict) => field.value === input && showSteps(form, verdict, input, false),
      () => undefined,
    );
  const { record } = updateExercise(root.dataset['exercise']!, (r) => {
    r.answers[name] = { input };
  });
  showState(root, exerciseState(record, currentAnswers(root)));
}

function onCheck(parts: Parts): void {
  const { form, field, root, name } = parts;
  if (isExamAnswer(examSpecOf(form))) {
    // An exam edition has nothing to compare with: the derivation is kept for the hand-in, unjudged.
    const { record, saved } = updateExercise(root.dataset['exercise']!, (r) => {
      r.answers[name] = { input: field.value };
    });
    showVerdict(form, { message: saved ? EXAM_CHECK_MESSAGE : `${EXAM_CHECK_MESSAGE} ${notSaved()}` });
    showState(root, exerciseState(record, currentAnswers(root)));
    return;
  }
  const spec = specOf(form);
  if (!spec) {
    showVerdict(form, {
      status: 'invalid',
      message: 'This answer cannot be checked: its definition in the page is unreadable.',
    });
    return;
  }
  const input = field.value;
  check(spec, input).then(
    (verdict) => settle(parts, input, verdict),
    () => showVerdict(form, { message: NOT_LOADED }),
  );
}

/** A verdict given: every line drawn with its own, saved with the answer, and the exercise's state updated. */
function settle({ form, root, field, name }: Parts, input: string, verdict: StepsVerdict): void {
  // Edited while the checker worked: the verdict belongs to a text that is gone.
  if (field.value !== input) return;
  showSteps(form, verdict, input, true);
  // Stored with the version of the spec it was checked against, so that it counts only while that holds.
  const answer: SavedAnswer = {
    input,
    status: verdict.status,
    message: verdict.message,
    version: versionOf(form),
  };
  const { record, saved } = updateExercise(root.dataset['exercise']!, (r) => {
    r.answers[name] = answer;
  });
  const sentence = /[.!?]$/.test(verdict.message) ? verdict.message : `${verdict.message}.`;
  showVerdict(form, saved ? answer : { ...answer, message: `${sentence} ${notSaved()}` });
  if (verdict.status === 'invalid' && verdict.position) {
    // The part of the unreadable line the message is about, selected for the student to fix.
    field.focus();
    field.setSelectionRange(verdict.position.start, Math.max(verdict.position.end, verdict.position.start + 1));
  }
  showState(root, exerciseState(record, currentAnswers(root)));
}

const isCheckKey = (event: Event) => {
  const key = event as KeyboardEvent;
  return event.type === 'keydown' && key.key === 'Enter' && (key.ctrlKey || key.metaKey);
};

function handle(event: Event): void {
  const target = event.target instanceof Element ? event.target : null;
  const form = target?.closest<HTMLFormElement>('form[data-answer-form][data-answer-type="steps"]');
  const parts = form ? partsOf(form) : null;
  if (!parts) return;
  if (event.type === 'submit') {
    event.preventDefault();
    onCheck(parts);
  } else if (target !== parts.field) return;
  else if (event.type === 'input') onInput(parts);
  else if (isCheckKey(event)) {
    // Enter starts a new line; Ctrl+Enter (⌘+Enter) checks, as Enter does in a one-line field.
    event.preventDefault();
    parts.form.requestSubmit();
  }
}

/** Takes over from the loader: replays the events it caught, then listens itself. */
export function startStepsAnswering(caught: readonly Event[]): void {
  for (const type of ['input', 'submit', 'keydown']) document.addEventListener(type, handle);
  // A copy: a replayed Ctrl+Enter submits its form, and the loader, still listening, adds that submit.
  for (const event of [...caught]) handle(event);
}
