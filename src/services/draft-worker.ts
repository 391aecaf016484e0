// The draft worker's task (see drafter.ts): the thank-you for one logged conversation.
import { getPriority, setPriority } from 'node:os';
import { threadId, workerData } from 'node:worker_threads';
import { draftThankYou, type ThankYouInput } from '../coaching/thanks';

// Drafting is never what a member waits for (the DM follows the ack), so the pool asks its workers to
// run at a lower priority (`nice`): under a burst they yield the CPU to the thread answering Slack. Only
// on Linux, where a nice value belongs to one thread (elsewhere it would slow the whole process).
const nice = (workerData as { nice?: unknown } | undefined)?.nice;
if (typeof nice === 'number' && nice > 0 && process.platform === 'linux') {
  try {
    setPriority(Math.min(19, getPriority() + nice));
  } catch {
    // Not permitted here: drafts still run, at the process's priority.
  }
}

export default function thankYou(input: ThankYouInput): string {
  return draftThankYou(input);
}

/** Which thread the worker runs on, and its nice value (the drafter's test asks). */
export function workerThread(): { threadId: number; nice: number } {
  return { threadId, nice: getPriority() };
}
