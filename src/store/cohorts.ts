// Cohorts: one per channel, its facilitators and students, and each member's sharing choice. Every
// query is scoped by workspace; a cohort id from the client is looked up with the workspace it must
// belong to.
import type { Scope } from '../core/scope';
import type { Cohort, CohortMembership, Member } from '../db/generated/sqlite/client';
import type { DbOrTx } from './tx';

export type { Cohort, CohortMembership };

export type CohortRole = 'student' | 'facilitator';
export type CohortSharing = 'counts' | 'named' | 'none';
export const COHORT_SHARING: readonly CohortSharing[] = ['counts', 'named', 'none'];

export interface CohortSettings {
  name: string;
  weeklyGoal: number;
  digestWeekday: number;
  digestHour: number;
  digestMinute: number;
  tz: string;
  welcomeJoiners: boolean;
}

/** A current member of a cohort (left ones excluded), with what they chose to share. */
export interface CohortPerson {
  membershipId: string;
  memberId: string;
  slackUserId: string;
  role: CohortRole;
  sharing: CohortSharing;
  introsOpen: boolean;
  joinedAt: Date;
  welcomedAt: Date | null;
}

export function sharingOf(value: string): CohortSharing {
  return (COHORT_SHARING as readonly string[]).includes(value) ? (value as CohortSharing) : 'counts';
}

export function roleOf(value: string): CohortRole {
  return value === 'facilitator' ? 'facilitator' : 'student';
}

export function findCohortByChannel(
  db: DbOrTx,
  workspaceId: string,
  channelId: string,
): Promise<Cohort | null> {
  return db.cohort.findUnique({ where: { workspaceId_channelId: { workspaceId, channelId } } });
}

/** A cohort by id, only if it belongs to the workspace (ids from buttons are re-checked here). */
export function findCohort(db: DbOrTx, workspaceId: string, cohortId: string): Promise<Cohort | null> {
  return db.cohort.findFirst({ where: { id: cohortId, workspaceId } });
}

/** Every cohort of every workspace (the scheduler's weekly jobs). */
/** Creates the channel's cohort, or changes its settings. */
export function saveCohort(
  db: DbOrTx,
  workspaceId: string,
  channelId: string,
  createdByUserId: string,
  settings: CohortSettings,
): Promise<Cohort> {
  return db.cohort.upsert({
    where: { workspaceId_channelId: { workspaceId, channelId } },
    create: { workspaceId, channelId, createdByUserId, ...settings },
    update: settings,
  });
}

/** The member rows for these Slack users, created on first sight (workspace row included). */
export async function ensureMembers(
  db: DbOrTx,
  workspaceId: string,
  slackUserIds: readonly string[],
): Promise<Map<string, Member>> {
  await db.workspace.upsert({ where: { id: workspaceId }, create: { id: workspaceId }, update: {} });
  const wanted = [...new Set(slackUserIds)];
  const found = await db.member.findMany({ where: { workspaceId, slackUserId: { in: wanted } } });
  const byUser = new Map(found.map((m) => [m.slackUserId, m]));
  for (const slackUserId of wanted) {
    if (byUser.has(slackUserId)) continue;
    const member = await db.member.upsert({
      where: { workspaceId_slackUserId: { workspaceId, slackUserId } },
      create: { workspaceId, slackUserId },
      update: {},
    });
    byUser.set(slackUserId, member);
  }
  return byUser;
}

/**
 * Puts a member in the cohort with a role (back in, if they had left). Returns the membership and
 * whether they are new to it (never in it, or back after leaving).
 */
export async function joinCohort(
  db: DbOrTx,
  cohortId: string,
  memberId: string,
  role: CohortRole,
  now: Date,
): Promise<{ membership: CohortMembership; joined: boolean }> {
  const existing = await db.cohortMembership.findUnique({
    where: { cohortId_memberId: { cohortId, memberId } },
  });
  if (existing && !existing.leftAt) {
    const membership =
      existing.role === role
        ? existing
        : await db.cohortMembership.update({ where: { id: existing.id }, data: { role } });
    return { membership, joined: false };
  }
  const membership = existing
    ? await db.cohortMembership.update({
        where: { id: existing.id },
        data: { role, leftAt: null, joinedAt: now },
      })
    : await db.cohortMembership.create({ data: { cohortId, memberId, role, joinedAt: now } });
  return { membership, joined: true };
}

