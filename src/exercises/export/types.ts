/**
 * What the LMS exports take: a sheet's exercises as the build describes them for export
 * (statement.ts writes one per exercise, served at /exercises/export/<id>.json), in sheet order.
 */
import type { PublishedAnswer } from '../check';
import type { AnswerSpec } from '../spec';

export interface ExportExercise {
  readonly id: string;
  readonly title: string;
  /** "6.1": where the exercise sits in the course. */
  readonly number: string;
  /** The statement as HTML, its math as TeX source between \( \) and \[ \] for Moodle's MathJax filter. */
  readonly statementHtml: string;
  /** Each hint, likewise; none in a build without hints and solutions. */
  readonly hintsHtml: readonly string[];
  /** The worked solution, likewise; absent in a build without hints and solutions. */
  readonly solutionHtml?: string;
  /**
   * The answers: the authored specs in a full build (expected formulas included), the published
   * ones (values only, see publishSpec) in a build without solutions. An expression answer without
   * its formula exports as an essay only.
   */
  readonly answers: readonly (AnswerSpec | PublishedAnswer)[];
}

export interface ExportSheet {
  /** The sheet's title: the question category the import creates. */
  readonly title: string;
  readonly exercises: readonly ExportExercise[];
}

export interface ExportOptions {
  /** Whether the worked solutions go into the general feedback students see after an attempt. */
  readonly solutions: boolean;
}
