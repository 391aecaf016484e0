// A cohort's week, for the people who run it and the people in it: the digest (posted weekly, previewed
// by facilitators), the status (a facilitator sees each student who shares, a student only their own
// standing), the facilitator's part of the App Home, and the kind nudge a facilitator can send a quiet
// student. Every cohort is looked up within the member's workspace, and what a member may see is
// decided here by their current role in the cohort.
import {
  type CohortDigest,
  type CohortStudent,
  type CohortTotals,
  cohortDigest,
  type DigestSchedule,
  type DigestSoFar,
  digestSoFar,
  facilitatorTotalsCover,
  type GoalProgress,
  isStalled,
  metGoal,
  type StalledStudent,
  type StudentFigures,
  scheduleLabel,
  stalledStudents,
  type Window,
} from '../coaching/cohort-digest';
import { isoWeekKey } from '../coaching/time';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import {
  type CohortPostKey,
  claimCohortPost,
  findCohortPost,
  markCohortPostSent,
  releaseCohortPost,
} from '../store/cohort-posts';
import { activeContactCount, cohortStats, nudgesPaused } from '../store/cohort-stats';
import {
  type Cohort,
  type CohortPerson,
  type CohortRole,
  type CohortSharing,
  cohortsOf,
  findCohort,
  findCohortByChannel,
} from '../store/cohorts';

/** What the views say about a cohort: never anything a student wrote. */
export interface CohortSummary {
  id: string;
  name: string;
  channelId: string;
  weeklyGoal: number;
  /** "Mondays at 09:00 (Europe/Berlin)". */
  schedule: string;
  tz: string;
}

export function cohortSummary(cohort: Cohort): CohortSummary {
  return {
    id: cohort.id,
    name: cohort.name,
    channelId: cohort.channelId,
    weeklyGoal: cohort.weeklyGoal,
    schedule: scheduleLabel(scheduleOf(cohort)),
    tz: cohort.tz,
  };
}

export function scheduleOf(cohort: Cohort): DigestSchedule {
  return {
    digestWeekday: cohort.digestWeekday,
    digestHour: cohort.digestHour,
    digestMinute: cohort.digestMinute,
    tz: cohort.tz,
  };
}

/** The cohort's week for the weekly jobs: the digest, who is quiet, and who runs it. */
export interface CohortWeek {
  cohort: CohortSummary;
  digest: CohortDigest;
  stalled: StalledStudent[];
  facilitators: CohortPerson[];
}

/** The digest for `window`, with the quiet students as of `now` and the cohort's facilitators. */
export async function cohortWeek(db: Db, cohort: Cohort, window: Window, now: Date): Promise<CohortWeek> {
  const stats = await cohortStats(db, cohort.workspaceId, cohort.id, window, now);
  return {
    cohort: cohortSummary(cohort),
    digest: cohortDigest(stats.students, cohort.weeklyGoal),
    stalled: stalledStudents(stats.students, now),
    facilitators: stats.people.filter((p) => p.role === 'facilitator'),
  };
}

function roleIn(people: readonly CohortPerson[], scope: Scope): CohortPerson | null {
  return people.find((p) => p.slackUserId === scope.userId) ?? null;
}

// ---------------------------------------------------------------------------------------------
// `/coach cohort digest`

export type DigestPreview =
  | { kind: 'no_cohort' }
  | { kind: 'not_facilitator'; cohort: CohortSummary }
  | { kind: 'preview'; cohort: CohortSummary; digest: CohortDigest; soFar: DigestSoFar };

/** This week's digest so far, for a facilitator of the channel's cohort. */
export async function digestPreview(
  db: Db,
  scope: Scope,
  channelId: string,
  now: Date,
): Promise<DigestPreview> {
  const cohort = await findCohortByChannel(db, scope.workspaceId, channelId);
  if (!cohort) return { kind: 'no_cohort' };
  const soFar = digestSoFar(scheduleOf(cohort), now);
  const stats = await cohortStats(db, scope.workspaceId, cohort.id, soFar.window, now);
  if (roleIn(stats.people, scope)?.role !== 'facilitator') {
    return { kind: 'not_facilitator', cohort: cohortSummary(cohort) };
  }
  return {
    kind: 'preview',
    cohort: cohortSummary(cohort),
    digest: cohortDigest(stats.students, cohort.weeklyGoal),
    soFar,
  };
}

