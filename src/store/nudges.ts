// The nudge outbox: idempotent inserts from the planner, leased claims for the sender, and the state
// changes buttons make. Claims and sends touch only due rows through the (status, dueAt) and
// (status, leaseUntil) indexes, so a sweep costs what is due, not what the table holds.
//
// Status: pending → sending (claimed under a lease) → sent → done | pending (snoozed);
// pending → cancelled (reason gone); sending → failed (permanent error or too many attempts).
import { randomUUID } from 'node:crypto';
import type { NudgeKind } from '../coaching/types';
import type { Db } from '../db/client';
import { type Member, type Nudge, Prisma } from '../db/generated/sqlite/client';

export type { Nudge };

export const NUDGE_STATUSES = ['pending', 'sending', 'sent', 'failed', 'cancelled', 'done'] as const;
export type NudgeStatus = (typeof NUDGE_STATUSES)[number];

/** The SQL dialect behind a client (the two generated clients share one type). */
export function dialectOf(db: Db): 'sqlite' | 'postgres' {
  const provider = (db as unknown as { _activeProvider?: string })._activeProvider;
  return provider === 'postgresql' || provider === 'postgres' ? 'postgres' : 'sqlite';
}

// ---- planning -----------------------------------------------------------------------------------

export interface NewNudge {
  kind: NudgeKind;
  subjectId: string | null;
  /** The planner's key (kind:subject:occurrence); stored prefixed with the member id. */
  dedupeKey: string;
  dueAt: Date;
}

/** The stored, globally unique key of a planned nudge. */
export function memberDedupeKey(memberId: string, plannedKey: string): string {
  return `${memberId}:${plannedKey}`;
}

/** Splits a stored key back into its parts; `occurrence` is what recheckNudge compares. */
export function parseDedupeKey(key: string): {
  memberId: string;
  kind: string;
  subject: string;
  occurrence: string;
} {
  const [memberId = '', kind = '', subject = '', ...rest] = key.split(':');
  return { memberId, kind, subject, occurrence: rest.join(':') };
}

/** Stored keys among `keys` that exist already (any status). */
export async function existingDedupeKeys(db: Db, keys: string[]): Promise<Set<string>> {
  if (keys.length === 0) return new Set();
  const rows = await db.nudge.findMany({ where: { dedupeKey: { in: keys } }, select: { dedupeKey: true } });
  return new Set(rows.map((r) => r.dedupeKey));
}

/**
 * Inserts the planned nudges that do not exist yet. INSERT … ON CONFLICT DO NOTHING on the unique
 * dedupe key works on SQLite and Postgres alike, so two planners racing never make two rows and never
 * fail. Returns how many rows were created.
 */
export async function insertPlannedNudges(
  db: Db,
  member: Pick<Member, 'id' | 'workspaceId'>,
  planned: readonly NewNudge[],
  now: Date,
): Promise<number> {
  const keys = planned.map((p) => memberDedupeKey(member.id, p.dedupeKey));
  const existing = await existingDedupeKeys(db, keys);
  const missing = planned.filter((p) => !existing.has(memberDedupeKey(member.id, p.dedupeKey)));
  let created = 0;
  // One statement per chunk (well inside both databases' bound-parameter limits).
  for (let i = 0; i < missing.length; i += 100) {
    const rows = missing.slice(i, i + 100).map(
      (p) =>
        Prisma.sql`(${randomUUID()}, ${member.workspaceId}, ${member.id}, ${p.kind}, ${p.subjectId},
                    ${memberDedupeKey(member.id, p.dedupeKey)}, ${p.dueAt}, 'pending', 0, ${now}, ${now})`,
    );
    created += await db.$executeRaw`
      INSERT INTO "Nudge" ("id", "workspaceId", "memberId", "kind", "subjectId", "dedupeKey", "dueAt",
                           "status", "attempts", "createdAt", "updatedAt")
      VALUES ${Prisma.join(rows)}
      ON CONFLICT ("dedupeKey") DO NOTHING`;
  }
  return created;
}

