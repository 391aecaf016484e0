// The outreach services against a real database, and the small pure helpers they use: local times
// across DST, goal parsing, progress and scoping by member.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTargetGoal } from '../../src/coaching/goals';
import { localDateTimeToUtc } from '../../src/coaching/time';
import { type Database, openDatabase } from '../../src/db/client';
import { askForm, createAskDraft, editAsk, markAskAsSent, nextAskVersion } from '../../src/services/ask';
import { progressFor, setGoals } from '../../src/services/goals';
import { prepSheet, scheduleChat } from '../../src/services/prep';
import { addTarget } from '../../src/services/targets';
import { updateMember } from '../../src/store/members';
import { useCleanup } from '../support/cleanup';
import { sqliteTestDatabase, type TestDatabase } from '../support/db';

describe('localDateTimeToUtc', () => {
  it('reads the wall clock in the member’s zone, across both DST switches', () => {
    expect(localDateTimeToUtc('2026-03-05', '14:30', 'America/New_York')?.toISOString()).toBe(
      '2026-03-05T19:30:00.000Z',
    );
    expect(localDateTimeToUtc('2026-03-10', '14:30', 'America/New_York')?.toISOString()).toBe(
      '2026-03-10T18:30:00.000Z',
    );
    // 02:30 does not exist on 8 March in New York: the moment after the gap.
    expect(localDateTimeToUtc('2026-03-08', '02:30', 'America/New_York')?.toISOString()).toBe(
      '2026-03-08T07:00:00.000Z',
    );
    // 01:30 happens twice on 1 November: the first one (still EDT).
    expect(localDateTimeToUtc('2026-11-01', '01:30', 'America/New_York')?.toISOString()).toBe(
      '2026-11-01T05:30:00.000Z',
    );
    expect(localDateTimeToUtc('2026-03-05', '14:30', 'Asia/Kolkata')?.toISOString()).toBe(
      '2026-03-05T09:00:00.000Z',
    );
    expect(localDateTimeToUtc('2026-03-05', '14:30', 'Not/AZone')?.toISOString()).toBe(
      '2026-03-05T14:30:00.000Z',
    );
  });

  it('refuses dates and times that are not real', () => {
    expect(localDateTimeToUtc('2026-02-30', '10:00', 'UTC')).toBeNull();
    expect(localDateTimeToUtc('2026-03-05', '24:00', 'UTC')).toBeNull();
    expect(localDateTimeToUtc('tomorrow', '10:00', 'UTC')).toBeNull();
  });
});

describe('goals', () => {
  it('parseTargetGoal takes 1–50 and explains anything else', () => {
    expect(parseTargetGoal(' 8 ')).toEqual({ ok: true, value: 8 });
    expect(parseTargetGoal('0')).toMatchObject({ ok: false, message: expect.stringContaining('1 to 50') });
    expect(parseTargetGoal('51')).toMatchObject({ ok: false });
    expect(parseTargetGoal('eight')).toMatchObject({
      ok: false,
      message: expect.stringContaining('/coach goal 8'),
    });
    expect(parseTargetGoal('-3')).toMatchObject({ ok: false });
  });
});

