// What the App Home shows: the member's whole picture, computed by the coaching layer.
import type { MemberSnapshot } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { ensureMember } from '../store/members';
import { loadSnapshot, readSnapshot } from '../store/snapshot';

export interface HomeData {
  snapshot: MemberSnapshot;
  /** False when neither the member nor Slack has told us their timezone yet. */
  timezoneKnown: boolean;
}

/** What the App Home shows, and whether the member's timezone is known yet. */
export async function homeSnapshot(db: Db, scope: Scope): Promise<HomeData> {
  const read = await readSnapshot(db, scope);
  if (read) {
    return { snapshot: read.snapshot, timezoneKnown: Boolean(read.member.tzOverride ?? read.member.slackTz) };
  }
  const member = await ensureMember(db, scope);
  return { snapshot: await loadSnapshot(db, member), timezoneKnown: false };
}
