// Warm-intro requests: one row per classmate asked, all rows of one `/coach who-knows` sharing its
// requester, query and createdAt (the "set"). A request nobody could be asked for keeps one row
// addressed to the requester themself (matches 0), so every request counts and ends alike.
//
// Every query is scoped by workspace, and by the member whose row it is: a classmate answers only
// rows addressed to them, a requester's rows are read by their own member id.
import type { IntroCandidate } from '../coaching/intros';
import type { Stage } from '../coaching/types';
import type { Cohort, IntroRequest, Member } from '../db/generated/sqlite/client';
import type { DbOrTx } from './tx';

export type { IntroRequest };

export type IntroStatus = 'pending' | 'accepted' | 'declined' | 'expired';

/** What ties the rows of one request together. */
export interface IntroSetKey {
  workspaceId: string;
  requesterId: string;
  createdAt: Date;
  query: string;
}

export function setKeyOf(row: IntroRequest): IntroSetKey {
  return {
    workspaceId: row.workspaceId,
    requesterId: row.requesterId,
    createdAt: row.createdAt,
    query: row.query,
  };
}

function setWhere(key: IntroSetKey) {
  return {
    workspaceId: key.workspaceId,
    requesterId: key.requesterId,
    createdAt: key.createdAt,
    query: key.query,
  };
}

/**
 * Takes the requester's row lock for the rest of the transaction, so two requests of the same member
 * are counted and compared one after the other (Postgres; SQLite runs one writer at a time anyway).
 */
export async function holdRequester(db: DbOrTx, member: Member, now: Date): Promise<void> {
  await db.member.updateMany({
    where: { id: member.id, workspaceId: member.workspaceId },
    data: { updatedAt: now },
  });
}

/** When each of the member's requests after `since` was made (one time per request). */
export async function requestTimesSince(db: DbOrTx, member: Member, since: Date): Promise<Date[]> {
  const rows = await db.introRequest.findMany({
    where: { workspaceId: member.workspaceId, requesterId: member.id, createdAt: { gt: since } },
    select: { createdAt: true },
    distinct: ['createdAt'],
    orderBy: { createdAt: 'asc' },
  });
  return rows.map((r) => r.createdAt);
}

/** The member's own requests still waiting for an answer. */
export function openRequestsOf(db: DbOrTx, member: Member): Promise<IntroRequest[]> {
  return db.introRequest.findMany({
    where: { workspaceId: member.workspaceId, requesterId: member.id, status: 'pending' },
    orderBy: { createdAt: 'asc' },
  });
}

export interface KnownContact extends IntroCandidate {
  ownerId: string;
}