/** The member's nudges waiting to be sent (few per member). */
export function pendingNudgesOf(db: Db, memberId: string): Promise<Nudge[]> {
  return db.nudge.findMany({ where: { memberId, status: 'pending' }, orderBy: { dueAt: 'asc' } });
}

/** Cancels nudges that are still pending (a claimed or sent one is left alone). */
export async function cancelPendingNudges(db: Db, ids: string[], reason: string, now: Date): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.nudge.updateMany({
    where: { id: { in: ids }, status: 'pending' },
    data: { status: 'cancelled', lastError: reason, resolvedAt: now },
  });
  return result.count;
}

/** Moves a pending nudge later (never earlier: a snooze is kept). */
export async function postponePendingNudge(db: Db, id: string, dueAt: Date): Promise<boolean> {
  const result = await db.nudge.updateMany({
    where: { id, status: 'pending', dueAt: { lt: dueAt } },
    data: { dueAt },
  });
  return result.count === 1;
}

/**
 * One page of the planner's rolling pass: members of installed workspaces in id order after
 * `afterId` (primary-key order, so a page costs its size, not the table's).
 */
export function membersToPlan(db: Db, options: { afterId?: string | null; take: number }): Promise<Member[]> {
  return db.member.findMany({
    where: {
      workspace: { uninstalledAt: null },
      ...(options.afterId ? { id: { gt: options.afterId } } : {}),
    },
    orderBy: { id: 'asc' },
    take: options.take,
  });
}

/**
 * Members whose data changed since `since` (contacts, conversations, their settings), so a change is
 * planned on the next sweep rather than when the rolling pass comes round. Each part reads an
 * updatedAt index, so the cost follows the number of changes, not the table sizes.
 */
export async function membersChangedSince(db: Db, since: Date, take: number): Promise<Member[]> {
  const recent = { updatedAt: { gte: since } };
  const [contacts, conversations] = await Promise.all([
    db.contact.findMany({ where: recent, select: { ownerId: true }, orderBy: { updatedAt: 'desc' }, take }),
    db.conversation.findMany({
      where: recent,
      select: { ownerId: true },
      orderBy: { updatedAt: 'desc' },
      take,
    }),
  ]);
  const ids = [...new Set([...contacts, ...conversations].map((r) => r.ownerId))];
  return db.member.findMany({
    where: { workspace: { uninstalledAt: null }, OR: [{ id: { in: ids } }, recent] },
    orderBy: { updatedAt: 'desc' },
    take,
  });
}

// ---- delivery -----------------------------------------------------------------------------------

/** Nudges of one kind for one member that go out as one message at most (deliver.ts folds them). */
export const FOLD_LIMIT = 20;

export interface ClaimOptions {
  now: Date;
  /** Who holds the lease (one id per sweep). */
  owner: string;
  leaseUntil: Date;
  limit: number;
}

/**
 * Claims due nudges under a lease: first "sending" rows whose lease expired (their sender died between
 * claim and send), then pending rows due by `now`, round-robin by member (each member's oldest first),
 * skipping members another sweeper is sending to. Each claim counts as an attempt.
 * Postgres: FOR UPDATE SKIP LOCKED, so concurrent sweepers take disjoint rows without waiting.
 * SQLite: one UPDATE … RETURNING statement; SQLite has one writer at a time, so it is atomic.
 */
