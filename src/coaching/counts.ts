// The counts the weekly summary and the App Home both show, from the stage rules, so the two never
// disagree. "Waiting on N replies" counts people, not asks: someone still at the 'asked' stage (not
// booked, met, thanked, declined or archived) whose latest sent ask has no reply yet. A follow-up
// sent does not end the wait; a reply, a booked chat or a later stage does.
import type { MemberSnapshot } from './types';

export interface PipelineCounts {
  /** People on the list: everyone not archived. */
  onList: number;
  /** People at 'asked' whose latest sent ask has no reply yet. */
  waitingOnReplies: number;
}

export function pipelineCounts(snapshot: Pick<MemberSnapshot, 'contacts' | 'asks'>): PipelineCounts {
  let waiting = 0;
  for (const contact of snapshot.contacts) {
    if (contact.stage !== 'asked') continue;
    let latest: MemberSnapshot['asks'][number] | null = null;
    for (const ask of snapshot.asks) {
      if (ask.contactId !== contact.id || ask.sentAt === null) continue;
      if (latest === null || (latest.sentAt?.getTime() ?? 0) < ask.sentAt.getTime()) latest = ask;
    }
    if (latest !== null && latest.repliedAt === null) waiting += 1;
  }
  return {
    onList: snapshot.contacts.filter((c) => c.stage !== 'archived').length,
    waitingOnReplies: waiting,
  };
}
