// Delivery under failure, against the Slack stand-in's injected faults: 429 with Retry-After, 5xx,
// a hanging request, a revoked token, a permanent user error, a sender killed between claim and send,
// and a nudge that keeps failing until it gives up. Every sweep is a plain function call at a
// TestClock time; nothing waits on timers to synchronise.
import { describe, expect, it } from 'vitest';
import type { RecordedCall } from '../../src/sandbox';
import { logConversation } from '../../src/services/log';
import { claimDueNudges } from '../../src/store/nudges';
import { ALICE, BOB, HOUR, MINUTE, TEAM } from '../support/fixtures';
import { useHarness } from '../support/harness';
import { chatLog, deliveryClient, memoryLog, sweepAt } from '../support/nudges';
import { nudgeIdOf, nudgePosts } from '../support/slack-play';

// Tuesday 10 March 2026, 10:00 in New York. A chat logged then is due for its thank-you by the next morning.
const LOGGED = new Date('2026-03-10T14:00:00Z');
const T = new Date(LOGGED.getTime() + 23 * HOUR); // Wed 09:00 in New York: the first working moment
const later = (ms: number) => new Date(T.getTime() + ms);

describe('nudge delivery under Slack failures', () => {
  // A fresh app, stand-in and database for every test: no fault or lease outlives its test.
  const h = useHarness({ start: LOGGED });
  const quiet = memoryLog('error');

  async function logChat(userId: string, person: string) {
    const result = await logConversation(
      h.db,
      { workspaceId: TEAM.id, userId },
      chatLog({ person, date: '2026-03-10', action: 'rewrite my resume summary' }),
      LOGGED,
    );
    if (!result.ok) throw new Error('logging failed');
    // Give the member a known zone so planning makes no users.info calls of its own.
    await h.db.member.updateMany({ where: { slackUserId: userId }, data: { slackTz: 'America/New_York' } });
    return result.summary.card.conversationId;
  }

  function sweep(when: Date) {
    return sweepAt(h, when, {
      // A short timeout, so a hanging request gives up quickly.
      slack: deliveryClient(h, 300),
      log: quiet.log,
      // Several sends per second are fine here; the workspace-wide blocks (429, token) still apply.
      deliver: { pace: { perWindow: 10 } },
    });
  }

  function posts(): RecordedCall[] {
    return nudgePosts(h);
  }

  function delivered(): RecordedCall[] {
    return posts().filter((c) => c.response?.ok === true);
  }

  async function thankYouRow(conversationId: string) {
    return h.db.nudge.findFirstOrThrow({ where: { kind: 'thank_you', subjectId: conversationId } });
  }

  it('429: waits out Retry-After for the whole workspace, then sends once', async () => {
    const alice = await logChat(ALICE.id, 'Jane Doe');
    h.standIn.faults.set('chat.postMessage', { kind: 'ratelimit', retryAfter: 30, times: 1 });
    const first = await sweep(T);
    expect(first.retrying).toHaveLength(1);
    expect(posts().map((c) => c.status)).toEqual([429]);
    const waiting = await thankYouRow(alice);
    expect(waiting.status).toBe('pending');
    expect(waiting.dueAt.getTime()).toBeGreaterThanOrEqual(later(30_000).getTime());

    // Bob's thank-you becomes due meanwhile: the workspace is still inside Retry-After, so it waits too.
    const bob = await logChat(BOB.id, 'Ana Diaz');
    await sweep(later(10_000));
    expect(posts()).toHaveLength(1);
    expect((await thankYouRow(bob)).status).toBe('pending');

    await sweep(later(31_000));
    expect(delivered()).toHaveLength(2);
    expect(new Set(delivered().map(nudgeIdOf))).toEqual(new Set([waiting.id, (await thankYouRow(bob)).id]));
    await sweep(later(32_000));
    expect(delivered()).toHaveLength(2);
    expect((await thankYouRow(alice)).status).toBe('sent');
  });

  it('5xx: backs off (the due time moves) and sends once later', async () => {
    const alice = await logChat(ALICE.id, 'Jane Doe');
    h.standIn.faults.set('chat.postMessage', { kind: 'error', status: 503, times: 1 });
    const first = await sweep(T);
    expect(first.retrying.map((r) => r.error)).toEqual(['HTTP 503']);
    const row = await thankYouRow(alice);
    expect(row).toMatchObject({ status: 'pending', attempts: 1, lastError: 'HTTP 503' });
    expect(row.dueAt.getTime()).toBeGreaterThanOrEqual(later(MINUTE).getTime());
    await sweep(later(30_000));
    expect(posts()).toHaveLength(1);
    await sweep(later(MINUTE + 5_000));
    expect(delivered()).toHaveLength(1);
    expect((await thankYouRow(alice)).status).toBe('sent');
  });

  it('a hanging request times out and is retried later, once', async () => {
    const alice = await logChat(ALICE.id, 'Jane Doe');
    h.standIn.faults.set('chat.postMessage', { kind: 'hang', times: 1 });
    const first = await sweep(T);
    expect(first.retrying).toHaveLength(1);
    expect(first.retrying[0]?.error).toMatch(/^request error/);
    expect((await thankYouRow(alice)).status).toBe('pending');
    await sweep(later(MINUTE + 5_000));
    expect(delivered()).toHaveLength(1);
    const dm = h.standIn.dmChannelFor(TEAM.id, ALICE.id);
    expect(h.standIn.messages(dm).filter((m) => m.text.includes('Thank Jane Doe'))).toHaveLength(1);
  });

  it('a revoked token fails the nudge at once, stops the workspace’s batch, and is never retried', async () => {
    const alice = await logChat(ALICE.id, 'Jane Doe');
    const bob = await logChat(BOB.id, 'Ana Diaz');
    h.standIn.revokeToken(TEAM.botToken, 'token_revoked');
    const first = await sweep(T);
    expect(posts()).toHaveLength(1); // the second send in the workspace was not attempted
    expect(first.failed.map((f) => f.error)).toEqual(['token_revoked']);
    expect(first.stoppedWorkspaces.map((s) => s.workspaceId)).toEqual([TEAM.id]);
    const failedId = first.failed[0]!.nudgeId;
    const failedRow = await h.db.nudge.findUniqueOrThrow({ where: { id: failedId } });
    expect(failedRow).toMatchObject({ status: 'failed', attempts: 1, lastError: 'token_revoked' });
    const other = [await thankYouRow(alice), await thankYouRow(bob)].find((r) => r.id !== failedId)!;
    expect(other).toMatchObject({ status: 'pending', attempts: 0 });

    await sweep(later(10 * MINUTE)); // the workspace is paused after a token error
    expect(posts()).toHaveLength(1);
    await sweep(later(2 * HOUR));
    expect(posts().filter((c) => nudgeIdOf(c) === failedId)).toHaveLength(1);
  });

  it('a permanent user error fails that nudge only; the rest of the workspace is still sent', async () => {
    await logChat(ALICE.id, 'Jane Doe');
    await logChat(BOB.id, 'Ana Diaz');
    h.standIn.faults.set('chat.postMessage', { kind: 'slack_error', error: 'user_not_found', times: 1 });
    const first = await sweep(T);
    expect(first.failed.map((f) => f.error)).toEqual(['user_not_found']);
    expect(first.sent).toHaveLength(1);
    await sweep(later(2 * HOUR));
    expect(posts().filter((c) => nudgeIdOf(c) === first.failed[0]!.nudgeId)).toHaveLength(1);
  });

  it('a sender killed between claim and send: the lease expires and the next sweep sends it once', async () => {
    const alice = await logChat(ALICE.id, 'Jane Doe');
    await sweep(new Date(LOGGED.getTime() + 30 * MINUTE)); // plans it (due later)
    const claimed = await claimDueNudges(h.db, {
      now: T,
      owner: 'worker-that-dies',
      leaseUntil: later(5 * MINUTE),
      limit: 10,
    });
    expect(claimed.map((n) => n.id)).toEqual([(await thankYouRow(alice)).id]);
    // …the process dies here. Another sweep before the lease expires leaves it alone.
    await sweep(later(MINUTE));
    expect(posts()).toHaveLength(0);
    await sweep(later(5 * MINUTE + 1_000));
    expect(delivered()).toHaveLength(1);
    await sweep(later(6 * MINUTE));
    expect(delivered()).toHaveLength(1);
    expect(await thankYouRow(alice)).toMatchObject({ status: 'sent', leaseOwner: null });
  });

  it('keeps retrying 5xx with backoff until the thank-you’s moment passes, then fails with the reason', async () => {
    const alice = await logChat(ALICE.id, 'Jane Doe');
    h.standIn.faults.set('chat.postMessage', { kind: 'error', status: 500 });
    await sweep(T);
    const conversation = await h.db.conversation.findUniqueOrThrow({ where: { id: alice } });
    const deadline = conversation.heldAt!.getTime() + 24 * HOUR;
    let row = await thankYouRow(alice);
    let sweeps = 1;
    while (row.status === 'pending') {
      expect(row.dueAt.getTime()).toBeLessThan(deadline);
      await sweep(row.dueAt);
      row = await thankYouRow(alice);
      sweeps++;
    }
    // More than the old fixed six, every one before the deadline, then failed with why.
    expect(sweeps).toBeGreaterThan(6);
    expect(posts()).toHaveLength(sweeps);
    expect(row).toMatchObject({ status: 'failed', lastError: 'HTTP 500; its moment passed' });
    h.standIn.faults.clear();
    await sweep(new Date(deadline + 2 * HOUR));
    expect(posts()).toHaveLength(sweeps);
    expect(delivered()).toHaveLength(0);
  });

  it('503 for an hour, then Slack recovers: the thank-you goes out once, after recovery, before its deadline', async () => {
    const alice = await logChat(ALICE.id, 'Jane Doe');
    const conversation = await h.db.conversation.findUniqueOrThrow({ where: { id: alice } });
    const deadline = conversation.heldAt!.getTime() + 24 * HOUR;
    await sweep(new Date(LOGGED.getTime() + 30 * MINUTE)); // plans it
    const first = (await thankYouRow(alice)).dueAt;
    const recovered = first.getTime() + HOUR;
    h.standIn.faults.set('chat.postMessage', { kind: 'error', status: 503 });
    let row = await thankYouRow(alice);
    while (row.status === 'pending') {
      const when = row.dueAt;
      if (when.getTime() >= recovered) h.standIn.faults.clear();
      await sweep(when);
      row = await thankYouRow(alice);
    }
    expect(row.status).toBe('sent');
    expect(delivered()).toHaveLength(1);
    expect(row.sentAt!.getTime()).toBeGreaterThanOrEqual(recovered);
    expect(row.sentAt!.getTime()).toBeLessThan(deadline);
    expect(posts().filter((c) => c.status === 503).length).toBeGreaterThanOrEqual(6);
    // Later sweeps send nothing more.
    await sweep(new Date(deadline));
    expect(delivered()).toHaveLength(1);
    const dm = h.standIn.dmChannelFor(TEAM.id, ALICE.id);
    expect(h.standIn.messages(dm).filter((m) => m.text.includes('Thank Jane Doe'))).toHaveLength(1);
  });
});