export async function claimDueNudges(db: Db, options: ClaimOptions): Promise<Nudge[]> {
  const { now, owner, leaseUntil, limit } = options;
  if (limit <= 0) return [];
  const postgres = dialectOf(db) === 'postgres';
  const expired = postgres
    ? await db.$queryRaw<{ id: string }[]>`
        UPDATE "Nudge" SET "leaseOwner" = ${owner}, "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1,
                           "updatedAt" = ${now}
        WHERE "id" IN (SELECT "id" FROM "Nudge" WHERE "status" = 'sending' AND "leaseUntil" <= ${now}
                       ORDER BY "leaseUntil" LIMIT ${limit} FOR UPDATE SKIP LOCKED)
        RETURNING "id"`
    : await db.$queryRaw<{ id: string }[]>`
        UPDATE "Nudge" SET "leaseOwner" = ${owner}, "leaseUntil" = ${leaseUntil}, "attempts" = "attempts" + 1,
                           "updatedAt" = ${now}
        WHERE "id" IN (SELECT "id" FROM "Nudge" WHERE "status" = 'sending' AND "leaseUntil" <= ${now}
                       ORDER BY "leaseUntil" LIMIT ${limit})
        RETURNING "id"`;
  const rest = limit - expired.length;
  // Fair across members, round-robin by message: each member's oldest due group (its nudges of one
  // kind, at most FOLD_LIMIT, which go out as one message) before anyone's second group; a group's
  // rows stay together so it still folds. Never a member another sweeper is sending to right now (one
  // sender per DM channel keeps the member's order and the channel's pace).
  const due = Prisma.sql`
    SELECT "id", "memberId", "kind", "dueAt", "kfirst",
           DENSE_RANK() OVER (PARTITION BY "memberId" ORDER BY "kfirst", "kind") AS "rn"
    FROM (SELECT n."id", n."memberId", n."kind", n."dueAt",
                 MIN(n."dueAt") OVER (PARTITION BY n."memberId", n."kind") AS "kfirst",
                 ROW_NUMBER() OVER (PARTITION BY n."memberId", n."kind" ORDER BY n."dueAt", n."id") AS "kn"
          FROM "Nudge" n
          WHERE n."status" = 'pending' AND n."dueAt" <= ${now}
            AND NOT EXISTS (SELECT 1 FROM "Nudge" s WHERE s."memberId" = n."memberId"
                            AND s."status" = 'sending' AND s."leaseOwner" <> ${owner}
                            AND s."leaseUntil" > ${now})) g
    WHERE "kn" <= ${FOLD_LIMIT}`;
  const pending =
    rest <= 0
      ? []
      : postgres
        ? await db.$queryRaw<{ id: string }[]>`
            UPDATE "Nudge" SET "status" = 'sending', "leaseOwner" = ${owner}, "leaseUntil" = ${leaseUntil},
                               "attempts" = "attempts" + 1, "updatedAt" = ${now}
            WHERE "id" IN (
              SELECT n."id" FROM "Nudge" n JOIN (${due}) r ON r."id" = n."id"
              WHERE n."status" = 'pending'
              ORDER BY r."rn", r."kfirst", r."memberId", r."kind", r."dueAt", r."id"
              LIMIT ${rest} FOR UPDATE OF n SKIP LOCKED)
            RETURNING "id"`
        : await db.$queryRaw<{ id: string }[]>`
            UPDATE "Nudge" SET "status" = 'sending', "leaseOwner" = ${owner}, "leaseUntil" = ${leaseUntil},
                               "attempts" = "attempts" + 1, "updatedAt" = ${now}
            WHERE "id" IN (
              SELECT "id" FROM (${due}) r
              ORDER BY "rn", "kfirst", "memberId", "kind", "dueAt", "id" LIMIT ${rest})
            RETURNING "id"`;
  if (postgres && pending.length > 0) {
    // Two sweepers claiming at the same instant can each take one of a member's nudges (neither saw
    // the other's uncommitted claim): both see it now and hand theirs back for a later sweep.
    const contested = await db.$queryRaw<{ id: string }[]>`
      SELECT n."id" FROM "Nudge" n
      WHERE n."id" IN (${Prisma.join(pending.map((p) => p.id))})
        AND EXISTS (SELECT 1 FROM "Nudge" s WHERE s."memberId" = n."memberId" AND s."status" = 'sending'
                    AND s."leaseOwner" <> ${owner} AND s."leaseUntil" > ${now})`;
    if (contested.length > 0) {
      const back = new Set(contested.map((c) => c.id));
      await db.nudge.updateMany({
        where: { id: { in: [...back] }, status: 'sending', leaseOwner: owner },
        data: { status: 'pending', leaseOwner: null, leaseUntil: null, attempts: { decrement: 1 } },
      });
      pending.splice(0, pending.length, ...pending.filter((p) => !back.has(p.id)));
    }
  }
  const ids = [...expired, ...pending].map((r) => r.id);
  if (ids.length === 0) return [];
  return db.nudge.findMany({
    where: { id: { in: ids }, status: 'sending', leaseOwner: owner },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
  });
}

