// SQLite with concurrent writers: the whole app over signed HTTP on one SQLite file, 50 members
// submitting the log modal at once, round after round, while `coach sweep` processes write the same
// file one after another (planning every member, sending the due nudges). No write is lost, none is
// stored twice, every member gets a plain ack (2xx, empty body), nobody ever sees SQLITE_BUSY (not in
// an answer, not in the app's logs or a sweep's output), and the due nudges go out once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StandInUser } from '../../src/sandbox';
import { fillView, type ViewLike } from '../../src/sandbox/slack-driver';
import { sqliteTestDatabase, type TestDatabase } from '../support/db';
import { spawnSweep, summary, tally } from '../support/delivery-faults';
import { HOUR } from '../support/fixtures';
import { type Harness, startHarness, TEAM, TestClock } from '../support/harness';
import { openModal } from '../support/slack-play';

const MEMBERS = 50;
/** Rounds of 50 submissions at least; more until a whole sweep has run alongside. */
const MIN_ROUNDS = 2;
const MAX_ROUNDS = 30;
const SWEEPS_ALONGSIDE = 1;
// Tuesday 10 March 2026, 10:00 in New York: the app's clock and the sweeps' --now.
const START = new Date('2026-03-10T14:00:00Z');
/** Members who held a chat 20 hours ago: their thank-yous are due, and the sweeps send them. */
const SEEDED = 5;
const BUSY = /SQLITE_BUSY|SQLITE_LOCKED|database is locked/;

const USERS: StandInUser[] = Array.from({ length: MEMBERS }, (_, i) => ({
  id: `U0WRITER${String(i).padStart(2, '0')}`,
  teamId: TEAM.id,
  name: `writer${i}`,
  realName: `Writer ${i}`,
  tz: 'America/New_York',
}));

const actionFor = (round: number, userId: string) => `round ${round}: ${userId} rewrites the case study`;

describe('SQLite: 50 members submitting at once while sweep processes write the same file', () => {
  let database: TestDatabase;
  let h: Harness;
  const views = new Map<string, ViewLike>();
  const seededChats: string[] = [];

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
      const heldAt = new Date(START.getTime() - 20 * HOUR);
      const chat = await h.db.conversation.create({
        data: {
          ...owned,
          contactId: contact.id,
          heldAt,
          action: 'seeded: a chat yesterday',
          createdAt: heldAt,
        },
      });
      seededChats.push(chat.id);
    }
  }, 90_000);

  afterAll(async () => {
    await h?.stop();
    await database?.drop();
  });

  it('acks and stores every submission once; no SQLITE_BUSY reaches anyone; due nudges once', {
    timeout: 150_000,
  }, async () => {
    let submitting = true;
    const outputs: { ok: boolean; text: string }[] = [];
    const sweeper = (async () => {
      while (submitting) {
        const result = await spawnSweep(database.url, String(h.coach.slackApiUrl), START).exited;
        outputs.push({ ok: result.code === 0, text: result.stdout + result.stderr });
      }
    })();

    const answers: { status: number; text: string }[] = [];
    let rounds = 0;
    while (rounds < MIN_ROUNDS || (rounds < MAX_ROUNDS && outputs.length < SWEEPS_ALONGSIDE)) {
      const round = ++rounds;
      const responses = await Promise.all(
        USERS.map((user) => {
          // Each round is a new submission: Slack gives every state of a view its own hash (the same
          // view id and hash again would be a replay, applied once).
          const opened = views.get(user.id) as ViewLike;
          const view = { ...opened, hash: `${opened.hash ?? 'view'}-round-${round}` };
          const values = fillView(view, { "One thing I'll act on": actionFor(round, user.id) });
          return h.driver.submitView(user.id, view, values);
        }),
      );
      answers.push(...responses.map((r) => ({ status: r.status, text: r.text })));
    }
    const alongside = outputs.length;
    submitting = false;
    await sweeper;

    const total = MEMBERS * rounds;
    const unacked = answers.filter((a) => a.status < 200 || a.status >= 300 || a.text !== '');
    expect(answers).toHaveLength(total);
    expect(unacked).toEqual([]);
    const stored = await h.db.conversation.groupBy({
      by: ['action'],
      where: { action: { startsWith: 'round ' } },
      _count: { _all: true },
    });
    const expected = USERS.flatMap((u) => Array.from({ length: rounds }, (_, r) => actionFor(r + 1, u.id)));
    const storedActions = new Set(stored.map((s) => s.action));
    const lost = expected.filter((a) => !storedActions.has(a)).length;
    const twice = stored.filter((s) => s._count._all !== 1).length;
    expect(lost).toBe(0);
    expect(twice).toBe(0);
    expect(stored).toHaveLength(total);

    // The sweeps ran alongside, finished cleanly, and never met a locked database.
    expect(alongside, `sweeps finished during ${rounds} rounds`).toBeGreaterThanOrEqual(SWEEPS_ALONGSIDE);
    expect(outputs.filter((o) => !o.ok).map((o) => o.text)).toEqual([]);
    const busyInSweeps = outputs.filter((o) => BUSY.test(o.text)).length;
    const busyInApp = h.logs.filter((line) => BUSY.test(line)).length;
    expect(busyInSweeps).toBe(0);
    expect(busyInApp).toBe(0);
    expect(h.logs.filter((line) => /"level":(5|6)\d/.test(line))).toEqual([]);

    // The seeded thank-yous went out once each, across all those sweeps.
    const nudges = await tally(h.db, h.standIn, USERS, { kind: 'thank_you', subjectId: { in: seededChats } });
    expect(nudges).toMatchObject({ due: SEEDED, sent: SEEDED, duplicates: 0, lost: 0, misrecorded: 0 });

    summary('SQLite: concurrent writers and sweep processes', {
      members: MEMBERS,
      rounds,
      submissions: total,
      'acked 2xx empty': total - unacked.length,
      'stored once': stored.length - twice,
      'lost writes': lost,
      'stored twice': twice,
      'SQLITE_BUSY seen': busyInApp + busyInSweeps,
      'sweeps alongside': alongside,
      'nudges due': nudges.due,
      'nudges sent': nudges.sent,
      'nudge duplicates': nudges.duplicates,
    });
  });
});
