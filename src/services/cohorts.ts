// Cohorts, the part a member does: setting a channel's cohort up (or changing it), the channel's
// members coming and going, and each member's choice of what their cohort sees of them.
//
// Who may set a cohort up: a channel without a cohort, anyone in that channel (they become its first
// facilitator) or a workspace admin or owner; a channel with one, only its facilitators or a workspace
// admin or owner. The channel note names the facilitators, so everyone in it sees who they are.
//
// Welcome DMs go only to people who join the channel after the cohort is set up. Everyone in the
// channel when it is set up (or changed) has read the channel note instead, so their welcome counts as
// given: leaving and coming back later does not DM them either.
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import {
  type Cohort,
  type CohortRole,
  type CohortSettings,
  type CohortSharing,
  claimWelcome,
  cohortPeople,
  cohortsOf,
  ensureMembers,
  findCohort,
  findCohortByChannel,
  findMembership,
  joinCohort,
  leaveCohort,
  releaseWelcome,
  type SharingChoice,
  saveCohort,
  saveSharingChoice,
  sharingChoiceOf,
} from '../store/cohorts';
import { ensureMember, findMember } from '../store/members';
import { applyOnce } from '../store/requests';
import type { DbOrTx } from '../store/tx';

export type { CohortRole, CohortSettings, CohortSharing, SharingChoice };

/** What a new cohort starts with (the timezone is the member's own). */
function defaultCohortSettings(tz: string): CohortSettings {
  return {
    name: '',
    weeklyGoal: 1,
    digestWeekday: 1,
    digestHour: 9,
    digestMinute: 0,
    tz,
    welcomeJoiners: true,
  };
}

function facilitatorsOf(people: { role: CohortRole; slackUserId: string }[]): string[] {
  return people.filter((p) => p.role === 'facilitator').map((p) => p.slackUserId);
}

// ---------------------------------------------------------------------------------------------
// Setting up.

/** The setup form for a channel: its cohort's settings, or a new cohort's. */
export interface CohortSetupForm {
  channelId: string;
  existing: boolean;
  settings: CohortSettings;
  facilitatorIds: string[];
}

/** Why someone may not set up or change a channel's cohort, and who can. */
export type SetupRefusal =
  | { reason: 'not_facilitator'; channelId: string; cohortName: string; facilitatorIds: string[] }
  | { reason: 'not_in_channel'; channelId: string };

export type SetupAccess =
  | { allowed: true; form: CohortSetupForm }
  | { allowed: false; refusal: SetupRefusal };

/**
 * What the setup modal opened in a channel shows. The command was typed in the channel, so its
 * member may start a new cohort there; an existing one only its facilitators or an admin may change.
 */
export async function cohortSetupFor(
  db: Db,
  scope: Scope,
  input: { channelId: string; isAdmin: boolean; tz: string },
): Promise<SetupAccess> {
  const cohort = await findCohortByChannel(db, scope.workspaceId, input.channelId);
  if (!cohort) {
    return {
      allowed: true,
      form: {
        channelId: input.channelId,
        existing: false,
        settings: defaultCohortSettings(input.tz),
        facilitatorIds: [scope.userId],
      },
    };
  }
  const facilitatorIds = facilitatorsOf(await cohortPeople(db, scope.workspaceId, cohort.id));
  if (!input.isAdmin && !facilitatorIds.includes(scope.userId)) {
    return {
      allowed: false,
      refusal: {
        reason: 'not_facilitator',
        channelId: cohort.channelId,
        cohortName: cohort.name,
        facilitatorIds,
      },
    };
  }
  return {
    allowed: true,
    form: {
      channelId: cohort.channelId,
      existing: true,
      settings: settingsOf(cohort),
      facilitatorIds,
    },
  };
}

function settingsOf(cohort: Cohort): CohortSettings {
  return {
    name: cohort.name,
    weeklyGoal: cohort.weeklyGoal,
    digestWeekday: cohort.digestWeekday,
    digestHour: cohort.digestHour,
    digestMinute: cohort.digestMinute,
    tz: cohort.tz,
    welcomeJoiners: cohort.welcomeJoiners,
  };
}

export interface CohortSetupInput {
  channelId: string;
  settings: CohortSettings;
  /** Slack user ids chosen as facilitators (checked to be people, not bots, before). */
  facilitatorIds: string[];
  /** Whether the member is a workspace admin or owner (users.info). */
  isAdmin: boolean;
  /** Everyone in the channel as Slack lists them (bots included). */
  channelMemberIds: readonly string[];
}

/** A saved cohort, as the confirmation and the channel note show it. */
export interface SavedCohort {
  cohortId: string;
  channelId: string;
  settings: CohortSettings;
  facilitatorIds: string[];
  /** True when the channel had no cohort before. */
  created: boolean;
}