// ---------------------------------------------------------------------------------------------
// `/coach cohort status`

/** A student who shares their progress with facilitators, as a facilitator sees them. */
export interface SharedStanding {
  slackUserId: string;
  sharing: Exclude<CohortSharing, 'none'>;
  figures: StudentFigures;
  metGoal: boolean;
  stalled: boolean;
}

interface StatusCommon {
  cohort: CohortSummary;
  soFar: DigestSoFar;
  totals: CohortTotals;
  goal: GoalProgress;
}

export type CohortStatus =
  | { kind: 'no_cohort' }
  | (StatusCommon & {
      kind: 'facilitator';
      students: SharedStanding[];
      stalled: StalledStudent[];
      /** Students who keep their progress to themselves: in the totals only. */
      privateStudents: number;
      /**
       * Whom `totals` and `goal` cover: everyone, or only the students who share, when so few keep
       * their progress private that subtracting would reveal theirs.
       */
      totalsCover: 'everyone' | 'sharers';
    })
  | (StatusCommon & {
      kind: 'student';
      me: { figures: StudentFigures; sharing: CohortSharing; metGoal: boolean };
    })
  | (StatusCommon & { kind: 'not_member' });

function standings(students: readonly CohortStudent[], goal: number, now: Date): SharedStanding[] {
  const out: SharedStanding[] = [];
  for (const s of students) {
    if (s.sharing === 'none') continue;
    out.push({
      slackUserId: s.slackUserId,
      sharing: s.sharing,
      figures: s.figures,
      metGoal: metGoal(s.figures, goal),
      stalled: isStalled(s, now),
    });
  }
  return out;
}