/** Read-only view of what a sweep at `now` would claim (dry runs). */
export function previewDueNudges(db: Db, now: Date, limit: number): Promise<Nudge[]> {
  return db.nudge.findMany({
    where: {
      OR: [
        { status: 'pending', dueAt: { lte: now } },
        { status: 'sending', leaseUntil: { lte: now } },
      ],
    },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
    take: limit,
  });
}

/**
 * Extends the lease right before the Slack call, and proves the row is still ours: false means another
 * sweeper took it over (our lease expired), so we must not send.
 */
export async function renewLease(db: Db, id: string, owner: string, leaseUntil: Date): Promise<boolean> {
  const result = await db.nudge.updateMany({
    where: { id, status: 'sending', leaseOwner: owner },
    data: { leaseUntil },
  });
  return result.count === 1;
}

/** Records the Slack message and the status in one statement: a sent nudge always has its ts. */
export async function markNudgeSent(
  db: Db,
  id: string,
  owner: string,
  sent: { channelId: string | null; messageTs: string | null; sentAt: Date },
): Promise<boolean> {
  const result = await db.nudge.updateMany({
    where: { id, status: 'sending', leaseOwner: owner },
    data: {
      status: 'sent',
      channelId: sent.channelId,
      messageTs: sent.messageTs,
      sentAt: sent.sentAt,
      leaseOwner: null,
      leaseUntil: null,
      lastError: null,
    },
  });
  return result.count === 1;
}

/**
 * Hands a claimed nudge back as pending, due at `dueAt`. `countAttempt: false` when nothing was tried
 * (a deferral, pacing, another nudge's error stopping the workspace), so it does not count toward
 * the failure limit.
 */
export async function releaseNudge(
  db: Db,
  id: string,
  owner: string,
  next: { dueAt: Date; countAttempt: boolean; lastError?: string | null },
): Promise<boolean> {
  const result = await db.nudge.updateMany({
    where: { id, status: 'sending', leaseOwner: owner },
    data: {
      status: 'pending',
      dueAt: next.dueAt,
      leaseOwner: null,
      leaseUntil: null,
      ...(next.countAttempt ? {} : { attempts: { decrement: 1 } }),
      ...(next.lastError !== undefined ? { lastError: next.lastError } : {}),
    },
  });
  return result.count === 1;
}

/**
 * Hands claimed nudges back as pending in two statements at most (a sweep's budget ending, a stopped
 * workspace): each due as before, or at `notBefore` when that is later; nothing counts as an
 * attempt. Returns the ids that were still ours and went back.
 */
export async function releaseClaimedNudges(
  db: Db,
  ids: readonly string[],
  owner: string,
  notBefore?: Date,
): Promise<string[]> {
  if (ids.length === 0) return [];
  const held = await db.nudge.findMany({
    where: { id: { in: [...ids] }, status: 'sending', leaseOwner: owner },
    select: { id: true },
  });
  const heldIds = held.map((h) => h.id);
  if (heldIds.length === 0) return [];
  const back = {
    status: 'pending',
    leaseOwner: null,
    leaseUntil: null,
    attempts: { decrement: 1 },
  } as const;
  const ours = { id: { in: heldIds }, status: 'sending', leaseOwner: owner };
  if (notBefore) {
    await db.nudge.updateMany({
      where: { ...ours, dueAt: { lt: notBefore } },
      data: { ...back, dueAt: notBefore },
    });
  }
  await db.nudge.updateMany({ where: ours, data: back });
  return heldIds;
}