export type CohortSetupResult = { ok: true; cohort: SavedCohort } | { ok: false; refusal: SetupRefusal };

/**
 * Saves the channel's cohort with its facilitators, once per submission (`key`), after checking again,
 * inside the same transaction, that the member may: the submission is what counts, whatever the
 * modal showed. Facilitators taken off the list stay in the cohort as students while they are in the
 * channel. The channel's other members are added by syncCohortRoster, after the answer.
 */
export function setUpCohort(
  db: Db,
  scope: Scope,
  input: CohortSetupInput,
  now: Date,
  key: string | null,
): Promise<CohortSetupResult> {
  const { workspaceId } = scope;
  return applyOnce(db, { key, workspaceId, now }, async (tx): Promise<CohortSetupResult> => {
    const existing = await findCohortByChannel(tx, workspaceId, input.channelId);
    const before = existing ? await cohortPeople(tx, workspaceId, existing.id) : [];
    const facilitatorsBefore = facilitatorsOf(before);
    if (!input.isAdmin) {
      if (existing && !facilitatorsBefore.includes(scope.userId)) {
        return {
          ok: false,
          refusal: {
            reason: 'not_facilitator',
            channelId: existing.channelId,
            cohortName: existing.name,
            facilitatorIds: facilitatorsBefore,
          },
        };
      }
      if (!existing && !input.channelMemberIds.includes(scope.userId)) {
        return { ok: false, refusal: { reason: 'not_in_channel', channelId: input.channelId } };
      }
    }
    const cohort = await saveCohort(tx, workspaceId, input.channelId, scope.userId, input.settings);
    const facilitatorIds = [...new Set(input.facilitatorIds)];
    const members = await ensureMembers(tx, workspaceId, facilitatorIds);
    for (const userId of facilitatorIds) {
      const member = members.get(userId);
      if (!member) continue;
      const { membership } = await joinCohort(tx, cohort.id, member.id, 'facilitator', now);
      // Facilitators chose the cohort; they get no welcome meant for its students.
      await claimWelcome(tx, membership.id, now);
    }
    const inChannel = new Set(input.channelMemberIds);
    for (const person of before) {
      if (person.role !== 'facilitator' || facilitatorIds.includes(person.slackUserId)) continue;
      if (inChannel.has(person.slackUserId)) {
        await joinCohort(tx, cohort.id, person.memberId, 'student', now);
      } else {
        await leaveCohort(tx, cohort.id, person.memberId, now);
      }
    }
    return {
      ok: true,
      cohort: {
        cohortId: cohort.id,
        channelId: cohort.channelId,
        settings: settingsOf(cohort),
        facilitatorIds,
        created: !existing,
      },
    };
  });
}

/**
 * Makes the cohort's students the people in its channel: those not in it yet join as students (their
 * welcome counts as given: they saw the setup note), students no longer in the channel leave it.
 * Facilitators stay whether or not they are in the channel. Returns how many joined and left.
 */
export async function syncCohortRoster(
  db: Db,
  workspaceId: string,
  cohortId: string,
  humanIds: readonly string[],
  now: Date,
): Promise<{ joined: number; left: number }> {
  const cohort = await findCohort(db, workspaceId, cohortId);
  if (!cohort) return { joined: 0, left: 0 };
  const people = await cohortPeople(db, workspaceId, cohort.id);
  const current = new Set(people.map((p) => p.slackUserId));
  const wanted = new Set(humanIds);
  const members = await ensureMembers(db, workspaceId, [...wanted]);
  let joined = 0;
  for (const userId of wanted) {
    const member = members.get(userId);
    if (!member) continue;
    const membership = await joinKeepingRole(db, cohort.id, member.id, now);
    if (!current.has(userId)) joined += 1;
    await claimWelcome(db, membership.id, now);
  }
  let left = 0;
  for (const person of people) {
    if (person.role === 'facilitator' || wanted.has(person.slackUserId)) continue;
    if (await leaveCohort(db, cohort.id, person.memberId, now)) left += 1;
  }
  return { joined, left };
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}

/**
 * Puts the member in the cohort, as the facilitator they were if they were one, else as a student.
 * Two copies of the same join racing (two replicas, a redelivery) both end with the one membership.
 */
