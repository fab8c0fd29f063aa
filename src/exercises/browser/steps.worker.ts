/**
 * The steps checker, off the page: a worker with its own copy of the checker's language, so the
 * page's one-line checker (answering.ts, which every page with an exercise loads) stays exactly as
 * small as it is and shares no chunk with it. Each message is a derivation to check; each reply
 * the verdict, with the message's id. checkSteps is bounded (at most 40 lines of 500 characters)
 * and never throws, so every message gets its reply.
 */
import { checkSteps, type StepsVerdict } from '../steps';
import type { PublishedStepsAnswer } from '../stepsSpec';

/** What the page sends. */
export interface StepsRequest {
  readonly id: number;
  readonly spec: PublishedStepsAnswer;
  readonly text: string;
}

/** What the worker answers. */
export interface StepsReply {
  readonly id: number;
  readonly verdict: StepsVerdict;
}

addEventListener('message', (event) => {
  const { id, spec, text } = (event as MessageEvent<StepsRequest>).data;
  const reply: StepsReply = { id, verdict: checkSteps(spec, String(text)) };
  postMessage(reply);
});
