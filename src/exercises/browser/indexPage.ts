/**
 * The exercise index: each exercise's state for this student, filters kept in the address (so a
 * filtered list can be linked), and the problem-sheet builder. An instructor's picks and the
 * sheet's title can come back in through the address too, from a sheet's "Change" link.
 */
import { assignmentQuery, isIsoDate, MAX_TITLE, parseAssignment } from '../assignment';
import { loadProgress, exerciseState, type Progress } from '../progress';
import { currentAnswers, exerciseRoots, showState } from './dom';
import { fileNameFrom, initAnswersTools } from './answersTools';
import { initSheetExport } from './sheetExport';

const FILTERS = ['lesson', 'kind', 'state'] as const;

export function initExerciseIndex(): void {
  const items = exerciseRoots();
  for (const element of document.querySelectorAll<HTMLElement>('[data-exercise-js]')) element.hidden = false;

  const showProgress = (progress: Progress) => {
    for (const item of items) showState(item, exerciseState(progress[item.dataset['exercise']!], currentAnswers(item)));
  };
  showProgress(loadProgress());

  // Filters
  const filters = document.querySelector<HTMLFormElement>('[data-index-filters]')!;
  const count = document.querySelector<HTMLElement>('[data-filter-count]')!;
  const empty = document.querySelector<HTMLElement>('[data-filter-empty]')!;
  const select = (name: string) => filters.elements.namedItem(name) as HTMLSelectElement;
  const params = new URLSearchParams(location.search);
  for (const name of FILTERS) {
    const wanted = params.get(name) ?? '';
    // Only a value the select offers is taken from the address.
    if ([...select(name).options].some((option) => option.value === wanted)) select(name).value = wanted;
  }
  const applyFilters = () => {
    const [lesson, kind, state] = FILTERS.map((name) => select(name).value);
    let shown = 0;
    for (const item of items) {
      const visible =
        (!lesson || item.dataset['lesson'] === lesson) &&
        (!kind || item.dataset['exerciseKind'] === kind) &&
        (!state || item.dataset['exerciseState'] === state);
      item.hidden = !visible;
      if (visible) shown++;
    }
    for (const group of document.querySelectorAll<HTMLElement>('[data-index-lesson]')) {
      group.hidden = !group.querySelector('[data-exercise]:not([hidden])');
    }
    empty.hidden = shown > 0;
    count.textContent =
      shown === items.length ? `Showing all ${shown} exercises.` : `Showing ${shown} of ${items.length} exercises.`;
    const url = new URL(location.href);
    for (const name of FILTERS) {
      const value = select(name).value;
      if (value) url.searchParams.set(name, value);
      else url.searchParams.delete(name);
    }
    history.replaceState(history.state, '', url);
  };
  filters.addEventListener('change', applyFilters);
  filters.addEventListener('submit', (event) => event.preventDefault());
  applyFilters();

  // Picks and the sheet builder; the build writes the sheet page's path (with the site's base).
  const builder = document.querySelector<HTMLElement>('[data-sheet-path]')!;
  const sheetPath = builder.dataset['sheetPath']!;
  const gradePath = builder.dataset['gradePath']!;
  const gradeLink = document.querySelector<HTMLAnchorElement>('[data-grade-link]')!;
  const form = document.querySelector<HTMLFormElement>('[data-assignment-form]')!;
  const picks = [...document.querySelectorAll<HTMLInputElement>('[data-pick]')];
  const pickCount = document.querySelector<HTMLElement>('[data-pick-count]')!;
  const problem = document.querySelector<HTMLElement>('[data-builder-problem]')!;
  const result = document.querySelector<HTMLElement>('[data-assignment-result]')!;
  const linkField = document.querySelector<HTMLInputElement>('[data-assignment-link]')!;
  const openLink = document.querySelector<HTMLAnchorElement>('[data-open-sheet]')!;
  const copyStatus = document.querySelector<HTMLElement>('[data-copy-status]')!;
  const field = (name: string) => form.elements.namedItem(name) as HTMLInputElement | null;

  const picked = () => picks.filter((pick) => pick.checked).map((pick) => pick.value);
  const showPickCount = () => {
    const n = picked().length;
    pickCount.textContent =
      n === 0 ? 'No exercises picked yet: tick them in the list.' : `${n} exercise${n === 1 ? '' : 's'} picked.`;
    result.hidden = true;
  };

  // Coming back from a sheet's "Change" link: its exercises ticked, its title and date filled in.
  const known = new Set(picks.map((pick) => pick.value));
  if (params.has('ex')) {
    const previous = parseAssignment(location.search, known);
    for (const pick of picks) pick.checked = previous.exercises.includes(pick.value);
    field('title')!.value = previous.title;
    field('due')!.value = previous.due;
    const solutions = field('solutions');
    if (solutions) solutions.checked = previous.solutions;
  }
  showPickCount();
  for (const pick of picks) pick.addEventListener('change', showPickCount);
  form.querySelector('[data-pick-clear]')!.addEventListener('click', () => {
    for (const pick of picks) pick.checked = false;
    showPickCount();
  });

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const exercises = picked();
    const title = field('title')!.value.replace(/\s+/g, ' ').trim();
    const due = field('due')!.value;
    const problems = [
      exercises.length === 0 ? 'Tick at least one exercise in the list.' : '',
      title === ''
        ? 'Give the sheet a title.'
        : title.length > MAX_TITLE
          ? `Keep the title under ${MAX_TITLE} characters.`
          : '',
      due !== '' && !isIsoDate(due) ? 'The due date is not a valid date.' : '',
    ].filter(Boolean);
    problem.textContent = problems.join(' ');
    if (problems.length > 0) {
      result.hidden = true;
      if (title === '') field('title')!.focus();
      return;
    }
    const link = new URL(
      `${sheetPath}?${assignmentQuery({ title, due, exercises, solutions: field('solutions')?.checked ?? false })}`,
      location.href,
    ).href;
    linkField.value = link;
    openLink.href = link;
    // The grading page reads the same query: the title, due date and exercises it grades against.
    gradeLink.href = new URL(`${gradePath}${new URL(link).search}`, location.href).href;
    copyStatus.textContent = '';
    result.hidden = false;
    linkField.focus();
    linkField.select();
  });

  document.querySelector('[data-copy-link]')!.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(linkField.value);
      copyStatus.textContent = 'Link copied.';
    } catch {
      linkField.select();
      copyStatus.textContent = 'Copying is not allowed here: the link is selected, copy it with Ctrl+C or ⌘C.';
    }
  });

  const exportTools = document.querySelector<HTMLElement>('[data-sheet-export]');
  if (exportTools)
    initSheetExport(exportTools, () => {
      const exercises = picked();
      if (exercises.length === 0) return 'Tick at least one exercise in the list to export a sheet.';
      const title = field('title')!.value.replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE);
      return { title: title || 'Problem sheet', exercises };
    });

  initAnswersTools(document.querySelector<HTMLElement>('[data-answers-tools]')!, {
    fileName: () => fileNameFrom('all-exercises', 'exercises'),
    onLoaded: (progress) => {
      showProgress(progress);
      applyFilters();
    },
  });
}
