// Two and four workers on one Postgres database (each its own database client and Slack client, as
// separate `coach worker` processes have), sweeping back to back over the same due nudges while the
// Slack stand-in enforces Slack's limits on chat.postMessage: one message a second per channel (each
// member's DM is one) and a workspace window. Every nudge goes out exactly once, no channel is ever
// tried twice within its second, and the workers share the workspace's pace through the database:
// they start generous, and the 429s they meet are the few in flight when the window fills while the
// shared rate settles (at most two per worker), not one per worker per window.
import { describe, expect, it, onTestFinished } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { createDeliveryClient } from '../../src/nudges/slack';
import { runSweep } from '../../src/nudges/sweep';
import { createSlackStandIn, type RecordedCall } from '../../src/sandbox';
import { POSTGRES_URL, postgresTestDatabase } from '../support/db';
import { NOW, openFresh, seedDueNudges, summary, TEAM, tally, teamUsers } from '../support/delivery-faults';
import { memoryLog } from '../support/nudges';

const MEMBERS = 12;
/** Slack's limits as the stand-in enforces them: 1 a second per channel, 10 per 2 s per workspace. */
const PER_CHANNEL = { max: 1, windowMs: 1000 };
const PER_WORKSPACE = { max: 10, windowMs: 2000 };
/** Longest the workers may take (the messages need about 5 s at the allowed rate). */
const DEADLINE_MS = 90_000;

/** The most calls in any sliding window of `windowMs` among these times (sorted). */
function mostInWindow(times: number[], windowMs: number): number {
  let most = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while ((times[i] as number) - (times[j] as number) >= windowMs) j++;
    most = Math.max(most, i - j + 1);
  }
  return most;
}

describe.runIf(POSTGRES_URL)('several workers on one Postgres database', () => {
  it.each([2, 4])('%i workers: every nudge once, the pace shared', { timeout: 150_000 }, async (workers) => {
    const users = teamUsers(MEMBERS, 'WORK');
    const standIn = createSlackStandIn({ teams: [TEAM], users });
    onTestFinished(() => standIn.close());
    const { apiUrl } = await standIn.listen(0);
    const { test, database } = await openFresh(postgresTestDatabase);
    // Two messages per member (a thank-you and a follow-up): the channel's pace matters.
    await seedDueNudges(database.db, users, { followUp: true });
    const clients: Database[] = [database];
    for (let i = 1; i < workers; i++) {
      const client = await openDatabase(test.url, { migrate: false, poolSize: 4 });
      onTestFinished(() => client.close());
      clients.push(client);
    }
    standIn.faults.set('chat.postMessage', {
      kind: 'limit',
      perChannel: PER_CHANNEL,
      perWorkspace: PER_WORKSPACE,
    });

    const { log } = memoryLog('silent');
    const started = performance.now();
    // One clock for every worker, as the machines' clocks of separate processes agree.
    const now = () => new Date(NOW.getTime() + (performance.now() - started));
    const open = () => database.db.nudge.count({ where: { status: { in: ['pending', 'sending'] } } });
    let sweeps = 0;
    const worker = async (client: Database) => {
      const slack = createDeliveryClient({ token: TEAM.botToken, slackApiUrl: apiUrl, log });
      for (;;) {
        const report = await runSweep({ now: now(), db: client.db, slack, log, plan: { all: true } });
        sweeps += 1;
        const planned = await database.db.nudge.count();
        if (planned > 0 && (await open()) === 0) return;
        if (performance.now() - started > DEADLINE_MS) throw new Error('the workers ran out of time');
        // Nothing this worker could send now: it comes back a moment later, as the next tick would.
        if (report.sent.length === 0) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };
    await Promise.all(clients.map(worker));
    const elapsed = (performance.now() - started) / 1000;
    standIn.faults.clear();

    const t = await tally(database.db, standIn, users);
    expect(t).toMatchObject({ due: 2 * MEMBERS, sent: 2 * MEMBERS, lost: 0, open: 0 });
    expect(t.duplicates).toBe(0);
    expect(t.misrecorded).toBe(0);

    const posts = standIn.callsTo('chat.postMessage');
    const accepted = posts.filter((c) => c.status === 200 && c.response?.ok === true);
    const limited = posts.filter((c) => c.status === 429);
    expect(accepted).toHaveLength(2 * MEMBERS);
    // Per channel: never two attempts within its second (a 429 for the channel would show it).
    const byChannel = new Map<string, RecordedCall[]>();
    for (const call of posts) {
      const channel = String(call.args.channel);
      byChannel.set(channel, [...(byChannel.get(channel) ?? []), call]);
    }
    let channelMost = 0;
    for (const calls of byChannel.values()) {
      channelMost = Math.max(
        channelMost,
        mostInWindow(
          calls.map((c) => c.at).sort((a, b) => a - b),
          PER_CHANNEL.windowMs,
        ),
      );
    }
    expect(channelMost).toBe(1);
    // The workspace: accepted messages within its window (the stand-in refuses the rest), and the
    // 429s the workers met few (the requests in flight when the window filled, once or twice while
    // the shared rate settles): each learns the window from the block in the database, not from 429s
    // of its own.
    const times = accepted.map((c) => c.at).sort((a, b) => a - b);
    const workspaceMost = mostInWindow(times, PER_WORKSPACE.windowMs);
    expect(workspaceMost).toBeLessThanOrEqual(PER_WORKSPACE.max);
    expect(limited.length).toBeLessThanOrEqual(2 * workers);
    const first = times[0] as number;
    const last = times[times.length - 1] as number;
    const allowed = PER_WORKSPACE.max / (PER_WORKSPACE.windowMs / 1000);
    const afterBurst = times.filter((at) => at >= first + PER_WORKSPACE.windowMs).length;
    const span = (last - first - PER_WORKSPACE.windowMs) / 1000;
    const rate = span > 0 ? afterBurst / span : 0;
    summary(`${workers} workers on one Postgres database`, {
      'nudges due': t.due,
      sent: t.sent,
      duplicates: t.duplicates,
      lost: t.lost,
      sweeps,
      '429s': limited.length,
      'most per channel in 1 s': channelMost,
      [`most per workspace in ${PER_WORKSPACE.windowMs / 1000} s`]: `${workspaceMost} of ${PER_WORKSPACE.max}`,
      'rate after the first window': `${rate.toFixed(2)}/s of ${allowed}/s`,
      seconds: elapsed.toFixed(1),
    });
  });
});
