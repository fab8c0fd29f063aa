/** Puts every saved answer, verdict and exercise state back into the page. */
import { loadProgress } from '../progress';
import { exerciseRoots, restoreExercise, type RestoreOptions } from './dom';
import { resetStepsFields } from './stepsText';

export function restoreAll(scope: ParentNode = document, options: RestoreOptions = {}): void {
  const progress = loadProgress();
  for (const root of exerciseRoots(scope)) restoreExercise(root, progress[root.dataset['exercise']!], options);
  resetStepsFields(scope);
}
