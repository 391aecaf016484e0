// Delivery against a moved clock (no real waiting): the sweep keeps to its budget and hands the rest
// to the next tick; messages go out at Slack's pace (per DM channel, under an adaptive workspace
// rate), fairly across members and in order within a member.
import type { WebClient } from '@slack/web-api';
import { WebAPIRateLimitedError } from '@slack/web-api';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { createPacer, DEFAULT_PACE, workspacePace } from '../../src/nudges/pacing';
import { runSweep } from '../../src/nudges/sweep';
import { claimDueNudges, insertPlannedNudges } from '../../src/store/nudges';
import { useCleanup } from '../support/cleanup';
import { sqliteTestDatabase } from '../support/db';
import { HOUR, MINUTE } from '../support/fixtures';
import { memoryLog } from '../support/nudges';

const NOW = new Date('2026-03-11T14:00:00Z');

describe('a sweep and its budget, at Slack’s pace', () => {
  let database: Database;
  let sqliteUrl = '';
  let fakeNow = NOW.getTime();
  /** What each chat.postMessage took on the moved clock (a slow Slack). */
  let callMs = 0;
  /** Answer 429 (Retry-After seconds) to the next calls. */
  let rateLimited: number[] = [];
  /** Slack's workspace window, enforced as the stand-in does (sliding, Retry-After rounded up). */
  let window: { max: number; windowMs: number } | null = null;
  const posted: { channel: string; at: number; text: string }[] = [];
  /** Each 429 the fake answered: when, and when its Retry-After ended. */
  const refused: { at: number; ends: number }[] = [];
  const cleanup = useCleanup();

  const slack = {
    chat: {
      postMessage: async (args: { channel: string; text: string }) => {
        const retryAfter = rateLimited.shift();
        if (retryAfter !== undefined) throw new WebAPIRateLimitedError(retryAfter);
        if (window) {
          const max = window.max;
          const inWindow = posted.filter((p) => p.at > fakeNow - (window as { windowMs: number }).windowMs);
          if (inWindow.length >= max) {
            const wait = (inWindow[inWindow.length - max] as { at: number }).at + window.windowMs - fakeNow;
            const seconds = Math.max(1, Math.ceil(wait / 1000));
            refused.push({ at: fakeNow, ends: fakeNow + seconds * 1000 });
            throw new WebAPIRateLimitedError(seconds);
          }
        }
        posted.push({ channel: args.channel, at: fakeNow, text: args.text });
        fakeNow += callMs;
        return { ok: true, channel: args.channel, ts: `${posted.length}.000` };
      },
    },
    users: { info: async () => ({ ok: true, user: { tz: 'UTC' } }) },
  } as unknown as WebClient;

  const clock = () => new Date(fakeNow);
  const sleep = async (ms: number) => {
    fakeNow += ms;
  };

  /** Members U1…Un, each with `chats` conversations held 20 h ago (a thank-you each, due now). */
  async function seed(users: string[], chats = 1) {
    const db = database.db;
    await db.workspace.create({ data: { id: 'T1' } });
    for (const user of users) {
      const member = await db.member.create({
        data: { workspaceId: 'T1', slackUserId: user, dmChannelId: `D${user}`, slackTz: 'UTC' },
      });
      for (let i = 0; i < chats; i++) {
        const contact = await db.contact.create({
          data: {
            workspaceId: 'T1',
            ownerId: member.id,
            name: `Mentor ${user}-${i}`,
            nameKey: `mentor ${user}-${i}`,
            stage: 'met',
          },
        });
        await db.conversation.create({
          data: {
            workspaceId: 'T1',
            ownerId: member.id,
            contactId: contact.id,
            heldAt: new Date(NOW.getTime() - 20 * HOUR - i * 60_000),
            action: 'one thing',
            createdAt: NOW,
          },
        });
      }
    }
  }

  function sweep(deliver: Parameters<typeof runSweep>[0]['deliver']) {
    return runSweep({
      now: new Date(fakeNow),
      db: database.db,
      slack,
      log: memoryLog('error').log,
      deliver: { clock, sleep, ...deliver },
    });
  }

  beforeEach(async () => {
    posted.length = 0;
    refused.length = 0;
    fakeNow = NOW.getTime();
    callMs = 0;
    rateLimited = [];
    window = null;
    const file = sqliteTestDatabase();
    cleanup.add(() => file.drop());
    sqliteUrl = file.url;
    database = await openDatabase(file.url);
    const open = database;
    cleanup.add(() => open.close());
  });

  it('stops sending when its budget is near and hands the rest to the next tick, leases released', async () => {
    await seed(['U1', 'U2', 'U3', 'U4']);
    callMs = 1000; // a slow Slack: each call takes a second
    const first = await sweep({ pace: false, budgetMs: 2500, budgetMarginMs: 500 });
    expect(posted).toHaveLength(2);
    expect(first.sent).toHaveLength(2);
    expect(first.retrying.map((r) => r.error)).toEqual(['sweep budget reached', 'sweep budget reached']);
    const rows = await database.db.nudge.findMany({ where: { kind: 'thank_you' } });
    expect(rows.filter((r) => r.status === 'sending')).toHaveLength(0);
    const waiting = rows.filter((r) => r.status === 'pending');
    expect(waiting).toHaveLength(2);
    expect(waiting.every((r) => r.leaseOwner === null && r.attempts === 0)).toBe(true);
    expect(waiting.every((r) => r.dueAt.getTime() <= fakeNow)).toBe(true);

    const next = await sweep({ pace: false, budgetMs: 2500, budgetMarginMs: 500 });
    expect(next.sent).toHaveLength(2);
    expect(new Set(posted.map((p) => p.channel)).size).toBe(4);
  });

  it('never waits for a send slot past its budget', async () => {
    await seed(['U1', 'U2', 'U3']);
    const report = await sweep({ pace: { perWindow: 1 }, budgetMs: 1500, budgetMarginMs: 300 });
    // One a second: 0 s and 1 s fit before 1.2 s; the third would wait until 2 s.
    expect(posted.map((p) => p.at - NOW.getTime())).toEqual([0, 1000]);
    expect(report.retrying).toHaveLength(1);
    expect(await database.db.nudge.count({ where: { status: 'sending' } })).toBe(0);
  });

  /** Per window of a second from the first message: how many went out. */
  function perSecond(): number[] {
    const start = posted[0]!.at;
    const counts: number[] = [];
    for (const p of posted) {
      const i = Math.floor((p.at - start) / 1000);
      counts[i] = (counts[i] ?? 0) + 1;
    }
    return [...counts].map((c) => c ?? 0);
  }

  it('sends to many members at the workspace rate, not one a second', async () => {
    await seed(Array.from({ length: 12 }, (_, i) => `U${i + 1}`));
    const report = await sweep({});
    expect(report.sent).toHaveLength(12);
    expect(perSecond()).toEqual([10, 2]);
  });

  /** 429s for requests sent within a window of the previous Retry-After's end (or before it). */
  function repeated429s(windowMs: number): number {
    return refused.filter((r, i) => i > 0 && r.at <= (refused[i - 1] as { ends: number }).ends + windowMs)
      .length;
  }

  it('a 429: the sweep waits out Retry-After and sends the rest in the same sweep, at the rate it learnt', async () => {
    await seed(Array.from({ length: 40 }, (_, i) => `U${i + 1}`));
    window = { max: 10, windowMs: 2000 }; // 5 a second; the pace starts at 10
    const report = await sweep({});
    expect(report.sent).toHaveLength(40);
    expect(report.retrying).toEqual([]);
    expect(new Set(posted.map((p) => p.channel)).size).toBe(40);
    // The burst met the window once (10 in its first second); the rest went after the Retry-After's
    // end, evenly, under the window and no more than 10 % under it.
    expect(refused).toEqual([{ at: NOW.getTime() + 1000, ends: NOW.getTime() + 2000 }]);
    const afterBlock = posted.slice(10);
    expect(afterBlock[0]!.at).toBeGreaterThan(NOW.getTime() + 2000);
    const pace = await workspacePace(database.db, 'T1');
    expect(pace.lo).toBe(5);
    const span = (afterBlock[afterBlock.length - 1]!.at - afterBlock[0]!.at) / 1000;
    const rate = (afterBlock.length - 1) / span;
    expect(rate).toBeGreaterThanOrEqual(0.9 * 5);
    expect(rate).toBeLessThanOrEqual(5);
  });

  it('probes a window of several seconds towards its limit, a learnt window at a time', async () => {
    await seed(Array.from({ length: 80 }, (_, i) => `U${i + 1}`));
    window = { max: 10, windowMs: 5000 }; // 2 a second: about 45 s for them all
    const report = await sweep({ budgetMs: 120_000 });
    expect(report.sent).toHaveLength(80);
    expect(new Set(posted.map((p) => p.channel)).size).toBe(80);
    // The burst's 429 taught the window; each probe above the limit met a 429 a learnt window after
    // the last Retry-After's end at the earliest, never right after it.
    // (Here what passes is exactly the limit, so every probe above it fails: four halve the gap to 3 %.)
    expect(refused.length).toBeGreaterThanOrEqual(2);
    expect(refused.length).toBeLessThanOrEqual(5);
    expect(repeated429s(5000)).toBe(0);
    // Settled just under what passes (at most the limit), within 3 % of what fails.
    const pace = await workspacePace(database.db, 'T1');
    expect(pace.probing).toBe(false);
    expect(pace.lo).toBeLessThanOrEqual(2);
    expect((pace.hi as number) / (pace.lo as number)).toBeLessThanOrEqual(1.03);
    expect(pace.rate).toBeGreaterThanOrEqual(0.95 * 2);
  });

  it('a worker that finds another’s 429 block waits for its end and paces at the rate it learnt', async () => {
    await seed(Array.from({ length: 12 }, (_, i) => `U${i + 1}`));
    // The other worker sent 20 at 10 a second and met a 429 with Retry-After 3 s.
    const other = await openDatabase(sqliteUrl);
    cleanup.add(() => other.close());
    const pacer = createPacer(other.db, DEFAULT_PACE, clock, sleep);
    let slot = await pacer.acquire('T1');
    for (let i = 1; i < 20; i++) slot = await pacer.acquire('T1');
    if (!slot.ok) throw new Error('the other worker should have had its slots');
    const until = fakeNow + 3000;
    await pacer.rateLimited('T1', slot, new Date(until));
    const learnt = await workspacePace(database.db, 'T1');
    expect(learnt.rate).toBeLessThan(5);

    const report = await sweep({});
    expect(report.sent).toHaveLength(12);
    expect(posted[0]!.at).toBeGreaterThanOrEqual(until);
    const gaps = posted.slice(1).map((p, i) => p.at - posted[i]!.at);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1000 / learnt.rate);
  });

  it('one message a second to a member’s DM, even when another sweeper sent the last one', async () => {
    await seed(['U1', 'U2']);
    await sweep({});
    expect(posted).toHaveLength(2);
    // A new chat of U1's, held long enough ago to be due now, planned by a sweep 200 ms later.
    const u1 = await database.db.member.findFirstOrThrow({ where: { slackUserId: 'U1' } });
    const contact = await database.db.contact.create({
      data: { workspaceId: 'T1', ownerId: u1.id, name: 'Mentor New', nameKey: 'mentor new', stage: 'met' },
    });
    await database.db.conversation.create({
      data: {
        workspaceId: 'T1',
        ownerId: u1.id,
        contactId: contact.id,
        heldAt: new Date(NOW.getTime() - 21 * HOUR),
        action: 'one thing',
        createdAt: NOW,
      },
    });
    fakeNow += 200;
    const next = await sweep({});
    expect(next.sent).toHaveLength(1);
    expect(posted[2]!.channel).toBe('DU1');
    expect(posted[2]!.at - posted[0]!.at).toBeGreaterThanOrEqual(1000);
  });

  it('claims fairly: each member’s oldest due message before anyone’s second, in order within a member', async () => {
    const db = database.db;
    await db.workspace.create({ data: { id: 'T1' } });
    const [a, b, c] = await Promise.all(
      ['UA', 'UB', 'UC'].map((u) => db.member.create({ data: { workspaceId: 'T1', slackUserId: u } })),
    );
    const ago = (min: number) => new Date(NOW.getTime() - min * MINUTE);
    // A's backlog an hour old: two thank-yous (one folded message), a follow-up, a keep-in-touch.
    await insertPlannedNudges(
      db,
      a!,
      [
        { kind: 'thank_you', subjectId: 't0', dedupeKey: 'thank_you:t0:t0', dueAt: ago(60) },
        { kind: 'thank_you', subjectId: 't1', dedupeKey: 'thank_you:t1:t1', dueAt: ago(59) },
        { kind: 'follow_up', subjectId: 'f0', dedupeKey: 'follow_up:f0:f0', dueAt: ago(58) },
        { kind: 'keep_in_touch', subjectId: 'k0', dedupeKey: 'keep_in_touch:k0:k0', dueAt: ago(57) },
      ],
      NOW,
    );
    for (const [m, min] of [
      [b!, 2],
      [c!, 1],
    ] as const) {
      await insertPlannedNudges(
        db,
        m,
        [{ kind: 'thank_you', subjectId: 't0', dedupeKey: 'thank_you:t0:t0', dueAt: ago(min) }],
        NOW,
      );
    }
    const name = (id: string) => (id === a!.id ? 'a' : id === b!.id ? 'b' : 'c');
    const claim = (limit: number) =>
      claimDueNudges(db, { now: NOW, owner: 'w', leaseUntil: new Date(NOW.getTime() + MINUTE), limit });
    const first = await claim(4);
    expect(first.map((n) => `${name(n.memberId)}:${n.subjectId}`).sort()).toEqual([
      'a:t0',
      'a:t1',
      'b:t0',
      'c:t0',
    ]);
    const rest = await claim(1);
    expect(rest.map((n) => n.subjectId)).toEqual(['f0']);
    // Another sweeper finds A busy with this one and leaves A alone.
    expect(
      await claimDueNudges(db, {
        now: NOW,
        owner: 'x',
        leaseUntil: new Date(NOW.getTime() + MINUTE),
        limit: 10,
      }),
    ).toEqual([]);
    expect((await claim(10)).map((n) => n.subjectId)).toEqual(['k0']);
  });
});
