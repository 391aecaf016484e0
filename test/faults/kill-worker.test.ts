// `kill -9` of a `coach sweep` process mid-sweep, then a restart, on SQLite and Postgres, against the
// Slack stand-in in this process:
// - while chat.postMessage hangs (the message never reached Slack): the restart, once the killed
//   sweep's leases ran out, sends every due nudge once;
// - just after Slack accepted a message, before the sweep recorded it (the double-send window): once
//   with the answer held back by the stand-in (the kill surely lands in the window), then in trials
//   killed the moment the stand-in has answered. The restart finds those messages in the member's DM
//   (each nudge DM names its nudges in its metadata) and records them instead of sending them again.
// The window's length is measured on the restart's ordinary sends: from Slack's answer to the UPDATE
// that records the message.
import { describe, expect, it, onTestFinished } from 'vitest';
import { runPlan } from '../../src/nudges/plan';
import { createSlackStandIn, type StandInUser } from '../../src/sandbox';
import {
  deliveries,
  KINDS,
  NOW,
  openFresh,
  seedDueNudges,
  spawnSweep,
  summary,
  sweepToEnd,
  TEAM,
  tally,
  teamUsers,
} from '../support/delivery-faults';
import { MINUTE } from '../support/fixtures';
import { memoryLog } from '../support/nudges';

const SECOND = 1000;
/** Trials killed the moment Slack answered (besides the one with the answer held back). */
const TRIALS = 2;
/** Members whose nudges the restart sends as usual, to measure the window on. */
const ORDINARY = 3;
/** Sweeps take seconds to start a process; the kill waits for Slack to see the call. */
const CALL_WAIT_MS = 60_000;

async function startStandIn(users: StandInUser[]) {
  const standIn = createSlackStandIn({ teams: [TEAM], users });
  onTestFinished(() => standIn.close());
  const { apiUrl } = await standIn.listen(0);
  return { standIn, apiUrl };
}