/** Marks the member as gone from the cohort (their data stays theirs; they are no longer counted). */
export async function leaveCohort(
  db: DbOrTx,
  cohortId: string,
  memberId: string,
  now: Date,
): Promise<boolean> {
  const { count } = await db.cohortMembership.updateMany({
    where: { cohortId, memberId, leftAt: null },
    data: { leftAt: now },
  });
  return count > 0;
}

/** The cohort's current members, facilitators and students, with their sharing choices. */
export async function cohortPeople(
  db: DbOrTx,
  workspaceId: string,
  cohortId: string,
): Promise<CohortPerson[]> {
  const rows = await db.cohortMembership.findMany({
    where: { cohortId, leftAt: null, cohort: { workspaceId }, member: { workspaceId } },
    include: { member: { select: { slackUserId: true, cohortSharing: true, introsOpen: true } } },
    orderBy: [{ joinedAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({
    membershipId: r.id,
    memberId: r.memberId,
    slackUserId: r.member.slackUserId,
    role: roleOf(r.role),
    sharing: sharingOf(r.member.cohortSharing),
    introsOpen: r.member.introsOpen,
    joinedAt: r.joinedAt,
    welcomedAt: r.welcomedAt,
  }));
}

/** The cohorts the member is currently in, with their role in each. */
export async function cohortsOf(db: DbOrTx, scope: Scope): Promise<{ cohort: Cohort; role: CohortRole }[]> {
  const rows = await db.cohortMembership.findMany({
    where: {
      leftAt: null,
      member: { workspaceId: scope.workspaceId, slackUserId: scope.userId },
      cohort: { workspaceId: scope.workspaceId },
    },
    include: { cohort: true },
    orderBy: { joinedAt: 'asc' },
  });
  return rows.map((r) => ({ cohort: r.cohort, role: roleOf(r.role) }));
}

/**
 * Claims the one welcome DM of a membership: true for exactly one caller, however many times the
 * join is delivered or however many replicas see it.
 */
export async function claimWelcome(db: DbOrTx, membershipId: string, now: Date): Promise<boolean> {
  const { count } = await db.cohortMembership.updateMany({
    where: { id: membershipId, welcomedAt: null },
    data: { welcomedAt: now },
  });
  return count === 1;
}

/** A welcome that could not be sent: the next join (or a retry) may try again. */
export async function releaseWelcome(db: DbOrTx, membershipId: string): Promise<void> {
  await db.cohortMembership.updateMany({ where: { id: membershipId }, data: { welcomedAt: null } });
}

export interface SharingChoice {
  sharing: CohortSharing;
  introsOpen: boolean;
}

export async function sharingChoiceOf(db: DbOrTx, scope: Scope): Promise<SharingChoice> {
  const member = await db.member.findUnique({
    where: { workspaceId_slackUserId: { workspaceId: scope.workspaceId, slackUserId: scope.userId } },
    select: { cohortSharing: true, introsOpen: true },
  });
  return { sharing: sharingOf(member?.cohortSharing ?? 'counts'), introsOpen: member?.introsOpen ?? false };
}

/** The member's choice of what cohorts see of them (all their cohorts alike). */
export async function saveSharingChoice(db: DbOrTx, scope: Scope, choice: SharingChoice): Promise<void> {
  await ensureMembers(db, scope.workspaceId, [scope.userId]);
  await db.member.updateMany({
    where: { workspaceId: scope.workspaceId, slackUserId: scope.userId },
    data: { cohortSharing: choice.sharing, introsOpen: choice.introsOpen },
  });
}

/** The member's membership of the cohort, current or left (null when they were never in it). */
export function findMembership(
  db: DbOrTx,
  cohortId: string,
  memberId: string,
): Promise<CohortMembership | null> {
  return db.cohortMembership.findUnique({ where: { cohortId_memberId: { cohortId, memberId } } });
}