async function joinKeepingRole(db: DbOrTx, cohortId: string, memberId: string, now: Date) {
  for (let attempt = 0; ; attempt++) {
    try {
      const existing = await findMembership(db, cohortId, memberId);
      const role: CohortRole = existing?.role === 'facilitator' ? 'facilitator' : 'student';
      return (await joinCohort(db, cohortId, memberId, role, now)).membership;
    } catch (error) {
      if (attempt > 0 || !isUniqueViolation(error)) throw error;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The channel's members coming and going.

/** The cohort of a channel, if it has one. */
export function cohortOfChannel(db: Db, workspaceId: string, channelId: string): Promise<Cohort | null> {
  return findCohortByChannel(db, workspaceId, channelId);
}

/** The welcome DM for someone who just joined a cohort's channel. */
export interface CohortWelcome {
  membershipId: string;
  cohortName: string;
  channelId: string;
  weeklyGoal: number;
  facilitatorIds: string[];
  sharing: SharingChoice;
}

/**
 * The member joined the cohort's channel: they are in the cohort now (a facilitator coming back stays
 * one). Returns the welcome to send when the cohort welcomes joiners and this copy of the join is the
 * one that claimed it: however often the join is delivered, one welcome.
 */
export async function joinedCohortChannel(
  db: Db,
  scope: Scope,
  channelId: string,
  now: Date,
): Promise<{ welcome: CohortWelcome | null }> {
  const cohort = await findCohortByChannel(db, scope.workspaceId, channelId);
  if (!cohort) return { welcome: null };
  const member = await memberFor(db, scope);
  const membership = await joinKeepingRole(db, cohort.id, member.id, now);
  if (!cohort.welcomeJoiners || membership.role === 'facilitator') return { welcome: null };
  if (!(await claimWelcome(db, membership.id, now))) return { welcome: null };
  const people = await cohortPeople(db, scope.workspaceId, cohort.id);
  return {
    welcome: {
      membershipId: membership.id,
      cohortName: cohort.name,
      channelId: cohort.channelId,
      weeklyGoal: cohort.weeklyGoal,
      facilitatorIds: facilitatorsOf(people),
      sharing: await sharingChoiceOf(db, scope),
    },
  };
}

/** The member's row; the same new member created by two copies of the join at once finds the first's. */
async function memberFor(db: Db, scope: Scope) {
  try {
    return await ensureMember(db, scope);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return ensureMember(db, scope);
  }
}

/** The welcome DM could not be sent: a later delivery of the join may try again. */
export async function welcomeNotSent(db: Db, scope: Scope, channelId: string, membershipId: string) {
  const cohort = await findCohortByChannel(db, scope.workspaceId, channelId);
  const person = cohort
    ? (await cohortPeople(db, scope.workspaceId, cohort.id)).find((p) => p.membershipId === membershipId)
    : undefined;
  if (person && person.slackUserId === scope.userId) await releaseWelcome(db, membershipId);
}

/** The member left the cohort's channel: they are no longer counted (their own data stays theirs). */
export async function leftCohortChannel(
  db: Db,
  scope: Scope,
  channelId: string,
  now: Date,
): Promise<boolean> {
  const cohort = await findCohortByChannel(db, scope.workspaceId, channelId);
  if (!cohort) return false;
  const member = await findMember(db, scope);
  return member ? leaveCohort(db, cohort.id, member.id, now) : false;
}

// ---------------------------------------------------------------------------------------------
// What the member shares.

export interface MemberCohort {
  name: string;
  channelId: string;
  role: CohortRole;
}

/** The member's sharing choice and the cohorts it applies to (none yet: it applies once they join one). */
export interface SharingPicture {
  choice: SharingChoice;
  cohorts: MemberCohort[];
}

export async function sharingPicture(db: Db, scope: Scope): Promise<SharingPicture> {
  const [choice, cohorts] = await Promise.all([sharingChoiceOf(db, scope), cohortsOf(db, scope)]);
  return {
    choice,
    cohorts: cohorts.map(({ cohort, role }) => ({ name: cohort.name, channelId: cohort.channelId, role })),
  };
}

/**
 * The App Home's "Your cohort": only for members who are in one. Takes the member's cohorts and choice
 * when the caller has read them already.
 */
export async function homeCohort(
  db: Db,
  scope: Scope,
  known?: { cohorts: { cohort: Cohort; role: CohortRole }[]; choice: SharingChoice },
): Promise<SharingPicture | null> {
  const cohorts = known?.cohorts ?? (await cohortsOf(db, scope));
  if (cohorts.length === 0) return null;
  return {
    choice: known?.choice ?? (await sharingChoiceOf(db, scope)),
    cohorts: cohorts.map(({ cohort, role }) => ({ name: cohort.name, channelId: cohort.channelId, role })),
  };
}

/** Saves the member's choice, once per submission; returns it with the one it replaced. */
export function changeSharing(
  db: Db,
  scope: Scope,
  choice: SharingChoice,
  now: Date,
  key: string | null,
): Promise<{ before: SharingChoice; after: SharingChoice }> {
  return applyOnce(db, { key, workspaceId: scope.workspaceId, now }, async (tx) => {
    const before = await sharingChoiceOf(tx, scope);
    await saveSharingChoice(tx, scope, choice);
    return { before, after: choice };
  });
}
