// The draft worker's task (see drafter.ts): the thank-you for one logged conversation.
import { threadId } from 'node:worker_threads';
import { draftThankYou, type ThankYouInput } from '../coaching/thanks';

export default function thankYou(input: ThankYouInput): string {
  return draftThankYou(input);
}

/** Which thread the worker runs on (the drafter's test asks). */
export function workerThread(): number {
  return threadId;
}
