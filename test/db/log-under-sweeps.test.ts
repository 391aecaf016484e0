// The whole app over signed HTTP on one SQLite file, while two `coach sweep` processes write the same
// file again and again: 50 members submit the log modal at once, round after round. Every submission
// is answered 200 and stored exactly once, and neither the app nor a sweep ever reports SQLITE_BUSY.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandInUser } from '../../src/sandbox';
import { fillView, type ViewLike } from '../../src/sandbox/slack-driver';
import { sqliteTestDatabase, type TestDatabase } from '../support/db';
import { type Harness, SIGNING_SECRET, startHarness, TEAM, TestClock } from '../support/harness';
import { openModal } from '../support/slack-play';

const run = promisify(execFile);
const MEMBERS = 50;
/** Rounds of 50 submissions at least; more while a sweeper has not yet finished two sweeps. */
const MIN_ROUNDS = 4;
const MAX_ROUNDS = 40;
// Tuesday 10 March 2026, 10:00 in New York; the app's clock and the sweeps' --now.
const START = new Date('2026-03-10T14:00:00Z');
const SWEEP_AT = START.toISOString();
// A few members held a conversation 20 hours ago: its thank-you nudge is due now, so the sweeps send
// (sends are paced at about one a second per workspace, so only a few, or a sweep would take a minute).
// Every sweep also plans the members whose data changed, which writes for each new conversation.
const SEEDED = 6;
const SEEDED_ACTION = 'seeded: follow up on the portfolio advice';

const USERS: StandInUser[] = Array.from({ length: MEMBERS }, (_, i) => ({
  id: `U0MEMBER${String(i).padStart(2, '0')}`,
  teamId: TEAM.id,
  name: `member${i}`,
  realName: `Member ${i}`,
  tz: 'America/New_York',
}));

const actionFor = (round: number, userId: string) => `round ${round}: ${userId} rewrites the case study`;

interface SweepRun {
  ok: boolean;
  output: string;
}

describe('log modal submissions while two coach sweep processes write the same SQLite file', () => {
  let database: TestDatabase;
  let h: Harness;
  const views = new Map<string, ViewLike>();

  beforeAll(async () => {
    database = sqliteTestDatabase();
    h = await startHarness({ database, users: USERS, clock: new TestClock(START) });
    for (const user of USERS) views.set(user.id, await openModal(h, user.id, 'log Jane Doe'));
    const members = await h.db.member.findMany({ where: { workspaceId: TEAM.id }, orderBy: { id: 'asc' } });
    expect(members).toHaveLength(MEMBERS);
    for (const member of members.slice(0, SEEDED)) {
      const owned = { workspaceId: TEAM.id, ownerId: member.id };
      const contact = await h.db.contact.create({
        data: { ...owned, name: 'Sam Lee', nameKey: 'sam lee', stage: 'met', stageAt: START },
      });
      const heldAt = new Date(START.getTime() - 20 * 3_600_000);
      await h.db.conversation.create({
        data: { ...owned, contactId: contact.id, heldAt, action: SEEDED_ACTION, createdAt: heldAt },
      });
    }
  }, 60_000);

  afterAll(async () => {
    await h?.stop();
    await database?.drop();
  });

  async function sweepOnce(): Promise<SweepRun> {
    try {
      const { stdout, stderr } = await run(process.execPath, ['bin/coach.js', 'sweep', '--now', SWEEP_AT], {
        env: {
          PATH: process.env.PATH ?? '',
          DATABASE_URL: database.url,
          SLACK_BOT_TOKEN: TEAM.botToken,
          SLACK_SIGNING_SECRET: SIGNING_SECRET,
          SLACK_API_URL: String(h.coach.slackApiUrl),
          LOG_LEVEL: 'info',
        },
      });
      return { ok: true, output: stdout + stderr };
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string; message: string };
      return { ok: false, output: `${e.message}\n${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
  }

  it('answers and stores every submission exactly once', async () => {
    let submitting = true;
    const finished = [0, 0];
    const sweeper = async (i: number) => {
      const runs: SweepRun[] = [];
      while (submitting) {
        runs.push(await sweepOnce());
        finished[i] = (finished[i] ?? 0) + 1;
      }
      return runs;
    };
    const sweepers = [sweeper(0), sweeper(1)];

    const answers: { status: number; text: string }[] = [];
    let rounds = 0;
    while (rounds < MIN_ROUNDS || (rounds < MAX_ROUNDS && Math.min(...finished) < 2)) {
      const round = ++rounds;
      const responses = await Promise.all(
        USERS.map((user) => {
          // Each round is a new submission of the member's log modal: Slack gives every state of a view
          // its own hash, and the same view id and hash again would be a replay the app applies once.
          const opened = views.get(user.id)!;
          const view = { ...opened, hash: `${opened.hash ?? 'view'}-round-${round}` };
          const values = fillView(view, { "One thing I'll act on": actionFor(round, user.id) });
          return h.driver.submitView(user.id, view, values);
        }),
      );
      answers.push(...responses.map((r) => ({ status: r.status, text: r.text })));
    }
    submitting = false;
    const sweeps = (await Promise.all(sweepers)).flat();

    // Each sweeper finished two sweeps while members were submitting.
    expect(Math.min(...finished)).toBeGreaterThanOrEqual(2);
    const total = MEMBERS * rounds;
    // Answered: 200 with an empty body (a plain ack, no errors on the form) for every submission.
    expect(answers).toHaveLength(total);
    expect(answers.filter((a) => a.status !== 200 || a.text !== '')).toEqual([]);

    // Stored exactly once: one conversation per submission, each with its own action.
    const stored = await h.db.conversation.groupBy({
      by: ['action'],
      where: { action: { startsWith: 'round ' } },
      _count: { _all: true },
    });
    expect(stored).toHaveLength(total);
    expect(stored.filter((s) => s._count._all !== 1)).toEqual([]);
    const expected = USERS.flatMap((u) => Array.from({ length: rounds }, (_, r) => actionFor(r + 1, u.id)));
    expect(stored.map((s) => s.action).sort()).toEqual(expected.sort());
    // And the member was told: each submission's confirmation DM names its action. The DMs go out after
    // the acks, one at a time while requests wait; on a loaded machine the last of ~500 can take a while.
    await Promise.all(
      expected.map((action) =>
        h.standIn.waitForCall('chat.postMessage', (c) => JSON.stringify(c.args).includes(action), 30_000),
      ),
    );

    // The sweeps wrote (sent the due nudges, planned the new conversations' ones) and never failed.
    expect(sweeps.filter((s) => !s.ok).map((s) => s.output)).toEqual([]);
    // (How many of the due ones went out depends on the pacing between the two sweepers; some did.)
    expect(await h.db.nudge.count({ where: { status: 'sent' } })).toBeGreaterThan(0);
    expect(await h.db.nudge.count({ where: { kind: 'thank_you' } })).toBeGreaterThan(SEEDED);

    const busy = /SQLITE_BUSY|SQLITE_LOCKED|database is locked/;
    expect(h.logs.filter((line) => busy.test(line))).toEqual([]);
    expect(sweeps.filter((s) => busy.test(s.output)).map((s) => s.output)).toEqual([]);
    // Nothing at error level either (pino: 50 and above).
    expect(h.logs.filter((line) => /"level":(5|6)\d/.test(line))).toEqual([]);
  }, 90_000);
});