/** The cohort's week so far: a facilitator sees each student who shares, a student their own standing. */
export async function cohortStatus(
  db: Db,
  scope: Scope,
  channelId: string,
  now: Date,
): Promise<CohortStatus> {
  const cohort = await findCohortByChannel(db, scope.workspaceId, channelId);
  if (!cohort) return { kind: 'no_cohort' };
  const soFar = digestSoFar(scheduleOf(cohort), now);
  const stats = await cohortStats(db, scope.workspaceId, cohort.id, soFar.window, now);
  const digest = cohortDigest(stats.students, cohort.weeklyGoal);
  const common: StatusCommon = {
    cohort: cohortSummary(cohort),
    soFar,
    totals: digest.totals,
    goal: digest.goal,
  };
  const me = roleIn(stats.people, scope);
  if (me?.role === 'facilitator') {
    const cover = facilitatorTotalsCover(stats.students);
    const counted =
      cover === 'everyone'
        ? digest
        : cohortDigest(
            stats.students.filter((s) => s.sharing !== 'none'),
            cohort.weeklyGoal,
          );
    return {
      ...common,
      totals: counted.totals,
      goal: counted.goal,
      totalsCover: cover,
      kind: 'facilitator',
      students: standings(stats.students, digest.goal.weeklyGoal, now),
      stalled: stalledStudents(stats.students, now),
      privateStudents: stats.students.filter((s) => s.sharing === 'none').length,
    };
  }
  const mine = stats.students.find((s) => s.slackUserId === scope.userId);
  if (!mine) return { ...common, kind: 'not_member' };
  return {
    ...common,
    kind: 'student',
    me: {
      figures: mine.figures,
      sharing: mine.sharing,
      metGoal: metGoal(mine.figures, digest.goal.weeklyGoal),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The App Home

/** One cohort the member facilitates, as their App Home shows it. */
export interface FacilitatedCohort {
  cohort: CohortSummary;
  soFar: DigestSoFar;
  totals: CohortTotals;
  goal: GoalProgress;
  stalled: number;
}

/** The cohorts the member facilitates (at most `limit`), each with its week so far. */
export async function facilitatedCohorts(
  db: Db,
  scope: Scope,
  now: Date,
  limit = 3,
  known?: { cohort: Cohort; role: CohortRole }[],
): Promise<FacilitatedCohort[]> {
  const mine = (known ?? (await cohortsOf(db, scope)))
    .filter((c) => c.role === 'facilitator')
    .slice(0, limit);
  const out: FacilitatedCohort[] = [];
  for (const { cohort } of mine) {
    const soFar = digestSoFar(scheduleOf(cohort), now);
    const stats = await cohortStats(db, scope.workspaceId, cohort.id, soFar.window, now);
    const digest = cohortDigest(stats.students, cohort.weeklyGoal);
    out.push({
      cohort: cohortSummary(cohort),
      soFar,
      totals: digest.totals,
      goal: digest.goal,
      stalled: stalledStudents(stats.students, now).length,
    });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// "Nudge kindly"

/** The student's next step the kind nudge's button opens. */
export type KindNudgeStep = 'add_target' | 'draft_ask';

export type KindNudgeClaim =
  | { kind: 'claimed'; key: CohortPostKey; studentUserId: string; step: KindNudgeStep; cohort: CohortSummary }
  | { kind: 'already_sent'; studentUserId: string; sentAt: Date | null }
  /** Another click is sending it right now. */
  | { kind: 'in_progress'; studentUserId: string }
  /** Active again since the list was made: no nudge needed. */
  | { kind: 'not_stalled'; studentUserId: string }
  /** The student paused their nudges: a facilitator's press does not get past that. */
  | { kind: 'paused'; studentUserId: string }
  | { kind: 'not_found' };

/**
 * Claims this week's one kind nudge for a quiet student, for a facilitator's click. The cohort and the
 * student come from the button, so both are re-checked: the cohort must be in the member's workspace,
 * the member one of its current facilitators, the student one of its current students who shares with
 * facilitators. Anything else is "not found".
 */
export async function claimKindNudge(
  db: Db,
  scope: Scope,
  target: { cohortId: string; memberId: string },
  lease: { owner: string; now: Date; leaseUntil: Date },
): Promise<KindNudgeClaim> {
  const cohort = await findCohort(db, scope.workspaceId, target.cohortId);
  if (!cohort) return { kind: 'not_found' };
  const now = lease.now;
  const window = { start: now, end: now };
  const stats = await cohortStats(db, scope.workspaceId, cohort.id, window, now);
  if (roleIn(stats.people, scope)?.role !== 'facilitator') return { kind: 'not_found' };
  const student = stats.students.find((s) => s.memberId === target.memberId && s.sharing !== 'none');
  if (!student) return { kind: 'not_found' };
  const key: CohortPostKey = {
    workspaceId: scope.workspaceId,
    cohortId: cohort.id,
    kind: 'kind_nudge',
    week: isoWeekKey(now, cohort.tz),
    recipientId: student.memberId,
  };
  const studentUserId = student.slackUserId;
  const existing = await findCohortPost(db, key);
  if (existing?.status === 'sent') return { kind: 'already_sent', studentUserId, sentAt: existing.sentAt };
  if (!isStalled(student, now)) return { kind: 'not_stalled', studentUserId };
  if (await nudgesPaused(db, scope.workspaceId, student.memberId, now))
    return { kind: 'paused', studentUserId };
  const claim = await claimCohortPost(db, key, lease);
  if (!claim.claimed) {
    return claim.status === 'sent'
      ? { kind: 'already_sent', studentUserId, sentAt: claim.sentAt }
      : { kind: 'in_progress', studentUserId };
  }
  const contacts = await activeContactCount(db, scope.workspaceId, student.memberId);
  return {
    kind: 'claimed',
    key,
    studentUserId,
    step: contacts === 0 ? 'add_target' : 'draft_ask',
    cohort: cohortSummary(cohort),
  };
}

/** The kind nudge went out: recorded with its message, once. */
export function kindNudgeSent(
  db: Db,
  key: CohortPostKey,
  owner: string,
  sent: { channelId: string | null; messageTs: string | null; sentAt: Date },
): Promise<boolean> {
  return markCohortPostSent(db, key, owner, sent);
}

/** The kind nudge could not be sent: the next click may try again at once. */
export function kindNudgeNotSent(db: Db, key: CohortPostKey, owner: string, now: Date): Promise<boolean> {
  return releaseCohortPost(db, key, owner, now);
}