/** Ends a claimed nudge for good: failed (error kept) or cancelled (reason kept). */
export async function finishClaimedNudge(
  db: Db,
  id: string,
  owner: string,
  status: 'failed' | 'cancelled',
  reason: string,
  now: Date,
): Promise<boolean> {
  const result = await db.nudge.updateMany({
    where: { id, status: 'sending', leaseOwner: owner },
    data: {
      status,
      lastError: reason.slice(0, 500),
      resolvedAt: now,
      leaseOwner: null,
      leaseUntil: null,
      // A cancellation is not an attempt.
      ...(status === 'cancelled' ? { attempts: { decrement: 1 } } : {}),
    },
  });
  return result.count === 1;
}

// ---- pacing -------------------------------------------------------------------------------------

/**
 * A workspace's pacing row, shared by every worker (nudges/pacing.ts decides what goes in it): the
 * current stream of sends (its first slot and how many slots were taken since), the next free slot
 * (a block, for a 429's Retry-After or a revoked token, moves it to the block's end) and the adaptive
 * rate's state as the pacer wrote it.
 */
export interface SendPaceRow {
  streamFrom: Date | null;
  streamCount: number;
  nextAt: Date | null;
  pace: string | null;
}

/** The workspace's pacing row; null when the workspace is not there. */
export async function readSendPace(db: Db, workspaceId: string): Promise<SendPaceRow | null> {
  const row = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { sendWindowFrom: true, sendCount: true, sendNextAt: true, sendPace: true },
  });
  if (!row) return null;
  return {
    streamFrom: row.sendWindowFrom,
    streamCount: row.sendCount,
    nextAt: row.sendNextAt,
    pace: row.sendPace,
  };
}

/**
 * Writes the pacing row only if it is still what the caller read (compare and set, one conditional
 * UPDATE on both databases): two workers can never take the same slot, and a rate changed by another
 * worker's 429 in the meantime is read again. False when someone else wrote first.
 */
export async function writeSendPace(
  db: Db,
  workspaceId: string,
  seen: SendPaceRow,
  next: SendPaceRow,
): Promise<boolean> {
  const result = await db.workspace.updateMany({
    where: {
      id: workspaceId,
      sendWindowFrom: seen.streamFrom,
      sendCount: seen.streamCount,
      sendNextAt: seen.nextAt,
      sendPace: seen.pace,
    },
    data: {
      sendWindowFrom: next.streamFrom,
      sendCount: next.streamCount,
      sendNextAt: next.nextAt,
      sendPace: next.pace,
    },
  });
  return result.count === 1;
}

/**
 * Blocks the workspace's sends until `until` (a revoked token; a 429 goes through the pacer, which
 * also adapts the rate): no slot is free before then, for every worker. Never shortens a longer block.
 */
export async function blockWorkspaceSends(db: Db, workspaceId: string, until: Date): Promise<void> {
  await db.workspace.updateMany({
    where: { id: workspaceId, OR: [{ sendNextAt: null }, { sendNextAt: { lt: until } }] },
    data: { sendNextAt: until },
  });
}

// ---- what buttons do ----------------------------------------------------------------------------

// A nudge id in a button value is only ever used together with the clicking member's workspace and id.
function ownedBy(member: Pick<Member, 'id' | 'workspaceId'>) {
  return { workspaceId: member.workspaceId, memberId: member.id };
}

/** The nudge, when it belongs to this member in this workspace; null otherwise. */
export function findMemberNudge(
  db: Db,
  member: Pick<Member, 'id' | 'workspaceId'>,
  id: string,
): Promise<Nudge | null> {
  return db.nudge.findFirst({ where: { id, ...ownedBy(member) } });
}

/** Done: resolved by the member. Only a delivered (or waiting) nudge can be marked done. */
export async function markNudgeDone(
  db: Db,
  member: Pick<Member, 'id' | 'workspaceId'>,
  id: string,
  now: Date,
): Promise<boolean> {
  const result = await db.nudge.updateMany({
    where: { id, ...ownedBy(member), status: { in: ['sent', 'pending'] } },
    data: { status: 'done', resolvedAt: now },
  });
  return result.count === 1;
}