describe('outreach services', () => {
  let database: TestDatabase;
  let open: Database;
  const alice = { workspaceId: 'T1', userId: 'UALICE' };
  const bob = { workspaceId: 'T1', userId: 'UBOB' };
  const now = new Date('2026-03-02T14:00:00Z');
  let janeId = '';

  const cleanup = useCleanup('all');

  beforeAll(async () => {
    database = sqliteTestDatabase();
    cleanup.add(() => database.drop());
    open = await openDatabase(database.url);
    cleanup.add(() => open.close());
    const added = await addTarget(
      open.db,
      alice,
      {
        name: 'Jane Doe',
        role: 'UX Researcher',
        company: 'Acme',
        industry: 'Healthcare',
        why: 'She moved from teaching.',
      },
      now,
    );
    if (!added.ok) throw new Error('setup failed');
    janeId = added.contact.id;
  });

  it('refuses a new person whose name is already on the list, and contacts of someone else', async () => {
    const input = { about: null, why: null, minutes: 20, channel: 'slack' as const };
    const duplicate = await createAskDraft(
      open.db,
      alice,
      { ...input, person: { kind: 'new', name: 'jane  doe', role: null, company: null } },
      now,
      null,
    );
    expect(duplicate).toMatchObject({ ok: false, problem: 'duplicate' });
    const foreign = await createAskDraft(
      open.db,
      bob,
      { ...input, person: { kind: 'existing', contactId: janeId } },
      now,
      null,
    );
    expect(foreign).toEqual({ ok: false, problem: 'not_found' });
    expect(await open.db.ask.count()).toBe(0);
  });

  it('drafts, rewords, edits and marks sent only for the owner; sent drafts stay as they were', async () => {
    const created = await createAskDraft(
      open.db,
      alice,
      {
        person: { kind: 'existing', contactId: janeId },
        about: "I'm moving from teaching to UX research.",
        why: null,
        minutes: 25,
        channel: 'slack',
      },
      now,
      'Alice',
    );
    if (!created.ok) throw new Error('expected a draft');
    const askId = created.draft.ask.id;
    expect(created.draft.ask.text).toContain('25-minute');
    expect((await askForm(open.db, alice, { contactId: janeId })).about).toBe(
      "I'm moving from teaching to UX research.",
    );

    expect(await nextAskVersion(open.db, bob, askId, null)).toEqual({ ok: false, problem: 'not_found' });
    expect(await editAsk(open.db, bob, askId, 'hijacked')).toEqual({ ok: false, problem: 'not_found' });
    expect(await markAskAsSent(open.db, bob, askId, now)).toEqual({ ok: false, problem: 'not_found' });

    const second = await nextAskVersion(open.db, alice, askId, 'Alice');
    expect(second).toMatchObject({ ok: true, draft: { ask: { variant: 1 } } });
    const edited = await editAsk(open.db, alice, askId, 'Hi Jane, could you refer me for a job?');
    expect(edited).toMatchObject({ ok: true, draft: { check: { ok: false } } });

    const sent = await markAskAsSent(open.db, alice, askId, now);
    expect(sent).toMatchObject({ ok: true, alreadySent: false, draft: { ask: { sentAt: now } } });
    expect((await open.db.contact.findUniqueOrThrow({ where: { id: janeId } })).stage).toBe('asked');
    expect(await markAskAsSent(open.db, alice, askId, new Date(now.getTime() + 1000))).toMatchObject({
      ok: true,
      alreadySent: true,
      draft: { ask: { sentAt: now } },
    });
    expect(await editAsk(open.db, alice, askId, 'too late')).toMatchObject({
      ok: false,
      problem: 'already_sent',
    });
  });

  it('books in the member’s zone, refuses the past and other members, and counts the week', async () => {
    await updateMember(open.db, alice, { slackTz: 'America/New_York' });
    expect(
      await scheduleChat(
        open.db,
        bob,
        { contactId: janeId, date: '2026-03-05', time: '10:00', minutes: 20, format: 'video' },
        now,
      ),
    ).toEqual({
      ok: false,
      problem: 'not_found',
    });
    expect(
      await scheduleChat(
        open.db,
        alice,
        { contactId: janeId, date: '2026-03-02', time: '08:59', minutes: 20, format: 'video' },
        now,
      ),
    ).toEqual({
      ok: false,
      problem: 'in_past',
      tz: 'America/New_York',
    });
    const booked = await scheduleChat(
      open.db,
      alice,
      { contactId: janeId, date: '2026-03-02', time: '16:00', minutes: 20, format: 'phone' },
      now,
    );
    expect(booked).toMatchObject({
      ok: true,
      tz: 'America/New_York',
      week: { thisWeek: 1, goal: 2 },
      contact: { stage: 'scheduled' },
    });
    if (booked.ok) expect(booked.conversation.scheduledAt?.toISOString()).toBe('2026-03-02T21:00:00.000Z');
    expect(await prepSheet(open.db, bob, janeId)).toBeNull();
  });

  it('goals are per member', async () => {
    await setGoals(open.db, alice, { targetGoal: 5, weeklyConversationGoal: 1 }, now);
    expect(await progressFor(open.db, alice, now)).toEqual({
      have: 1,
      targetGoal: 5,
      thisWeek: 1,
      weeklyGoal: 1,
    });
    expect(await progressFor(open.db, bob, now)).toEqual({
      have: 0,
      targetGoal: 8,
      thisWeek: 0,
      weeklyGoal: 2,
    });
  });
});
