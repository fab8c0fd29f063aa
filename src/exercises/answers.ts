/**
 * Every kind of answer an exercise declares, for the build and the tests: one-line answers go to
 * check.ts, derivations to the steps checker. A page never imports this module: it loads
 * check.ts for one-line answers and steps.ts only when it has a derivation to check, so neither
 * carries the other's code.
 */
import { checkAnswer, validateSpec, type Verdict } from './check';
import type { ExerciseAnswer } from './spec';
import type { StepsVerdict } from './steps';
import { checkStepsAnswer, validateSteps } from './stepsSpec';

/** For the build: null when the answer's formulas read (and a derivation can be finished), else why not. */
export const validateAnswer = (spec: ExerciseAnswer): string | null =>
  spec.type === 'steps' ? validateSteps(spec) : validateSpec(spec);

/** The verdict on any answer, from its authored spec; for a steps answer `input` holds one step per line. */
export const checkExerciseAnswer = (spec: ExerciseAnswer, input: string): Verdict | StepsVerdict =>
  spec.type === 'steps' ? checkStepsAnswer(spec, input) : checkAnswer(spec, input);
