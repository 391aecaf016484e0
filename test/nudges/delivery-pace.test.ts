// Delivery against a moved clock (no real waiting): the sweep keeps to its budget and hands the rest
// to the next tick; messages go out at Slack's pace (per DM channel, under an adaptive workspace
// rate), fairly across members and in order within a member.
import type { WebClient } from '@slack/web-api';
import { WebAPIRateLimitedError } from '@slack/web-api';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { runSweep } from '../../src/nudges/sweep';
import { useCleanup } from '../support/cleanup';
import { sqliteTestDatabase } from '../support/db';
import { HOUR } from '../support/fixtures';
import { memoryLog } from '../support/nudges';

const NOW = new Date('2026-03-11T14:00:00Z');

describe('a sweep and its budget, at Slack’s pace', () => {
  let database: Database;
  let fakeNow = NOW.getTime();
  /** What each chat.postMessage took on the moved clock (a slow Slack). */
  let callMs = 0;
  /** Answer 429 (Retry-After seconds) to the next calls. */
  let rateLimited: number[] = [];
  const posted: { channel: string; at: number; text: string }[] = [];
  const cleanup = useCleanup();

  const slack = {
    chat: {
      postMessage: async (args: { channel: string; text: string }) => {
        const retryAfter = rateLimited.shift();
        if (retryAfter !== undefined) throw new WebAPIRateLimitedError(retryAfter);
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
    fakeNow = NOW.getTime();
    callMs = 0;
    rateLimited = [];
    const file = sqliteTestDatabase();
    cleanup.add(() => file.drop());
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
});
