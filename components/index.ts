/**
 * What a lesson's MDX may use by name, without an import: the lesson page passes these to its
 * `<Content components={…}>`. Authors write the inputs, `<TrainingExplorer>` and `<CheckAnswer>`
 * (under each "Check yourself" question); remarkCells writes `<Cell>`, `<Erratum>` and
 * `<NotebookBar>` from the cell fences.
 */
import Cell from './Cell.astro';
import CheckAnswer from './CheckAnswer.astro';
import Choice from './Choice.astro';
import Erratum from './Erratum.astro';
import NotebookBar from './NotebookBar.astro';
import NumberInput from './NumberInput.astro';
import Slider from './Slider.astro';
import TrainingExplorer from './TrainingExplorer.astro';
import VectorInput from './VectorInput.astro';

export const lessonComponents = {
  Cell,
  Erratum,
  NotebookBar,
  Slider,
  NumberInput,
  VectorInput,
  Choice,
  TrainingExplorer,
  CheckAnswer,
};
