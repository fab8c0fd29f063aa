/**
 * A problem sheet from its link: fetches the chosen exercises (sheetFragments.ts) and shows them
 * in the chosen order with the title and due date as text, drops solutions unless the link asks
 * for them (and says so when this edition has none), and offers print, download and load.
 * Answering works as in the lessons; the summary says where the answers are kept, and says so
 * again if the browser refuses them.
 */
import { assignmentQuery, formatDue, parseAssignment, type ParsedAssignment } from '../assignment';
import { onUnsavedChange, pageProgress, storageBlocked, unsavedExercises } from '../progress';
import { exerciseRoots, restoreExercise } from './dom';
import { resetStepsFields } from './stepsText';
import { editedInputs, fileNameFrom, initAnswersTools } from './answersTools';
import { initHandIn } from './handIn';
import { initSheetExport } from './sheetExport';
import { loadSheetExercises, readCatalogue, type SheetEntry } from './sheetFragments';

interface Sheet {
  container: HTMLElement;
  link: ParsedAssignment;
  /** Every exercise of the course, by id. */
  catalogue: Map<string, SheetEntry>;
  /** Whether solutions are shown: the link asks, and this edition has them. */
  solutions: boolean;
}

export function initSheet(): void {
  // First, so that answering works even if something below fails.
  loadCheckerOnFirstAnswer();
  const root = document.documentElement;
  // The script runs: sheet.astro's fallback (the list of every exercise) is not wanted, even if
  // it came first on a slow connection.
  root.dataset['sheet'] = 'loading';
  const failed = document.querySelector<HTMLElement>('[data-sheet-failed]');
  if (failed) failed.hidden = true;
  let loading: Promise<void> | undefined;
  try {
    const sheet = readSheet();
    // Read: the list has given the ids, and the sheet is what the page holds from now on.
    document.querySelector('[data-sheet-catalogue]')!.remove();
    const n = sheet.link.exercises.length;
    const loadingLine = sheet.container.querySelector('[data-sheet-loading]');
    if (loadingLine) loadingLine.textContent = `Loading the sheet's ${n === 1 ? 'exercise' : `${n} exercises`}…`;
    loading = loadSheetExercises(
      sheet.container,
      sheet.link.exercises.map((id) => sheet.catalogue.get(id)!),
      {
        base: sheet.container.dataset['sheetFragments'] ?? '/exercises/fragments/',
        knownIds: new Set(sheet.catalogue.keys()),
        inserted: (exercise) => {
          readyExercise(exercise, sheet.solutions);
          numberProblems(sheet.container);
        },
      },
    );
    showSheet(sheet);
  } finally {
    // Whatever happened, the page is shown: the exercises once they are in, or, if they could not
    // even be asked for, the list of every exercise with the sentence that says why.
    const shown = () => delete root.dataset['sheet'];
    const container = document.querySelector<HTMLElement>('[data-sheet-exercises]');
    if (loading)
      void loading
        .finally(shown)
        .then(() => container && numberProblems(container))
        .then(fetchCheckersAhead);
    else {
      if (failed) failed.hidden = false;
      shown();
    }
  }
}

function readSheet(): Sheet {
  const container = document.querySelector<HTMLElement>('[data-sheet-exercises]')!;
  const catalogue = readCatalogue(document);
  const link = parseAssignment(location.search, new Set(catalogue.keys()));
  // A solution-free edition (COURSE_SOLUTIONS=hide) has none to show, whatever the link asks.
  const solutions = link.solutions && container.dataset['editionSolutions'] !== 'none';
  return { container, link, catalogue, solutions };
}

/**
 * Numbers the sheet's problems in their order (1., 2., …), on each title: written here rather than
 * counted by CSS, since an exercise's layout is contained (sheet.css), and containment scopes
 * counters to it.
 */
function numberProblems(container: HTMLElement): void {
  let n = 0;
  for (const child of container.children) {
    const title = child.matches('.exercise, .sheet-slot') ? child.querySelector<HTMLElement>('.exercise-title') : null;
    if (title) title.dataset['problem'] = String(++n);
  }
}

