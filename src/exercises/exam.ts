/**
 * An answer as an exam edition's page carries it (COURSE_EDITION=exam, see publish.ts): what the
 * field needs to be drawn and typed in (name, label, type, a formula's variables), and nothing
 * the checker compares with. Kept apart from publish.ts so the page's answering code can read it
 * without the build's modules.
 */
export interface ExamAnswer {
  /** Marks a spec the page cannot check: the instructor does, from the hand-in. */
  readonly exam: true;
  readonly name: string;
  readonly label: string;
  readonly type: string;
  /** A formula's variables and their domains: what may be typed, not what is right. */
  readonly variables?: Readonly<Record<string, readonly (number | string)[]>>;
}

/**
 * The exam form of any answer, whatever its type: a list of the fields that may stay, so a field
 * a new answer type adds (expected values, samples, points, milestones) is left out unless it is
 * named here.
 */
export function examAnswer(spec: {
  readonly name: string;
  readonly label: string;
  readonly type: string;
  readonly variables?: Readonly<Record<string, readonly (number | string)[]>>;
}): ExamAnswer {
  return {
    exam: true,
    name: spec.name,
    label: spec.label,
    type: spec.type,
    ...(spec.variables ? { variables: spec.variables } : {}),
  };
}

export const isExamAnswer = (spec: unknown): spec is ExamAnswer =>
  typeof spec === 'object' && spec !== null && (spec as { exam?: unknown }).exam === true;

/** What a field says when the student presses Check in an exam edition. */
export const EXAM_CHECK_MESSAGE =
  'Kept. In this edition your instructor checks the answers, not the page: hand in your answers when you are done.';
