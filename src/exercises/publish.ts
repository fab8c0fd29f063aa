/**
 * What a page carries of an answer, for every answer type, decided here and nowhere else: every
 * field, the index's fingerprints and the grading page publish through publishAnswer. A full
 * build publishes the values the checker compares with (publishSpec, publishSteps: values, never
 * formulas); an exam edition (COURSE_EDITION=exam) publishes only what the field needs, so no
 * expected value, reference sample or verdict reaches dist/ (scripts/solution-free-build.mjs
 * searches the exam build for them). Build-time only: it reads the environment.
 */
import { publishSpec, type PublishedAnswer } from './check';
import { examAnswer, type ExamAnswer } from './exam';
import type { AnswerSpec, ExerciseAnswer, StepsAnswer } from './spec';
import { publishSteps, type PublishedStepsAnswer } from './stepsSpec';
import { examEdition } from './visibility';

export type PageAnswer = PublishedAnswer | PublishedStepsAnswer | ExamAnswer;

export function publishAnswer(spec: AnswerSpec, exam?: boolean): PublishedAnswer | ExamAnswer;
export function publishAnswer(spec: StepsAnswer, exam?: boolean): PublishedStepsAnswer | ExamAnswer;
export function publishAnswer(spec: ExerciseAnswer, exam?: boolean): PageAnswer;
export function publishAnswer(spec: ExerciseAnswer, exam: boolean = examEdition()): PageAnswer {
  if (exam) return examAnswer(spec);
  return spec.type === 'steps' ? publishSteps(spec) : publishSpec(spec);
}
