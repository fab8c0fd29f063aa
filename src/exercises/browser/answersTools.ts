/**
 * "Download my answers" and "Load answers" for the index and a sheet. A download holds the
 * answers of the given exercises (all, on the index) as the page shows them, saved or not
 * (storage blocked or full, or typed before the checker loaded); loading replaces the answers of the
 * exercises in the file and leaves every other answer as it was. Only the inputs are loaded,
 * never the file's verdicts. Before it replaces answers this browser already has (which may be
 * newer than the file's), it asks.
 */
import {
  answersFileText,
  MAX_FILE_BYTES,
  mergeLoaded,
  readAnswersFile,
  withEditedInputs,
  type AnswersFile,
  type EditedInputs,
  type ReadResult,
} from '../answersFile';
import { pageProgress, storeLoaded, unsavedExercises, type Progress } from '../progress';
import { exerciseRoots, type AnswerField } from './dom';

export interface AnswersToolsOptions {
  /** Which exercises a download holds; all saved answers when absent. */
  exerciseIds?: () => readonly string[];
  /** Answer fields changed on this page, which a download holds even if nothing saved them. */
  editedInputs?: () => EditedInputs;
  assignment?: () => AnswersFile['assignment'] | undefined;
  fileName: () => string;
  /** Called after answers were loaded, to show them. */
  onLoaded: (progress: Progress) => void;
}

/** A file name from a title: letters, digits and dashes only. */
export function fileNameFrom(title: string, fallback: string): string {
  const slug = title
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return `${slug || fallback}-answers.json`;
}

/** How many ids a question names before it says "and N more". */
const NAMED = 3;

/** The question asked before a file replaces answers this browser has, naming a few of them. */
export function replaceQuestion(fileName: string, replaced: readonly string[]): string {
  const n = replaced.length;
  const named = replaced.slice(0, NAMED).join(', ') + (n > NAMED ? ` and ${n - NAMED} more` : '');
  const exercises = `${n} exercise${n === 1 ? '' : 's'}`;
  return `This browser already has different answers to ${exercises} in ${fileName}: ${named}. Loading the file replaces them. Load it? (Cancel keeps this browser's answers.)`;
}

/**
 * The fields the student changed on this page (their text is no longer the one the page or the
 * last restore put there), by exercise and answer: what a download must hold even if it was
 * never saved.
 */
export function editedInputs(scope: ParentNode = document): EditedInputs {
  const edited: EditedInputs = {};
  for (const root of exerciseRoots(scope)) {
    for (const field of root.querySelectorAll<AnswerField>('[data-answer]')) {
      if (field.value === field.defaultValue) continue;
      (edited[root.dataset['exercise']!] ??= {})[field.dataset['answer']!] = field.value;
    }
  }
  return edited;
}

/**
 * The answers a download holds: what is on screen (storage, what the page could not save, and
 * fields typed in), for the given exercises; `notKept` counts those this browser did not save.
 */
export function answersOnScreen(options: Pick<AnswersToolsOptions, 'exerciseIds' | 'editedInputs'>): {
  chosen: Progress;
  count: number;
  notKept: number;
} {
  const all = withEditedInputs(pageProgress(), options.editedInputs?.() ?? {});
  const ids = options.exerciseIds?.();
  const chosen: Progress = ids ? Object.fromEntries(ids.filter((id) => all[id]).map((id) => [id, all[id]!])) : all;
  const notKept = unsavedExercises().filter((id) => id in chosen).length;
  return { chosen, count: Object.keys(chosen).length, notKept };
}

/** Offers text as a file download, made in this browser. */
export function downloadText(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function initAnswersTools(container: HTMLElement, options: AnswersToolsOptions): void {
  const status = container.querySelector<HTMLElement>('[data-answers-status]')!;
  const download = container.querySelector<HTMLButtonElement>('[data-answers-download]')!;
  const fileInput = container.querySelector<HTMLInputElement>('[data-answers-load]')!;
  const say = (text: string) => (status.textContent = text);

  download.addEventListener('click', () => {
    const { chosen, count, notKept } = answersOnScreen(options);
    if (count === 0) {
      say('There are no answers to download yet.');
      return;
    }
    const name = options.fileName();
    downloadText(name, answersFileText(chosen, new Date(), options.assignment?.()), 'application/json');
    const copy =
      notKept > 0
        ? ` This browser did not save ${notKept === count ? 'them' : `${notKept} of them`}: this file is your copy.`
        : '';
    say(`Downloaded your answers to ${count} exercise${count === 1 ? '' : 's'} as ${name}.${copy}`);
  });

  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    fileInput.value = '';
    if (!file) return;
    // Checked before reading: a huge file is never read into memory.
    if (file.size > MAX_FILE_BYTES) {
      say(`The file ${file.name} is too large to be a file of answers. Nothing was changed.`);
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      say(`The file ${file.name} could not be read.`);
      return;
    }
    let result: ReadResult;
    try {
      result = readAnswersFile(text);
    } catch {
      // readAnswersFile never throws; should it, the student still hears why nothing happened.
      result = { ok: false, message: `The file ${file.name} could not be read as answers.` };
    }
    if (!result.ok) {
      say(`${result.message} Nothing was changed.`);
      return;
    }
    const { replaced } = mergeLoaded(pageProgress(), result.progress);
    if (replaced.length > 0 && !confirm(replaceQuestion(file.name, replaced))) {
      say(`Nothing was changed: the answers in this browser are kept, and ${file.name} was not loaded.`);
      return;
    }
    // Merged again with what is stored now: another tab may have saved while the question was open.
    const { progress } = mergeLoaded(pageProgress(), result.progress);
    const ids = Object.keys(result.progress);
    const saved = storeLoaded(progress, ids);
    options.onLoaded(progress);
    // A file's verdicts are not loaded (anyone can write "correct" into a file): Check gives them.
    const loaded = `Loaded your answers to ${ids.length} exercise${ids.length === 1 ? '' : 's'} from ${file.name}: press Check to see the verdicts.`;
    say(
      saved
        ? loaded
        : `${loaded} This browser did not save them (storage is blocked or full): they stay on this page until you leave it.`,
    );
  });
}