describe.each(KINDS)('kill -9 of a sweep process on $kind', ({ kind, create }) => {
  it('while chat.postMessage hangs: the restart sends every due nudge once', {
    timeout: 120_000,
  }, async () => {
    const users = teamUsers(3, 'HANG');
    const { standIn, apiUrl } = await startStandIn(users);
    const { test, database } = await openFresh(create);
    const db = database.db;
    await seedDueNudges(db, users);

    standIn.faults.set('chat.postMessage', { kind: 'hang', times: 1 });
    const first = spawnSweep(test.url, apiUrl, NOW);
    await standIn.waitForCall('chat.postMessage', (c) => c.fault === 'hang', CALL_WAIT_MS);
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');

    // Killed holding its claims: nothing reached a DM, nothing is recorded as sent.
    const held = await db.nudge.findMany();
    expect(held).toHaveLength(users.length);
    expect(held.filter((n) => n.status === 'sent')).toEqual([]);
    expect(held.filter((n) => n.status === 'sending').length).toBeGreaterThan(0);
    expect(deliveries(standIn, users).size).toBe(0);
    standIn.faults.clear();

    // Once the killed sweep's leases (5 min) have run out, a new sweep takes them over.
    await sweepToEnd(test.url, apiUrl, new Date(NOW.getTime() + 6 * MINUTE));
    const t = await tally(db, standIn, users);
    expect(t).toMatchObject({ due: users.length, sent: users.length, duplicates: 0, lost: 0, open: 0 });
    expect(t.misrecorded).toBe(0);
    summary(`kill -9 while chat.postMessage hangs (${kind})`, {
      'nudges due': t.due,
      sent: t.sent,
      duplicates: t.duplicates,
      lost: t.lost,
    });
  });

  it('just after Slack accepted a message: no nudge twice after the restart; the window measured', {
    timeout: 180_000,
  }, async () => {
    const trialUsers = teamUsers(TRIALS + 1, 'KILL');
    const ordinary = teamUsers(ORDINARY, 'PLAIN');
    const users = [...trialUsers, ...ordinary];
    const { standIn, apiUrl } = await startStandIn(users);
    const { test, database } = await openFresh(create);
    const db = database.db;
    await seedDueNudges(db, users);
    await runPlan({ now: NOW, db, slack: () => undefined, log: memoryLog('silent').log }, { all: true });
    const members = await db.member.findMany({ select: { id: true, slackUserId: true } });
    const memberOf = (user: StandInUser) => members.find((m) => m.slackUserId === user.id)?.id as string;
    // One trial's nudge due at a time (20 s apart, all within one lease), the ordinary ones later.
    const trialAt = (i: number) => new Date(NOW.getTime() + (i + 1) * 20 * SECOND);
    for (const [i, user] of trialUsers.entries()) {
      await db.nudge.updateMany({ where: { memberId: memberOf(user) }, data: { dueAt: trialAt(i) } });
    }
    for (const user of ordinary) {
      await db.nudge.updateMany({
        where: { memberId: memberOf(user) },
        data: { dueAt: new Date(NOW.getTime() + 15 * MINUTE) },
      });
    }
    expect(await db.nudge.count()).toBe(users.length);

    let inWindow = 0;
    for (const [i, user] of trialUsers.entries()) {
      const nudge = await db.nudge.findFirstOrThrow({ where: { memberId: memberOf(user) } });
      // Trial 0: the stand-in posts the message and holds its answer back; the others get theirs.
      if (i === 0) standIn.faults.set('chat.postMessage', { kind: 'lost_answer', by: 'hang', times: 1 });
      const sweep = spawnSweep(test.url, apiUrl, new Date(trialAt(i).getTime() + 10 * SECOND));
      await standIn.waitForCall(
        'chat.postMessage',
        (c) => c.response?.ok === true && JSON.stringify(c.args.metadata ?? '').includes(nudge.id),
        CALL_WAIT_MS,
      );
      sweep.child.kill('SIGKILL');
      expect((await sweep.exited).signal).toBe('SIGKILL');
      standIn.faults.clear();
      // Slack has the message; the database does not know unless the sweep recorded it first.
      expect(deliveries(standIn, [user]).get(nudge.id)).toHaveLength(1);
      const after = await db.nudge.findUniqueOrThrow({ where: { id: nudge.id } });
      if (after.status === 'sending') inWindow += 1;
      else expect(after.status).toBe('sent');
    }
    // The held answer makes trial 0 land in the window for sure.
    expect(inWindow).toBeGreaterThanOrEqual(1);

    standIn.clearCalls();
    const restartAt = new Date(NOW.getTime() + 20 * MINUTE);
    await sweepToEnd(test.url, apiUrl, restartAt);
    const t = await tally(db, standIn, users);
    expect(t).toMatchObject({ due: users.length, sent: users.length, lost: 0, open: 0, misrecorded: 0 });
    expect(t.duplicates).toBe(0);
    // The restart looked in the DMs of the nudges left in the window, and sent none of them again.
    const looked = standIn.callsTo('conversations.history').length;
    expect(looked).toBe(inWindow);
    const trialIds = new Set(
      (await db.nudge.findMany({ where: { memberId: { in: trialUsers.map(memberOf) } } })).map((n) => n.id),
    );
    const resent = standIn
      .callsTo('chat.postMessage')
      .filter((c) => [...trialIds].some((id) => JSON.stringify(c.args.metadata ?? '').includes(id)));
    expect(resent).toEqual([]);

    // The window on the restart's ordinary sends: Slack's answer → the row recorded as sent.
    const windows: number[] = [];
    for (const user of ordinary) {
      const row = await db.nudge.findFirstOrThrow({ where: { memberId: memberOf(user) } });
      const call = standIn
        .callsTo('chat.postMessage')
        .find((c) => c.response?.ok === true && JSON.stringify(c.args.metadata ?? '').includes(row.id));
      expect(call).toBeDefined();
      windows.push(row.updatedAt.getTime() - (call?.at ?? 0));
    }
    expect(windows.every((w) => w >= 0 && w < 10 * SECOND)).toBe(true);
    windows.sort((a, b) => a - b);
    summary(`kill -9 just after Slack accepted (${kind})`, {
      'kill trials': trialUsers.length,
      'kills inside the window': inWindow,
      'DM checks on restart': looked,
      duplicates: t.duplicates,
      lost: t.lost,
      'nudges sent': t.sent,
      'window ms (median/max)': `${windows[Math.floor(windows.length / 2)]}/${windows[windows.length - 1]}`,
    });
  });
});