/** The people these members have met (the only ones they could introduce), for matching. */
export async function knownContactsOf(
  db: DbOrTx,
  workspaceId: string,
  ownerIds: readonly string[],
  stages: readonly Stage[],
): Promise<KnownContact[]> {
  if (ownerIds.length === 0) return [];
  const rows = await db.contact.findMany({
    where: { workspaceId, ownerId: { in: [...ownerIds] }, stage: { in: [...stages] } },
    select: { id: true, ownerId: true, name: true, role: true, company: true, stage: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  return rows.map((r) => ({ ...r, stage: r.stage as Stage }));
}

export interface NewIntroRequest {
  cohortId: string;
  classmateId: string;
  matches: number;
}

/** One request's rows, all with the same createdAt and query (that is what makes them one set). */
export async function createIntroRequests(
  db: DbOrTx,
  requester: Member,
  query: string,
  rows: readonly NewIntroRequest[],
  now: Date,
): Promise<IntroRequest[]> {
  const created: IntroRequest[] = [];
  for (const row of rows) {
    created.push(
      await db.introRequest.create({
        data: {
          workspaceId: requester.workspaceId,
          requesterId: requester.id,
          query,
          createdAt: now,
          ...row,
        },
      }),
    );
  }
  return created;
}

export type IntroWithPeople = IntroRequest & {
  requester: Member;
  cohort: Pick<Cohort, 'id' | 'name'>;
};

/**
 * A request addressed to this classmate, or null: an id from a button is only ever looked up with
 * the workspace and the clicking member, so someone else's request finds nothing.
 */
export function introForClassmate(
  db: DbOrTx,
  classmate: Member,
  id: string,
): Promise<IntroWithPeople | null> {
  return db.introRequest.findFirst({
    where: { id, workspaceId: classmate.workspaceId, classmateId: classmate.id },
    include: { requester: true, cohort: { select: { id: true, name: true } } },
  });
}

/** Whether the member is still in the cohort (not left). */
export async function inCohort(db: DbOrTx, workspaceId: string, cohortId: string, memberId: string) {
  const found = await db.cohortMembership.findFirst({
    where: { cohortId, memberId, leftAt: null, cohort: { workspaceId } },
    select: { id: true },
  });
  return found !== null;
}

/**
 * Answers a request that is still pending; false when it was answered (or closed) already, so two
 * clicks, or a click racing the timeout, change it once.
 */
export async function answerIntro(
  db: DbOrTx,
  classmate: Member,
  id: string,
  change: { status: Exclude<IntroStatus, 'pending'>; contactId?: string | null },
  now: Date,
): Promise<boolean> {
  const { count } = await db.introRequest.updateMany({
    where: { id, workspaceId: classmate.workspaceId, classmateId: classmate.id, status: 'pending' },
    data: { status: change.status, contactId: change.contactId ?? null, answeredAt: now },
  });
  return count === 1;
}

/** Records the requester's new target on an accepted request. */
export async function recordCreatedContact(
  db: DbOrTx,
  classmate: Member,
  id: string,
  createdContactId: string,
): Promise<void> {
  await db.introRequest.updateMany({
    where: { id, workspaceId: classmate.workspaceId, classmateId: classmate.id, status: 'accepted' },
    data: { createdContactId },
  });
}

/**
 * The requester has been told the outcome of the set (an accept): the rows not marked yet are marked,
 * so neither a later decline nor the timeout sends a kind no for it.
 */
export async function markSetTold(db: DbOrTx, key: IntroSetKey, now: Date): Promise<void> {
  await db.introRequest.updateMany({
    where: { ...setWhere(key), requesterToldAt: null },
    data: { requesterToldAt: now },
  });
}

/**
 * Claims the one kind no of a set: true for exactly one caller, and only when every row is declined
 * or expired and nobody accepted. Run it inside a transaction (read, then a conditional update: a
 * racing claim finds the rows marked and gets false).
 */
export async function claimKindNo(db: DbOrTx, key: IntroSetKey, now: Date): Promise<boolean> {
  const rows = await db.introRequest.findMany({
    where: setWhere(key),
    select: { status: true, requesterToldAt: true },
  });
  if (rows.length === 0) return false;
  if (rows.some((r) => r.status === 'pending' || r.status === 'accepted' || r.requesterToldAt)) return false;
  const { count } = await db.introRequest.updateMany({
    where: { ...setWhere(key), requesterToldAt: null, status: { in: ['declined', 'expired'] } },
    data: { requesterToldAt: now },
  });
  return count > 0;
}

/** A kind no that could not be sent: the set may be claimed again (by the next sweep). */
export async function releaseKindNo(db: DbOrTx, key: IntroSetKey, claimedAt: Date): Promise<void> {
  await db.introRequest.updateMany({
    where: { ...setWhere(key), requesterToldAt: claimedAt, status: { in: ['declined', 'expired'] } },
    data: { requesterToldAt: null },
  });
}

/** Closes every request still pending that was made before `before` (all workspaces). */
export async function expireRequestsBefore(db: DbOrTx, before: Date, now: Date): Promise<number> {
  const { count } = await db.introRequest.updateMany({
    where: { status: 'pending', createdAt: { lte: before } },
    data: { status: 'expired', answeredAt: now },
  });
  return count;
}

/**
 * Sets whose requester is still owed their kind no: every row declined or expired, none accepted,
 * not told yet, in installed workspaces. One correlated query, so a set still waiting for someone's
 * answer never crowds out one that is done.
 */
export async function setsOwedKindNo(
  db: DbOrTx,
  take: number,
): Promise<(IntroSetKey & { requesterUserId: string })[]> {
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT r."id" FROM "IntroRequest" r
    JOIN "Workspace" w ON w."id" = r."workspaceId"
    WHERE r."status" IN ('declined', 'expired') AND r."requesterToldAt" IS NULL
      AND w."uninstalledAt" IS NULL
      AND NOT EXISTS (
        SELECT 1 FROM "IntroRequest" o
        WHERE o."requesterId" = r."requesterId" AND o."createdAt" = r."createdAt" AND o."query" = r."query"
          AND o."status" IN ('pending', 'accepted')
      )
    ORDER BY r."createdAt"
    LIMIT ${take}`;
  if (ids.length === 0) return [];
  const rows = await db.introRequest.findMany({
    where: { id: { in: ids.map((r) => r.id) } },
    include: { requester: { select: { slackUserId: true } } },
    orderBy: { createdAt: 'asc' },
  });
  const sets = new Map<string, IntroSetKey & { requesterUserId: string }>();
  for (const row of rows) {
    const key = `${row.requesterId}|${row.createdAt.getTime()}|${row.query}`;
    if (!sets.has(key)) sets.set(key, { ...setKeyOf(row), requesterUserId: row.requester.slackUserId });
  }
  return [...sets.values()];
}