/** Snooze: waiting again, due at `until`; the message is sent anew then. */
export async function snoozeNudge(
  db: Db,
  member: Pick<Member, 'id' | 'workspaceId'>,
  id: string,
  until: Date,
): Promise<boolean> {
  const result = await db.nudge.updateMany({
    where: { id, ...ownedBy(member), status: { in: ['sent', 'pending'] } },
    data: { status: 'pending', dueAt: until, attempts: 0, lastError: null, resolvedAt: null },
  });
  return result.count === 1;
}

/** Cancels the member's waiting nudges of these kinds (kinds turned off). */
export async function cancelPendingOfKinds(
  db: Db,
  member: Pick<Member, 'id' | 'workspaceId'>,
  kinds: readonly NudgeKind[],
  reason: string,
  now: Date,
): Promise<number> {
  if (kinds.length === 0) return 0;
  const result = await db.nudge.updateMany({
    where: { ...ownedBy(member), kind: { in: [...kinds] }, status: 'pending' },
    data: { status: 'cancelled', lastError: reason, resolvedAt: now },
  });
  return result.count;
}

// ---- what Done records, and Undo --------------------------------------------------------------

type Owner = Pick<Member, 'id' | 'workspaceId'>;

function ownerScope(member: Owner) {
  return { workspaceId: member.workspaceId, ownerId: member.id };
}

/** The other nudges shown in the same message (a folded backlog), this member's and of this kind. */
export function nudgesInMessage(db: Db, member: Owner, nudge: Nudge): Promise<Nudge[]> {
  if (!nudge.channelId || !nudge.messageTs) return Promise.resolve([nudge]);
  return db.nudge.findMany({
    where: { ...ownedBy(member), kind: nudge.kind, channelId: nudge.channelId, messageTs: nudge.messageTs },
    orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
  });
}

/** Done or Stop these: resolved by the member at `now`; `stopped` marks a Stop these (for Undo). */
export async function resolveNudges(
  db: Db,
  member: Owner,
  ids: readonly string[],
  now: Date,
  how: 'done' | 'stopped',
): Promise<number> {
  if (ids.length === 0) return 0;
  const result = await db.nudge.updateMany({
    where: { id: { in: [...ids] }, ...ownedBy(member), status: { in: ['sent', 'pending'] } },
    data: { status: 'done', resolvedAt: now, lastError: how === 'stopped' ? STOPPED : null },
  });
  return result.count;
}

const STOPPED = 'stopped by the member';
const KIND_OFF = 'kind turned off';

/** Whether a resolved nudge was a Stop these. */
export function wasStopped(nudge: Nudge): boolean {
  return nudge.status === 'done' && nudge.lastError === STOPPED;
}

/** Undo: the nudges resolved at `resolvedAt` are open again (sent, or waiting when never sent). */
export async function reopenNudges(db: Db, member: Owner, ids: readonly string[], resolvedAt: Date) {
  const rows = await db.nudge.findMany({
    where: { id: { in: [...ids] }, ...ownedBy(member), status: 'done', resolvedAt },
  });
  for (const row of rows) {
    await db.nudge.updateMany({
      where: { id: row.id, ...ownedBy(member), status: 'done' },
      data: { status: row.sentAt ? 'sent' : 'pending', resolvedAt: null, lastError: null },
    });
  }
  return rows.length;
}

/** Undo of Stop these: the waiting nudges of that kind that it cancelled are waiting again. */
export async function reopenCancelledOfKind(db: Db, member: Owner, kind: string, resolvedAt: Date) {
  const result = await db.nudge.updateMany({
    where: { ...ownedBy(member), kind, status: 'cancelled', lastError: KIND_OFF, resolvedAt },
    data: { status: 'pending', resolvedAt: null, lastError: null },
  });
  return result.count;
}

