// The outbox store on every database kind: idempotent planning inserts, claims under a lease,
// reclaiming expired leases, recording sends only by the lease holder, and the shared pacing row.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import {
  blockWorkspaceSends,
  cancelPendingNudges,
  claimDueNudges,
  dialectOf,
  finishClaimedNudge,
  insertPlannedNudges,
  markNudgeSent,
  parseDedupeKey,
  postponePendingNudge,
  readSendPace,
  releaseNudge,
  renewLease,
  writeSendPace,
} from '../../src/store/nudges';
import { useCleanup } from '../support/cleanup';
import { DATABASE_KINDS, type TestDatabase } from '../support/db';
import { MINUTE } from '../support/fixtures';

const NOW = new Date('2026-03-10T14:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

describe.each(DATABASE_KINDS)('nudge store on $kind', ({ kind, create }) => {
  let testDb: TestDatabase;
  let database: Database;
  let member: { id: string; workspaceId: string };

  const cleanup = useCleanup('all');

  beforeAll(async () => {
    testDb = await create();
    cleanup.add(() => testDb.drop());
    database = await openDatabase(testDb.url, { poolSize: 4 });
    cleanup.add(() => database.close());
  });
  beforeEach(async () => {
    const db = database.db;
    await db.nudge.deleteMany();
    await db.member.deleteMany();
    await db.workspace.deleteMany();
    await db.workspace.create({ data: { id: 'T1' } });
    member = await db.member.create({ data: { workspaceId: 'T1', slackUserId: 'U1' } });
  });

  async function seed(n: number, dueAt: (i: number) => Date) {
    return insertPlannedNudges(
      database.db,
      member,
      Array.from({ length: n }, (_, i) => ({
        kind: 'thank_you' as const,
        subjectId: `c${i}`,
        dedupeKey: `thank_you:c${i}:c${i}`,
        dueAt: dueAt(i),
      })),
      NOW,
    );
  }

  it('knows its dialect', () => {
    expect(dialectOf(database.db)).toBe(kind);
  });

  it('inserts planned nudges once, however often it is planned', async () => {
    expect(await seed(3, () => NOW)).toBe(3);
    expect(await seed(3, () => at(MINUTE))).toBe(0);
    expect(await seed(4, () => NOW)).toBe(1);
    const rows = await database.db.nudge.findMany({ orderBy: { dedupeKey: 'asc' } });
    expect(rows).toHaveLength(4);
    expect(rows[0]!.dedupeKey).toBe(`${member.id}:thank_you:c0:c0`);
    expect(parseDedupeKey(rows[0]!.dedupeKey)).toEqual({
      memberId: member.id,
      kind: 'thank_you',
      subject: 'c0',
      occurrence: 'c0',
    });
    // Two planners racing: still one row per key.
    const results = await Promise.all([seed(6, () => NOW), seed(6, () => NOW)]);
    expect(results[0]! + results[1]!).toBe(2);
    expect(await database.db.nudge.count()).toBe(6);
  });

  it('claims only due, pending nudges, oldest first, up to the limit, under a lease', async () => {
    await seed(5, (i) => at((i - 3) * MINUTE)); // due at -3, -2, -1, 0 min; the last one at +1 min
    const first = await claimDueNudges(database.db, {
      now: NOW,
      owner: 'a',
      leaseUntil: at(5 * MINUTE),
      limit: 3,
    });
    expect(first.map((n) => n.subjectId)).toEqual(['c0', 'c1', 'c2']);
    expect(first.every((n) => n.status === 'sending' && n.leaseOwner === 'a' && n.attempts === 1)).toBe(true);
    // One sender per member at a time (its order and its DM channel's pace): 'b' waits while 'a' sends.
    expect(
      await claimDueNudges(database.db, { now: NOW, owner: 'b', leaseUntil: at(5 * MINUTE), limit: 10 }),
    ).toEqual([]);
    for (const n of first) {
      await markNudgeSent(database.db, n.id, 'a', { channelId: 'D1', messageTs: '1.1', sentAt: NOW });
    }
    const second = await claimDueNudges(database.db, {
      now: NOW,
      owner: 'b',
      leaseUntil: at(5 * MINUTE),
      limit: 10,
    });
    expect(second.map((n) => n.subjectId)).toEqual(['c3']);
    expect(
      await claimDueNudges(database.db, { now: NOW, owner: 'c', leaseUntil: at(5 * MINUTE), limit: 10 }),
    ).toEqual([]);
  });

  it('reclaims a nudge whose lease expired; the old holder can then neither renew nor record it', async () => {
    await seed(1, () => NOW);
    const [claimed] = await claimDueNudges(database.db, {
      now: NOW,
      owner: 'dead',
      leaseUntil: at(5 * MINUTE),
      limit: 1,
    });
    expect(claimed).toBeDefined();
    expect(
      await claimDueNudges(database.db, {
        now: at(4 * MINUTE),
        owner: 'b',
        leaseUntil: at(9 * MINUTE),
        limit: 1,
      }),
    ).toEqual([]);
    const [again] = await claimDueNudges(database.db, {
      now: at(5 * MINUTE),
      owner: 'b',
      leaseUntil: at(10 * MINUTE),
      limit: 1,
    });
    expect(again).toMatchObject({ id: claimed!.id, leaseOwner: 'b', attempts: 2 });
    expect(await renewLease(database.db, claimed!.id, 'dead', at(20 * MINUTE))).toBe(false);
    expect(
      await markNudgeSent(database.db, claimed!.id, 'dead', {
        channelId: 'D1',
        messageTs: '1.1',
        sentAt: NOW,
      }),
    ).toBe(false);
    expect(await renewLease(database.db, claimed!.id, 'b', at(11 * MINUTE))).toBe(true);
    expect(
      await markNudgeSent(database.db, claimed!.id, 'b', {
        channelId: 'D1',
        messageTs: '1.2',
        sentAt: at(6 * MINUTE),
      }),
    ).toBe(true);
    expect(await database.db.nudge.findUniqueOrThrow({ where: { id: claimed!.id } })).toMatchObject({
      status: 'sent',
      channelId: 'D1',
      messageTs: '1.2',
      leaseOwner: null,
      leaseUntil: null,
    });
    // Sent nudges are never claimed again.
    expect(
      await claimDueNudges(database.db, {
        now: at(60 * MINUTE),
        owner: 'c',
        leaseUntil: at(65 * MINUTE),
        limit: 5,
      }),
    ).toEqual([]);
  });

  it('releases a claim for later (with or without counting the attempt) and finishes it as failed or cancelled', async () => {
    await seed(3, () => NOW);
    const claimed = await claimDueNudges(database.db, {
      now: NOW,
      owner: 'a',
      leaseUntil: at(5 * MINUTE),
      limit: 3,
    });
    const [one, two, three] = claimed.map((n) => n.id);
    expect(
      await releaseNudge(database.db, one!, 'a', {
        dueAt: at(MINUTE),
        countAttempt: true,
        lastError: 'HTTP 500',
      }),
    ).toBe(true);
    expect(await releaseNudge(database.db, two!, 'a', { dueAt: at(MINUTE), countAttempt: false })).toBe(true);
    expect(
      await releaseNudge(database.db, three!, 'someone-else', { dueAt: at(MINUTE), countAttempt: false }),
    ).toBe(false);
    expect(await finishClaimedNudge(database.db, three!, 'a', 'failed', 'user_not_found', NOW)).toBe(true);
    const rows = await database.db.nudge.findMany({ where: { id: { in: [one!, two!, three!] } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(one!)).toMatchObject({
      status: 'pending',
      attempts: 1,
      lastError: 'HTTP 500',
      leaseOwner: null,
    });
    expect(byId.get(two!)).toMatchObject({ status: 'pending', attempts: 0 });
    expect(byId.get(three!)).toMatchObject({ status: 'failed', lastError: 'user_not_found' });
    expect(
      await claimDueNudges(database.db, { now: NOW, owner: 'a', leaseUntil: at(5 * MINUTE), limit: 3 }),
    ).toEqual([]);
    expect(
      (
        await claimDueNudges(database.db, {
          now: at(MINUTE),
          owner: 'a',
          leaseUntil: at(5 * MINUTE),
          limit: 3,
        })
      ).length,
    ).toBe(2);
  });

  it('cancels and postpones only pending nudges, and never pulls one earlier', async () => {
    await seed(2, () => at(10 * MINUTE));
    const rows = await database.db.nudge.findMany({ orderBy: { dedupeKey: 'asc' } });
    expect(await postponePendingNudge(database.db, rows[0]!.id, at(5 * MINUTE))).toBe(false);
    expect(await postponePendingNudge(database.db, rows[0]!.id, at(20 * MINUTE))).toBe(true);
    expect(await cancelPendingNudges(database.db, [rows[1]!.id], 'no longer warranted', NOW)).toBe(1);
    expect(await cancelPendingNudges(database.db, [rows[1]!.id], 'again', NOW)).toBe(0);
    expect((await database.db.nudge.findUniqueOrThrow({ where: { id: rows[1]!.id } })).status).toBe(
      'cancelled',
    );
  });

  it('shares the workspace’s pacing row by compare and set, and honours a recorded block', async () => {
    const seen = await readSendPace(database.db, 'T1');
    expect(seen).toEqual({ streamFrom: null, streamCount: 0, nextAt: null, pace: null });
    const taken = { streamFrom: NOW, streamCount: 1, nextAt: at(200), pace: '{"rate":5,"probing":false}' };
    expect(await writeSendPace(database.db, 'T1', seen!, taken)).toBe(true);
    // A second worker that read the same row before loses the race and must read again.
    expect(await writeSendPace(database.db, 'T1', seen!, { ...taken, nextAt: at(100) })).toBe(false);
    expect(await readSendPace(database.db, 'T1')).toEqual(taken);
    // A revoked token's pause: no slot before it, and a shorter one never shortens it.
    await blockWorkspaceSends(database.db, 'T1', at(30_000));
    await blockWorkspaceSends(database.db, 'T1', at(5_000));
    expect((await readSendPace(database.db, 'T1'))?.nextAt?.getTime()).toBe(at(30_000).getTime());
    expect(await readSendPace(database.db, 'T-none')).toBeNull();
  });

  it('claims disjoint sets when several claim at once', async () => {
    // 60 due nudges of 12 members (one sender per member at a time).
    for (let m = 0; m < 12; m++) {
      const other = await database.db.member.create({
        data: { workspaceId: 'T1', slackUserId: `U${m + 10}` },
      });
      await insertPlannedNudges(
        database.db,
        other,
        Array.from({ length: 5 }, (_, i) => ({
          kind: 'thank_you' as const,
          subjectId: `c${i}`,
          dedupeKey: `thank_you:c${i}:c${i}`,
          dueAt: NOW,
        })),
        NOW,
      );
    }
    const claims = await Promise.all(
      ['a', 'b', 'c', 'd'].map((owner) =>
        claimDueNudges(database.db, { now: NOW, owner, leaseUntil: at(5 * MINUTE), limit: 20 }),
      ),
    );
    const ids = claims.flat().map((n) => n.id);
    expect(new Set(ids).size).toBe(ids.length);
    // No member is claimed by two sweepers at once.
    const owners = new Map<string, Set<string>>();
    for (const n of claims.flat())
      owners.set(n.memberId, (owners.get(n.memberId) ?? new Set()).add(n.leaseOwner!));
    expect([...owners.values()].every((o) => o.size === 1)).toBe(true);
    // What was left (members another sweeper held) is claimed once they are free.
    for (const n of claims.flat()) {
      await markNudgeSent(database.db, n.id, n.leaseOwner!, {
        channelId: 'D1',
        messageTs: '1.1',
        sentAt: NOW,
      });
    }
    let total = ids.length;
    for (let round = 0; round < 10 && total < 60; round++) {
      const more = await claimDueNudges(database.db, {
        now: NOW,
        owner: 'e',
        leaseUntil: at(5 * MINUTE),
        limit: 60,
      });
      for (const n of more) {
        await markNudgeSent(database.db, n.id, 'e', { channelId: 'D1', messageTs: '1.1', sentAt: NOW });
      }
      total += more.length;
    }
    expect(total).toBe(60);
  });
});
