/** Puts every saved answer, verdict and exercise state back into the page. */
import { loadProgress } from '../progress';
import { exerciseRoots, restoreExercise } from './dom';

export function restoreAll(scope: ParentNode = document): void {
  const progress = loadProgress();
  for (const root of exerciseRoots(scope)) restoreExercise(root, progress[root.dataset['exercise']!]);
}
