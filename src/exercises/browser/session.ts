/**
 * The student's progress as this page has it. localStorage keeps it across visits, but storage
 * can be blocked (reading `localStorage` throws a SecurityError) or full (a write throws a
 * QuotaExceededError). Then what the student did here is held in memory, so that the page's
 * states and the file "Download my answers" writes still hold everything on screen, and the
 * page can say exactly which exercises were not kept. One copy per page, shared by the checker
 * and the answers tools.
 */
import { loadProgress, saveProgress, type ExerciseRecord, type Progress } from '../progress';

/** Records this page changed but could not save, by exercise id. */
const unsaved: Progress = {};
const listeners = new Set<() => void>();

/** What storage holds, with the records this page could not save laid over it. */
export function pageProgress(): Progress {
  return { ...loadProgress(), ...unsaved };
}

/** The ids of the exercises whose latest work is only on this page. */
export const unsavedExercises = (): string[] => Object.keys(unsaved);

/** Calls `listener` whenever the set of unsaved exercises may have changed. */
export function onUnsavedChange(listener: () => void): void {
  listeners.add(listener);
}

/** True when this page may not use localStorage at all (reading it throws). */
export function storageBlocked(): boolean {
  try {
    return typeof localStorage === 'undefined' || localStorage === null;
  } catch {
    return true;
  }
}

/**
 * Saves everything with `ids`' records taken from `progress`: storage is read fresh (another
 * tab's work is kept) and written whole, so a write that succeeds also saves whatever was
 * held here before; one that fails holds `ids`' records here.
 */
function save(progress: Progress, ids: readonly string[]): boolean {
  const saved = saveProgress(progress);
  if (saved) for (const id of Object.keys(unsaved)) delete unsaved[id];
  else for (const id of ids) unsaved[id] = progress[id]!;
  for (const listener of listeners) listener();
  return saved;
}

/** Changes one exercise's record; `saved` says whether storage kept it. */
export function updateExercise(exerciseId: string, update: (record: ExerciseRecord) => void): { record: ExerciseRecord; saved: boolean } {
  const progress = pageProgress();
  const record = (progress[exerciseId] ??= { answers: {} });
  update(record);
  return { record, saved: save(progress, [exerciseId]) };
}

/** Replaces progress with `progress` (answers loaded from a file, for the exercises `ids`). */
export function storeLoaded(progress: Progress, ids: readonly string[]): boolean {
  return save(progress, ids);
}
