// What the App Home shows: the member's whole picture, computed by the coaching layer.
import type { MemberSnapshot } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { sharingOf } from '../store/cohorts';
import { ensureMember } from '../store/members';
import { loadSnapshot, readSnapshot } from '../store/snapshot';
import { type FacilitatedCohort, facilitatedCohorts } from './cohort-digests';
import { homeCohort, type SharingPicture } from './cohorts';

export interface HomeData {
  snapshot: MemberSnapshot;
  /** False when neither the member nor Slack has told us their timezone yet. */
  timezoneKnown: boolean;
  /** The member's cohorts and what they share with them; null when they are in none. */
  cohort: SharingPicture | null;
  /** The cohorts the member facilitates, each with its week so far (none for most members). */
  facilitating: FacilitatedCohort[];
}

/** What the App Home shows, and whether the member's timezone is known yet. */
export async function homeSnapshot(db: Db, scope: Scope, now: Date): Promise<HomeData> {
  const read = await readSnapshot(db, scope);
  if (read) {
    const { member, cohorts } = read;
    const choice = { sharing: sharingOf(member.cohortSharing), introsOpen: member.introsOpen };
    return {
      snapshot: read.snapshot,
      timezoneKnown: Boolean(member.tzOverride ?? member.slackTz),
      cohort: await homeCohort(db, scope, { cohorts, choice }),
      facilitating: cohorts.length === 0 ? [] : await facilitatedCohorts(db, scope, now, 3, cohorts),
    };
  }
  const member = await ensureMember(db, scope);
  return {
    snapshot: await loadSnapshot(db, member),
    timezoneKnown: false,
    cohort: await homeCohort(db, scope),
    facilitating: await facilitatedCohorts(db, scope, now),
  };
}