/** Close the loop done: the conversation's loop is closed and the contact was in touch. */
export async function recordLoopClosed(db: Db, member: Owner, conversationId: string, now: Date) {
  const found = await db.conversation.findFirst({ where: { id: conversationId, ...ownerScope(member) } });
  if (!found) return false;
  await db.conversation.updateMany({
    where: { id: conversationId, ...ownerScope(member), loopClosedAt: null },
    data: { loopClosedAt: now },
  });
  await touchContact(db, member, found.contactId, now);
  return true;
}

/** The contact was in touch at `at` (never moves the last touch back). */
export async function touchContact(db: Db, member: Owner, contactId: string, at: Date) {
  const result = await db.contact.updateMany({
    where: {
      id: contactId,
      ...ownerScope(member),
      OR: [{ lastTouchAt: null }, { lastTouchAt: { lt: at } }],
    },
    data: { lastTouchAt: at },
  });
  return result.count === 1;
}

/** The last touch as the contact's conversations tell it (a chat, a thank-you, a closed loop). */
async function touchFromHistory(db: Db, member: Owner, contactId: string): Promise<Date | null> {
  const rows = await db.conversation.findMany({
    where: { contactId, ...ownerScope(member), cancelledAt: null },
    select: { heldAt: true, thankYouSentAt: true, loopClosedAt: true },
  });
  let latest: Date | null = null;
  for (const r of rows) {
    for (const d of [r.heldAt, r.thankYouSentAt, r.loopClosedAt]) {
      if (d && (!latest || d.getTime() > latest.getTime())) latest = d;
    }
  }
  return latest;
}

/** Undo of a touch made at `at`: the last touch goes back to what the history says. */
export async function untouchContact(db: Db, member: Owner, contactId: string, at: Date) {
  const row = await db.contact.findFirst({ where: { id: contactId, ...ownerScope(member) } });
  if (!row || row.lastTouchAt?.getTime() !== at.getTime()) return;
  await db.contact.updateMany({
    where: { id: contactId, ...ownerScope(member), lastTouchAt: at },
    data: { lastTouchAt: await touchFromHistory(db, member, contactId) },
  });
}

/** Undo of close the loop done at `at`. */
export async function undoLoopClosed(db: Db, member: Owner, conversationId: string, at: Date) {
  const found = await db.conversation.findFirst({ where: { id: conversationId, ...ownerScope(member) } });
  if (!found || found.loopClosedAt?.getTime() !== at.getTime()) return;
  await db.conversation.updateMany({
    where: { id: conversationId, ...ownerScope(member), loopClosedAt: at },
    data: { loopClosedAt: null },
  });
  await untouchContact(db, member, found.contactId, at);
}

/** Undo of a thank-you marked sent at `at`: not sent, the contact back at 'met'. */
export async function undoThankYouSent(db: Db, member: Owner, conversationId: string, at: Date) {
  const found = await db.conversation.findFirst({ where: { id: conversationId, ...ownerScope(member) } });
  if (!found || found.thankYouSentAt?.getTime() !== at.getTime()) return;
  await db.conversation.updateMany({
    where: { id: conversationId, ...ownerScope(member), thankYouSentAt: at },
    data: { thankYouSentAt: null },
  });
  await db.contact.updateMany({
    where: { id: found.contactId, ...ownerScope(member), stage: 'thanked', stageAt: at },
    data: { stage: 'met', stageAt: found.heldAt ?? at },
  });
  await untouchContact(db, member, found.contactId, at);
}

/** Undo of a follow-up marked sent at `at`. */
export async function undoFollowedUp(db: Db, member: Owner, askId: string, at: Date) {
  await db.ask.updateMany({
    where: { id: askId, ...ownerScope(member), followedUpAt: at },
    data: { followedUpAt: null },
  });
}

/** A nudge shown on its own (from a folded message): its buttons now live in that message. */
export async function moveNudgeMessage(
  db: Db,
  member: Owner,
  id: string,
  message: { channelId: string; messageTs: string },
): Promise<boolean> {
  const result = await db.nudge.updateMany({
    where: { id, ...ownedBy(member), status: { in: ['sent', 'pending'] } },
    data: { channelId: message.channelId, messageTs: message.messageTs },
  });
  return result.count === 1;
}