/** An exercise just put into the sheet: its solution goes unless asked for, its saved answers come back. */
function readyExercise(exercise: HTMLElement, solutions: boolean): void {
  if (!solutions) for (const solution of exercise.querySelectorAll('details.solution')) solution.remove();
  for (const element of exercise.querySelectorAll<HTMLElement>('[data-exercise-js]')) element.hidden = false;
  // What the page holds, so that answers this browser could not save (or loaded from a file
  // while the exercise was still on its way) come back too.
  restoreExercise(exercise, pageProgress()[exercise.dataset['exercise']!]);
  resetStepsFields(exercise);
  // Its answer fields come with its first rendering (the sheet's exercises are laid out only near
  // the screen, sheet.css), as on a lesson: answerFields.ts says why. The lesson's module is not
  // imported here: shared by both pages' scripts, it would become a chunk of its own, one more
  // request before a lesson's script runs.
  if ('oncontentvisibilityautostatechange' in exercise)
    exercise.addEventListener('contentvisibilityautostatechange', (event) => {
      if (!(event as ContentVisibilityAutoStateChangeEvent).skipped) placeFields(exercise);
    });
  else placeFields(exercise);
}

/** Puts the answer fields waiting in `scope` in place of their boxes, with what the page holds for them. */
function placeFields(scope: HTMLElement): void {
  const slots = scope.querySelectorAll('[data-answer-slot]');
  if (slots.length === 0) return;
  for (const slot of slots) slot.replaceWith((slot.firstElementChild as HTMLTemplateElement).content);
  const progress = pageProgress();
  for (const root of scope.matches('[data-exercise]') ? [scope] : exerciseRoots(scope))
    restoreExercise(root, progress[root.dataset['exercise']!]);
  resetStepsFields(scope);
}

function showSheet({ container, link: sheet, catalogue, solutions }: Sheet): void {
  const problems = document.querySelector<HTMLElement>('[data-sheet-problems]')!;
  const summary = document.querySelector<HTMLElement>('[data-sheet-summary]')!;
  const messages = [...sheet.problems];
  if (sheet.exercises.length === 0)
    messages.push(
      'This link names no exercise of this course, so the sheet is empty. Problem sheets are made in the exercise index.',
    );
  for (const message of messages) {
    const line = document.createElement('p');
    line.textContent = message;
    problems.append(line);
  }
  container.classList.toggle('with-solutions', solutions);

  const title = sheet.title || 'Problem sheet';
  document.querySelector('[data-sheet-title]')!.textContent = title;
  document.title = `${title} · ${document.title.split(' · ').pop()}`;
  if (sheet.due) {
    const due = document.querySelector<HTMLElement>('[data-sheet-due]')!;
    due.textContent = `Due ${formatDue(sheet.due)}`;
    due.hidden = false;
  }
  const n = sheet.exercises.length;
  const count = `${n} exercise${n === 1 ? '' : 's'}`;
  const heading = !sheet.solutions
    ? `${count}.`
    : solutions
      ? `${count}, with solutions.`
      : `${count}. This edition of the course has no solutions, so none are shown.`;
  // An exam edition carries nothing to check against: the instructor grades the hand-ins.
  const checking =
    container.dataset['editionChecking'] === 'instructor'
      ? ' In this edition your answers are not checked on the page: your instructor checks them after you hand them in.'
      : '';
  const showSummary = () => {
    if (n > 0) summary.textContent = `${heading}${checking} ${storageSentence(catalogue)}`;
  };
  showSummary();
  onUnsavedChange(showSummary);
  document.querySelector<HTMLAnchorElement>('[data-sheet-change]')!.search = assignmentQuery(sheet);

  // Every field is in place before the first Tab (a keyboard reaches each) and before printing.
  addEventListener('keydown', (event) => event.key === 'Tab' && placeFields(container), true);
  addEventListener('beforeprint', () => placeFields(container));
  // Printing with solutions opens them, and closes them again afterwards.
  let opened: HTMLDetailsElement[] = [];
  addEventListener('beforeprint', () => {
    if (!solutions) return;
    opened = [...container.querySelectorAll<HTMLDetailsElement>('details.solution:not([open])')];
    for (const details of opened) details.open = true;
  });
  addEventListener('afterprint', () => {
    for (const details of opened) details.open = false;
  });
  document.querySelector('[data-sheet-print]')!.addEventListener('click', () => print());

  initAnswersTools(document.querySelector<HTMLElement>('[data-answers-tools]')!, {
    exerciseIds: () => sheet.exercises,
    editedInputs: () => editedInputs(container),
    assignment: () => ({ title, due: sheet.due, exercises: sheet.exercises }),
    fileName: () => fileNameFrom(title, 'sheet'),
    onLoaded: (progress) => {
      placeFields(container);
      for (const root of exerciseRoots(container))
        restoreExercise(root, progress[root.dataset['exercise']!], { overwrite: true });
      resetStepsFields(container);
    },
  });
  initHandIn(document.querySelector<HTMLFormElement>('[data-hand-in]')!, {
    exerciseIds: () => sheet.exercises,
    editedInputs: () => editedInputs(container),
    assignment: () => ({ title, due: sheet.due, exercises: sheet.exercises }),
  });
  const exportTools = document.querySelector<HTMLElement>('[data-sheet-export]');
  if (exportTools) initSheetExport(exportTools, () => ({ title, exercises: sheet.exercises }));
  for (const element of document.querySelectorAll<HTMLElement>('[data-exercise-js]')) element.hidden = false;
}

