// A cohort's once-a-week posts (the channel's digest, a facilitator's note about quiet students, a kind
// nudge to one student), exactly once each, under a lease: the same pattern as the nudge outbox
// (src/store/nudges.ts), on one row per (cohort, kind, week, recipient).
//
// Status: sending (claimed, under a lease) → sent | skipped (nothing to send) | failed (stop trying this
// week); sending → pending (handed back to be tried again once `leaseUntil` has passed: a 429, a 5xx).
// A claim whose holder died is taken over once its lease has expired. Only the holder of the lease can
// renew it, mark the row sent, hand it back or end it; every change is one conditional statement, so
// two workers never both hold a row (Postgres re-checks the condition on the row it waited for; SQLite
// has one writer at a time).
import { randomUUID } from 'node:crypto';
import type { Cohort, CohortPost } from '../db/generated/sqlite/client';
import type { DbOrTx } from './tx';

export type { CohortPost };

export type CohortPostKind = 'digest' | 'stalled' | 'kind_nudge';
export type CohortPostStatus = 'sending' | 'pending' | 'sent' | 'skipped' | 'failed';

/** Which post: the cohort's (within its workspace), the kind, the ISO week and who it goes to ("" = the channel). */
export interface CohortPostKey {
  workspaceId: string;
  cohortId: string;
  kind: CohortPostKind;
  week: string;
  recipientId: string;
}

export interface Lease {
  owner: string;
  now: Date;
  leaseUntil: Date;
}

export type CohortPostClaim =
  | { claimed: true }
  | { claimed: false; status: CohortPostStatus; sentAt: Date | null; leaseUntil: Date | null };

function where(key: CohortPostKey) {
  return {
    workspaceId: key.workspaceId,
    cohortId: key.cohortId,
    kind: key.kind,
    week: key.week,
    recipientId: key.recipientId,
  };
}

function statusOf(value: string): CohortPostStatus {
  return (['sending', 'pending', 'sent', 'skipped', 'failed'] as const).find((s) => s === value) ?? 'failed';
}

/**
 * Claims the post for `lease.owner`: true for exactly one caller at a time, however many workers try at
 * once. The first claim inserts the row (INSERT … ON CONFLICT DO NOTHING on the unique key, alike on
 * SQLite and Postgres); later ones take over a row whose lease has run out (a sender that died, or one
 * handed back to be retried). Otherwise says what the row is at. The cohort must belong to the workspace.
 */
export async function claimCohortPost(
  db: DbOrTx,
  key: CohortPostKey,
  lease: Lease,
): Promise<CohortPostClaim> {
  const cohort = await db.cohort.findFirst({
    where: { id: key.cohortId, workspaceId: key.workspaceId },
    select: { id: true },
  });
  if (!cohort) return { claimed: false, status: 'failed', sentAt: null, leaseUntil: null };
  const inserted = await db.$executeRaw`
    INSERT INTO "CohortPost" ("id", "workspaceId", "cohortId", "kind", "week", "recipientId", "status",
                              "leaseOwner", "leaseUntil", "createdAt")
    VALUES (${randomUUID()}, ${key.workspaceId}, ${key.cohortId}, ${key.kind}, ${key.week}, ${key.recipientId},
            'sending', ${lease.owner}, ${lease.leaseUntil}, ${lease.now})
    ON CONFLICT ("cohortId", "kind", "week", "recipientId") DO NOTHING`;
  if (inserted === 1) return { claimed: true };
  const { count } = await db.cohortPost.updateMany({
    where: {
      ...where(key),
      status: { in: ['sending', 'pending'] },
      OR: [{ leaseUntil: null }, { leaseUntil: { lte: lease.now } }],
    },
    data: { status: 'sending', leaseOwner: lease.owner, leaseUntil: lease.leaseUntil },
  });
  if (count === 1) return { claimed: true };
  const row = await findCohortPost(db, key);
  return {
    claimed: false,
    status: statusOf(row?.status ?? 'failed'),
    sentAt: row?.sentAt ?? null,
    leaseUntil: row?.leaseUntil ?? null,
  };
}

export function findCohortPost(db: DbOrTx, key: CohortPostKey): Promise<CohortPost | null> {
  return db.cohortPost.findFirst({ where: where(key) });
}

/** The cohort's posts of one week (any kind, any recipient): what a sweep still has to do. */
export function cohortPostsOfWeek(
  db: DbOrTx,
  workspaceId: string,
  cohortId: string,
  week: string,
): Promise<CohortPost[]> {
  return db.cohortPost.findMany({ where: { workspaceId, cohortId, week } });
}

/**
 * Extends the lease right before the Slack call, and proves the row is still ours: false means another
 * worker took it over (our lease ran out), so we must not post.
 */
export async function renewCohortPost(
  db: DbOrTx,
  key: CohortPostKey,
  owner: string,
  leaseUntil: Date,
): Promise<boolean> {
  const { count } = await db.cohortPost.updateMany({
    where: { ...where(key), status: 'sending', leaseOwner: owner },
    data: { leaseUntil },
  });
  return count === 1;
}

/** Records the posted message and the status in one statement: a sent post always has its ts. */
export async function markCohortPostSent(
  db: DbOrTx,
  key: CohortPostKey,
  owner: string,
  sent: { channelId: string | null; messageTs: string | null; sentAt: Date },
): Promise<boolean> {
  const { count } = await db.cohortPost.updateMany({
    where: { ...where(key), status: 'sending', leaseOwner: owner },
    data: {
      status: 'sent',
      channelId: sent.channelId,
      messageTs: sent.messageTs,
      sentAt: sent.sentAt,
      leaseOwner: null,
      leaseUntil: null,
    },
  });
  return count === 1;
}

/** Hands a claimed post back, to be claimed again from `retryAt` on (a 429, a 5xx, a timeout). */
export async function releaseCohortPost(
  db: DbOrTx,
  key: CohortPostKey,
  owner: string,
  retryAt: Date,
): Promise<boolean> {
  const { count } = await db.cohortPost.updateMany({
    where: { ...where(key), status: 'sending', leaseOwner: owner },
    data: { status: 'pending', leaseOwner: null, leaseUntil: retryAt },
  });
  return count === 1;
}

/** Ends a claimed post for the week: nothing to send (skipped), or Slack refused it for good (failed). */
export async function finishCohortPost(
  db: DbOrTx,
  key: CohortPostKey,
  owner: string,
  status: 'skipped' | 'failed',
): Promise<boolean> {
  const { count } = await db.cohortPost.updateMany({
    where: { ...where(key), status: 'sending', leaseOwner: owner },
    data: { status, leaseOwner: null, leaseUntil: null },
  });
  return count === 1;
}

/** Cohorts whose workspace has the app installed: the ones a sweep may post for. */
export function cohortsOfInstalledWorkspaces(db: DbOrTx): Promise<Cohort[]> {
  return db.cohort.findMany({
    where: { workspace: { uninstalledAt: null } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
}