/**
 * Where this sheet's answers are kept, in one sentence that the answers' own notes agree with:
 * saved as the student works, or, naming the exercises, only on this page.
 */
function storageSentence(catalogue: ReadonlyMap<string, SheetEntry>): string {
  const unsaved = unsavedExercises().map((id) => catalogue.get(id)?.number || id);
  const keep = 'they stay on this page until you leave it, so download them to keep them';
  if (unsaved.length > 0) {
    const which =
      unsaved.length === 1
        ? `exercise ${unsaved[0]}`
        : `exercises ${unsaved.slice(0, -1).join(', ')} and ${unsaved[unsaved.length - 1]}`;
    return `This browser did not save your answers to ${which} (storage is blocked or full): ${keep}.`;
  }
  if (storageBlocked()) return `This browser does not let the page save your answers (storage is blocked): ${keep}.`;
  return 'Your answers are saved in this browser as you work.';
}

/**
 * As on a lesson page (see loader.ts, which the lesson keeps to itself so that its one script
 * stays small): the checker loads with the first answer, and the events that led to it are
 * replayed once it is there; a derivation in steps has its own, loaded when its field is first
 * used (Ctrl+Enter checks it). If one cannot be loaded, the form says so and the next answer
 * tries again.
 */
function loadCheckerOnFirstAnswer(): void {
  const steps = 'form[data-answer-type="steps"]';
  loadOnFirstUse(
    ['input', 'submit', 'click'],
    (target) => Boolean(target.closest('[data-answer-form], [data-mark-done]')) && !target.closest(steps),
    () => import('./answering').then(({ startAnswering }) => startAnswering),
  );
  loadOnFirstUse(
    ['input', 'submit', 'keydown'],
    (target, event) => {
      const key = event as KeyboardEvent;
      return Boolean(target.closest(steps)) && (!key.key || (key.key === 'Enter' && (key.ctrlKey || key.metaKey)));
    },
    () => import('./stepsAnswering').then(({ startStepsAnswering }) => startStepsAnswering),
  );
}

/**
 * A sheet is all answers: once its exercises are in and the browser is idle, the checkers they
 * use are fetched ahead of the first answer (as preload.ts does on a lesson), unless the student
 * asked the browser to spare data. A fetch that fails is made again by the first answer. (Written
 * out, not preload.ts's: a module the sheet and the lesson both imported would become a chunk of
 * its own, one more request before a lesson's script can run.)
 */
function fetchCheckersAhead(): void {
  if ((navigator as Navigator & { connection?: { saveData?: boolean } }).connection?.saveData) return;
  const fetchAhead = () => {
    const forms = [...document.querySelectorAll<HTMLElement>('[data-sheet-exercises] [data-answer-form]')];
    if (forms.some((form) => form.dataset['answerType'] !== 'steps')) void import('./answering').catch(() => {});
    if (forms.some((form) => form.dataset['answerType'] === 'steps')) void import('./stepsAnswering').catch(() => {});
  };
  if ('requestIdleCallback' in window) requestIdleCallback(fetchAhead, { timeout: 2000 });
  else setTimeout(fetchAhead, 50);
}

function loadOnFirstUse(
  types: readonly string[],
  wanted: (target: Element, event: Event) => boolean,
  load: () => Promise<(caught: Event[]) => void>,
): void {
  const caught: Event[] = [];
  let loading = false;
  function listener(event: Event): void {
    const target = event.target instanceof Element ? event.target : null;
    if (!target || !wanted(target, event)) return;
    // Checking happens here, never by submitting the form; Ctrl+Enter in a steps field checks it.
    if (event.type === 'submit' || event.type === 'keydown') event.preventDefault();
    caught.push(event);
    if (loading) return;
    loading = true;
    load().then(
      (start) => {
        for (const type of types) document.removeEventListener(type, listener, true);
        start(caught);
      },
      () => {
        // Offline or a failed deploy: say so where the student is looking, and retry next time.
        loading = false;
        caught.length = 0;
        const verdict = target.closest('[data-answer-form]')?.querySelector('[data-answer-verdict]');
        if (verdict)
          verdict.textContent = 'The answer checker could not be loaded. Check your connection and try again.';
      },
    );
  }
  for (const type of types) document.addEventListener(type, listener, true);
}
