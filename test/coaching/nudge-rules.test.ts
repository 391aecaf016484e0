import { describe, expect, it } from 'vitest';
import {
  DEFAULT_HORIZON_MS,
  isStillWarranted,
  type PlannedNudge,
  planNudges,
  recheckNudge,
} from '../../src/coaching/nudge-rules';
import type {
  AskData,
  ContactData,
  ConversationData,
  MemberPrefs,
  MemberSnapshot,
  NudgeKind,
} from '../../src/coaching/types';
import * as fx from '../support/coaching-fixtures';
import { at, utc } from '../support/coaching-fixtures';

// ---- fixtures ----------------------------------------------------------------------------------------

const NY = 'America/New_York';
const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';
const KOLKATA = 'Asia/Kolkata';
const AUCKLAND = 'Pacific/Auckland';
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const ALL = { horizonMs: Number.POSITIVE_INFINITY };

const OLD = utc('2025-06-01T00:00');

function prefs(tz: string, over: Partial<MemberPrefs> = {}): MemberPrefs {
  return fx.prefs({ tz, about: null, ...over });
}

function contact(id: string, over: Partial<ContactData> = {}): ContactData {
  return fx.contact({ id, stageAt: OLD, createdAt: OLD, ...over });
}

function ask(id: string, contactId: string, over: Partial<AskData> = {}): AskData {
  return fx.ask({ id, contactId, createdAt: OLD, ...over });
}

function conv(id: string, contactId: string, over: Partial<ConversationData> = {}): ConversationData {
  return fx.conversation({ id, contactId, createdAt: OLD, ...over });
}

function snap(p: MemberPrefs, parts: Partial<Omit<MemberSnapshot, 'prefs'>> = {}): MemberSnapshot {
  return fx.snapshot({ prefs: p, ...parts });
}

function ofKind(plan: PlannedNudge[], kind: NudgeKind): PlannedNudge[] {
  return plan.filter((n) => n.kind === kind);
}

/** The single nudge of `kind` (fails when there is none or more than one). */
function one(plan: PlannedNudge[], kind: NudgeKind): PlannedNudge {
  const found = ofKind(plan, kind);
  expect(found, `${kind} in ${JSON.stringify(plan.map((n) => n.dedupeKey))}`).toHaveLength(1);
  return found[0]!;
}

function iso(d: Date): string {
  return d.toISOString();
}

// ---- thank_you ---------------------------------------------------------------------------------------

describe('thank_you', () => {
  it.each([
    // zone, heldAt (local), now (local), expected due (local), why
    [
      NY,
      '2026-03-10T10:00',
      '2026-03-10T10:30',
      '2026-03-10T12:00',
      'held Tue 10:00: +2 h is inside working hours',
    ],
    [NY, '2026-03-10T15:29', '2026-03-10T16:00', '2026-03-10T17:29', '+2 h is one minute before the end'],
    [NY, '2026-03-10T15:30', '2026-03-10T16:00', '2026-03-11T09:00', '+2 h is exactly the end: next morning'],
    [
      NY,
      '2026-03-10T16:00',
      '2026-03-10T16:30',
      '2026-03-11T09:00',
      'evening: next workday start, before deadline',
    ],
    [NY, '2026-03-10T20:00', '2026-03-10T20:30', '2026-03-11T09:00', 'coffee after work'],
    [
      NY,
      '2026-03-13T16:00',
      '2026-03-13T16:30',
      '2026-03-14T14:00',
      'Friday 16:00: Monday is too late → deadline − 2 h',
    ],
    [KOLKATA, '2026-03-09T16:00', '2026-03-09T16:05', '2026-03-10T09:00', 'Kolkata +5:30'],
    [
      AUCKLAND,
      '2026-11-27T16:00',
      '2026-11-27T16:30',
      '2026-11-28T14:00',
      'Auckland Friday: deadline rule on Saturday',
    ],
    [LA, '2026-03-10T11:00', '2026-03-10T11:00', '2026-03-10T13:00', 'Los Angeles, logged right away'],
  ])('%s held %s (now %s) → %s — %s', (zone, held, now, expected) => {
    const s = snap(prefs(zone), {
      contacts: [contact('c1', { stage: 'met' })],
      conversations: [conv('v1', 'c1', { heldAt: at(held, zone) })],
    });
    const n = one(planNudges(s, at(now, zone), ALL), 'thank_you');
    expect(iso(n.dueAt)).toBe(iso(at(expected, zone)));
    expect(n).toMatchObject({ subjectId: 'v1', occurrence: 'v1', dedupeKey: 'thank_you:v1:v1' });
  });

  it('the deadline is 24 absolute hours across a DST switch (Berlin, spring forward)', () => {
    // Held Saturday 20:00 CET (19:00Z); deadline Sunday 19:00Z = 21:00 CEST; fallback 17:00Z = 19:00 CEST.
    const s = snap(prefs(BERLIN), {
      conversations: [conv('v1', 'c1', { heldAt: at('2026-03-28T20:00', BERLIN) })],
    });
    const n = one(planNudges(s, at('2026-03-28T20:30', BERLIN), ALL), 'thank_you');
    expect(iso(n.dueAt)).toBe('2026-03-29T17:00:00.000Z');
    expect(iso(at('2026-03-29T19:00', BERLIN))).toBe('2026-03-29T17:00:00.000Z');
  });

  it('the deadline is 24 absolute hours across a DST switch (New York, fall back)', () => {
    // Held Saturday 2026-10-31 12:00 EDT (16:00Z); deadline Sunday 16:00Z = 11:00 EST; fallback 14:00Z.
    const s = snap(prefs(NY), {
      conversations: [conv('v1', 'c1', { heldAt: at('2026-10-31T12:00', NY) })],
    });
    expect(iso(one(planNudges(s, at('2026-10-31T12:00', NY), ALL), 'thank_you').dueAt)).toBe(
      '2026-11-01T14:00:00.000Z',
    );
  });

  it('needs at least an hour before the deadline for a working-hours moment (else deadline − 2 h)', () => {
    // Works Mondays and Thursdays. Held Wed 09:30: Thu 09:00 is only 30 min before the deadline.
    const p = prefs(NY, { workDays: [1, 4] });
    const tight = snap(p, { conversations: [conv('v1', 'c1', { heldAt: at('2026-03-11T09:30', NY) })] });
    expect(iso(one(planNudges(tight, at('2026-03-11T10:00', NY), ALL), 'thank_you').dueAt)).toBe(
      iso(at('2026-03-12T07:30', NY)),
    );
    // Held Wed 10:00: Thu 09:00 is exactly an hour before the deadline: fine.
    const edge = snap(p, { conversations: [conv('v1', 'c1', { heldAt: at('2026-03-11T10:00', NY) })] });
    expect(iso(one(planNudges(edge, at('2026-03-11T10:00', NY), ALL), 'thank_you').dueAt)).toBe(
      iso(at('2026-03-12T09:00', NY)),
    );
  });

  it.each([
    ['2026-03-10T15:00', 'logged later the same day, after the planned 12:00'],
    ['2026-03-11T10:30', 'logged after the 24 h deadline'],
  ])('logged late (now %s): due at once — %s', (now) => {
    const s = snap(prefs(NY), { conversations: [conv('v1', 'c1', { heldAt: at('2026-03-10T10:00', NY) })] });
    const n = one(planNudges(s, at(now, NY)), 'thank_you');
    expect(iso(n.dueAt)).toBe(iso(at(now, NY)));
  });

  it('logged five days later at night (Sunday 03:00): already late, so it waits for Monday 09:00', () => {
    const s = snap(prefs(NY), { conversations: [conv('v1', 'c1', { heldAt: at('2026-03-10T10:00', NY) })] });
    const n = one(planNudges(s, at('2026-03-15T03:00', NY)), 'thank_you');
    expect(iso(n.dueAt)).toBe(iso(at('2026-03-16T09:00', NY)));
  });

  it('is not planned once sent, for a cancelled conversation, or a week after the conversation', () => {
    const heldAt = at('2026-03-10T10:00', NY);
    const now = at('2026-03-10T11:00', NY);
    const sent = snap(prefs(NY), {
      conversations: [conv('v1', 'c1', { heldAt, thankYouSentAt: at('2026-03-10T10:30', NY) })],
    });
    const cancelled = snap(prefs(NY), { conversations: [conv('v1', 'c1', { heldAt, cancelledAt: now })] });
    const stale = snap(prefs(NY), { conversations: [conv('v1', 'c1', { heldAt })] });
    expect(ofKind(planNudges(sent, now, ALL), 'thank_you')).toEqual([]);
    expect(ofKind(planNudges(cancelled, now, ALL), 'thank_you')).toEqual([]);
    expect(ofKind(planNudges(stale, new Date(heldAt.getTime() + 7 * DAY + 1), ALL), 'thank_you')).toEqual([]);
    expect(ofKind(planNudges(stale, new Date(heldAt.getTime() + 6 * DAY), ALL), 'thank_you')).toHaveLength(1);
  });
});

// ---- referral ----------------------------------------------------------------------------------------

describe('referral', () => {
  const jane = contact('jane', { stage: 'met' });

  it('two days after the conversation where the name came up, moved into working hours', () => {
    const s = snap(prefs(NY), {
      contacts: [jane, contact('raj', { referredById: 'jane', createdAt: at('2026-03-10T16:00', NY) })],
      conversations: [
        conv('old', 'jane', { heldAt: at('2026-02-10T10:00', NY) }),
        conv('v1', 'jane', { heldAt: at('2026-03-10T14:00', NY) }),
        conv('later', 'jane', { heldAt: at('2026-03-11T10:00', NY) }), // after Raj was added: not it
      ],
    });
    const n = one(planNudges(s, at('2026-03-11T09:00', NY), ALL), 'referral');
    expect(iso(n.dueAt)).toBe(iso(at('2026-03-12T14:00', NY)));
    expect(n).toMatchObject({ subjectId: 'raj', occurrence: 'raj', dedupeKey: 'referral:raj:raj' });
  });

  it.each([
    [NY, '2026-03-12T15:00', '2026-03-16T09:00', 'added Thursday: Saturday → Monday 09:00'],
    [NY, '2026-03-10T18:00', '2026-03-13T09:00', 'added Tuesday evening: Thursday 18:00 → Friday 09:00'],
    [BERLIN, '2026-03-28T11:00', '2026-03-30T11:00', 'Saturday CET + 2 days = Monday 11:00 CEST (not 12:00)'],
    [KOLKATA, '2026-03-09T08:00', '2026-03-11T09:00', 'Monday 08:00 + 2 days is before work: 09:00'],
  ])('%s: no conversation with the referrer, added %s → %s (%s)', (zone, created, expected) => {
    const s = snap(prefs(zone), {
      contacts: [jane, contact('raj', { referredById: 'jane', createdAt: at(created, zone) })],
    });
    const n = one(planNudges(s, at(created, zone), ALL), 'referral');
    expect(iso(n.dueAt)).toBe(iso(at(expected, zone)));
  });

  it('is not planned once asked, archived, or when the ask went out', () => {
    const createdAt = at('2026-03-10T16:00', NY);
    const now = at('2026-03-10T16:30', NY);
    const base = { referredById: 'jane', createdAt };
    for (const stage of ['asked', 'scheduled', 'met', 'thanked', 'archived'] as const) {
      const s = snap(prefs(NY), { contacts: [jane, contact('raj', { ...base, stage })] });
      expect(ofKind(planNudges(s, now, ALL), 'referral'), stage).toEqual([]);
    }
    const sentAsk = snap(prefs(NY), {
      contacts: [jane, contact('raj', base)],
      asks: [ask('a1', 'raj', { sentAt: now })],
    });
    expect(ofKind(planNudges(sentAsk, now, ALL), 'referral')).toEqual([]);
    const notReferred = snap(prefs(NY), { contacts: [jane, contact('raj', { createdAt })] });
    expect(ofKind(planNudges(notReferred, now, ALL), 'referral')).toEqual([]);
  });
});

// ---- follow_up ---------------------------------------------------------------------------------------

describe('follow_up', () => {
  function asked(sentAt: Date, over: Partial<AskData> = {}, stage: ContactData['stage'] = 'asked') {
    return snap(prefs(NY), {
      contacts: [contact('c1', { stage })],
      asks: [ask('a1', 'c1', { sentAt, ...over })],
    });
  }

  it.each([
    ['2026-03-03T10:00', '2026-03-10T10:00', 'a week later at the same local time, across spring forward'],
    ['2026-03-06T18:00', '2026-03-16T09:00', 'sent Friday evening → following Monday 09:00'],
    ['2026-03-07T11:00', '2026-03-16T09:00', 'sent Saturday → Monday 09:00'],
    ['2026-10-27T08:00', '2026-11-03T09:00', 'sent before work, across fall back'],
  ])('sent %s → %s (%s)', (sent, expected) => {
    const n = one(planNudges(asked(at(sent, NY)), at(sent, NY), ALL), 'follow_up');
    expect(iso(n.dueAt)).toBe(iso(at(expected, NY)));
    expect(n).toMatchObject({ subjectId: 'a1', occurrence: 'a1', dedupeKey: 'follow_up:a1:a1' });
  });

  it('is not planned when replied, followed up, or the contact moved on', () => {
    const sentAt = at('2026-03-03T10:00', NY);
    const now = at('2026-03-09T10:00', NY);
    expect(ofKind(planNudges(asked(sentAt, { repliedAt: now }), now, ALL), 'follow_up')).toEqual([]);
    expect(ofKind(planNudges(asked(sentAt, { followedUpAt: now }), now, ALL), 'follow_up')).toEqual([]);
    for (const stage of ['scheduled', 'met', 'thanked', 'archived'] as const) {
      expect(ofKind(planNudges(asked(sentAt, {}, stage), now, ALL), 'follow_up'), stage).toEqual([]);
    }
    expect(ofKind(planNudges(asked(sentAt, { sentAt: null }), now, ALL), 'follow_up')).toEqual([]);
  });

  it('is not planned when a conversation was booked after the ask', () => {
    const sentAt = at('2026-03-03T10:00', NY);
    const s = snap(prefs(NY), {
      contacts: [contact('c1', { stage: 'asked' })],
      asks: [ask('a1', 'c1', { sentAt })],
      conversations: [
        conv('v1', 'c1', { scheduledAt: at('2026-03-20T10:00', NY), createdAt: at('2026-03-05T10:00', NY) }),
      ],
    });
    expect(ofKind(planNudges(s, at('2026-03-09T10:00', NY), ALL), 'follow_up')).toEqual([]);
  });

  it('happens once: same key every time, never again after a follow-up, only the latest ask of a contact', () => {
    const sentAt = at('2026-03-03T10:00', NY);
    const s = asked(sentAt);
    const first = ofKind(planNudges(s, at('2026-03-09T10:00', NY)), 'follow_up');
    const second = ofKind(planNudges(s, at('2026-03-10T10:00', NY)), 'follow_up');
    expect(first.map((n) => n.dedupeKey)).toEqual(['follow_up:a1:a1']);
    expect(second.map((n) => n.dedupeKey)).toEqual(['follow_up:a1:a1']);

    // After one follow-up, a newer ask to the same contact gets none.
    const again = snap(prefs(NY), {
      contacts: [contact('c1', { stage: 'asked' })],
      asks: [
        ask('a1', 'c1', { sentAt, followedUpAt: at('2026-03-10T10:00', NY) }),
        ask('a2', 'c1', { sentAt: at('2026-03-20T10:00', NY) }),
      ],
    });
    expect(ofKind(planNudges(again, at('2026-03-27T10:00', NY), ALL), 'follow_up')).toEqual([]);

    // Two asks, none followed up: only the latest one.
    const two = snap(prefs(NY), {
      contacts: [contact('c1', { stage: 'asked' })],
      asks: [ask('a1', 'c1', { sentAt }), ask('a2', 'c1', { sentAt: at('2026-03-05T10:00', NY) })],
    });
    expect(
      ofKind(planNudges(two, at('2026-03-09T10:00', NY), ALL), 'follow_up').map((n) => n.subjectId),
    ).toEqual(['a2']);
  });

  it('overdue: next working moment; stale two weeks after its time', () => {
    const s = asked(at('2026-03-03T10:00', NY));
    // Planner first sees it on Saturday night.
    expect(iso(one(planNudges(s, at('2026-03-14T23:00', NY)), 'follow_up').dueAt)).toBe(
      iso(at('2026-03-16T09:00', NY)),
    );
    expect(iso(one(planNudges(s, at('2026-03-11T11:00', NY)), 'follow_up').dueAt)).toBe(
      iso(at('2026-03-11T11:00', NY)),
    );
    expect(ofKind(planNudges(s, at('2026-03-25T10:00', NY), ALL), 'follow_up')).toEqual([]);
  });
});

// ---- prep, wrap_up, debrief ------------------------------------------------------------------------

describe('prep', () => {
  function booked(zone: string, scheduled: string, created: string, over: Partial<ConversationData> = {}) {
    return snap(prefs(zone), {
      contacts: [contact('c1', { stage: 'scheduled' })],
      conversations: [
        conv('v1', 'c1', { scheduledAt: at(scheduled, zone), createdAt: at(created, zone), ...over }),
      ],
    });
  }

  it.each([
    [NY, '2026-03-11T14:00', '2026-03-09T10:00', '2026-03-10T09:00', 'Wednesday → Tuesday 09:00'],
    [NY, '2026-03-09T10:00', '2026-03-05T10:00', '2026-03-06T09:00', 'Monday EDT → Friday 09:00 EST'],
    [NY, '2026-11-02T10:00', '2026-10-28T10:00', '2026-10-30T09:00', 'Monday EST → Friday 09:00 EDT'],
    [BERLIN, '2026-03-30T11:00', '2026-03-20T10:00', '2026-03-27T09:00', 'Monday CEST → Friday 09:00 CET'],
    [BERLIN, '2026-10-26T11:00', '2026-10-20T10:00', '2026-10-23T09:00', 'Monday CET → Friday 09:00 CEST'],
    [AUCKLAND, '2026-12-01T10:00', '2026-11-20T10:00', '2026-11-30T09:00', 'Auckland Tuesday → Monday 09:00'],
    [
      NY,
      '2026-03-11T10:00',
      '2026-03-10T12:00',
      '2026-03-11T08:00',
      'booked after Tuesday 09:00 → 2 h before',
    ],
    [NY, '2026-03-10T10:00', '2026-03-10T09:00', '2026-03-10T09:00', 'booked an hour ahead → at once'],
    [NY, '2026-03-14T16:00', '2026-03-10T12:00', '2026-03-13T09:00', 'Saturday conversation → Friday 09:00'],
  ])('%s conversation %s booked %s → %s (%s)', (zone, scheduled, created, expected) => {
    const n = one(planNudges(booked(zone, scheduled, created), at(created, zone), ALL), 'prep');
    expect(iso(n.dueAt)).toBe(iso(at(expected, zone)));
    expect(n.subjectId).toBe('v1');
  });

  it('booked exactly at the day-before moment still gets the day-before prep', () => {
    const s = booked(NY, '2026-03-11T14:00', '2026-03-10T09:00');
    expect(iso(one(planNudges(s, at('2026-03-10T09:00', NY), ALL), 'prep').dueAt)).toBe(
      iso(at('2026-03-10T09:00', NY)),
    );
  });

  it('is not planned once the conversation started, was held or was cancelled', () => {
    const s = booked(NY, '2026-03-11T14:00', '2026-03-09T10:00');
    expect(ofKind(planNudges(s, at('2026-03-11T14:00', NY), ALL), 'prep')).toEqual([]);
    const held = booked(NY, '2026-03-11T14:00', '2026-03-09T10:00', { heldAt: at('2026-03-11T14:00', NY) });
    expect(ofKind(planNudges(held, at('2026-03-10T08:00', NY), ALL), 'prep')).toEqual([]);
    const cancelled = booked(NY, '2026-03-11T14:00', '2026-03-09T10:00', {
      cancelledAt: at('2026-03-09T11:00', NY),
    });
    expect(ofKind(planNudges(cancelled, at('2026-03-10T08:00', NY), ALL), 'prep')).toEqual([]);
  });

  it('a rescheduled conversation gets a new occurrence', () => {
    const a = one(
      planNudges(booked(NY, '2026-03-11T14:00', '2026-03-09T10:00'), at('2026-03-09T10:00', NY), ALL),
      'prep',
    );
    const b = one(
      planNudges(booked(NY, '2026-03-12T14:00', '2026-03-09T10:00'), at('2026-03-09T10:00', NY), ALL),
      'prep',
    );
    expect(a.dedupeKey).toBe('prep:v1:20260311T1800Z');
    expect(b.dedupeKey).toBe('prep:v1:20260312T1800Z');
  });
});

describe('wrap_up', () => {
  it.each([
    [NY, '2026-03-14T23:00', 20, '2026-03-14T23:18', 'Saturday late evening: ignores working hours'],
    [KOLKATA, '2026-03-10T06:30', 30, '2026-03-10T06:58', 'early morning, 30 minutes'],
    [BERLIN, '2026-03-29T01:50', 20, '2026-03-29T03:08', 'across the spring-forward gap: 18 real minutes'],
    [NY, '2026-03-10T10:00', 2, '2026-03-10T10:00', 'a 2-minute call: at the start'],
  ])('%s %s for %i min → %s (%s)', (zone, scheduled, minutes, expected) => {
    const s = snap(prefs(zone), {
      conversations: [conv('v1', 'c1', { scheduledAt: at(scheduled, zone), minutesRequested: minutes })],
    });
    const n = one(planNudges(s, new Date(at(scheduled, zone).getTime() - DAY), ALL), 'wrap_up');
    expect(iso(n.dueAt)).toBe(iso(at(expected, zone)));
  });

  it('during the meeting after the wrap-up time: at once; after the planned end: gone', () => {
    const s = snap(prefs(NY), {
      conversations: [conv('v1', 'c1', { scheduledAt: at('2026-03-10T10:00', NY) })],
    });
    expect(iso(one(planNudges(s, at('2026-03-10T10:19', NY)), 'wrap_up').dueAt)).toBe(
      iso(at('2026-03-10T10:19', NY)),
    );
    expect(ofKind(planNudges(s, at('2026-03-10T10:20', NY), ALL), 'wrap_up')).toEqual([]);
  });
});

describe('debrief', () => {
  it.each([
    [NY, '2026-03-10T14:00', 20, '2026-03-10T15:20', 'afternoon: an hour after the end'],
    [NY, '2026-03-14T11:00', 20, '2026-03-14T12:20', 'Saturday daytime: delivered then'],
    [
      NY,
      '2026-03-10T19:30',
      30,
      '2026-03-11T09:00',
      'ends 20:00 → 21:00 is past waking hours → next morning',
    ],
    [NY, '2026-03-10T19:30', 20, '2026-03-10T20:50', 'ends 19:50 → 20:50, still awake'],
    [NY, '2026-03-13T20:00', 30, '2026-03-16T09:00', 'Friday night → Monday 09:00'],
    [NY, '2026-03-10T06:40', 20, '2026-03-10T08:00', 'ends 07:00 → 08:00, exactly the waking start'],
    [AUCKLAND, '2026-11-29T21:00', 30, '2026-11-30T09:00', 'Auckland Sunday night → Monday 09:00'],
  ])('%s %s for %i min → %s (%s)', (zone, scheduled, minutes, expected) => {
    const s = snap(prefs(zone), {
      conversations: [conv('v1', 'c1', { scheduledAt: at(scheduled, zone), minutesRequested: minutes })],
    });
    const n = one(planNudges(s, new Date(at(scheduled, zone).getTime() - DAY), ALL), 'debrief');
    expect(iso(n.dueAt)).toBe(iso(at(expected, zone)));
  });

  it('inside working hours that start before 08:00 counts as awake', () => {
    const p = prefs(NY, { workdayStartMinute: 360, workdayEndMinute: 840 });
    const s = snap(p, { conversations: [conv('v1', 'c1', { scheduledAt: at('2026-03-10T05:00', NY) })] });
    expect(iso(one(planNudges(s, at('2026-03-09T10:00', NY), ALL), 'debrief').dueAt)).toBe(
      iso(at('2026-03-10T06:20', NY)),
    );
  });

  it('is not planned once the conversation is logged as held', () => {
    const s = snap(prefs(NY), {
      conversations: [
        conv('v1', 'c1', { scheduledAt: at('2026-03-10T14:00', NY), heldAt: at('2026-03-10T14:00', NY) }),
      ],
    });
    expect(ofKind(planNudges(s, at('2026-03-10T15:00', NY), ALL), 'debrief')).toEqual([]);
  });
});

// ---- close_loop, keep_in_touch ------------------------------------------------------------------------

describe('close_loop', () => {
  it.each([
    [NY, '2026-02-03T14:00', '2026-03-05T14:00', '30 days later, same local time (EST)'],
    [BERLIN, '2026-02-27T10:00', '2026-03-30T09:00', 'lands on Sunday 29 March → Monday 09:00 CEST'],
    [NY, '2026-02-06T16:00', '2026-03-09T09:00', 'Sunday 8 March 16:00 → Monday 09:00 EDT'],
  ])('%s held %s → %s (%s)', (zone, held, expected) => {
    const s = snap(prefs(zone), {
      contacts: [contact('c1', { stage: 'thanked' })],
      conversations: [conv('v1', 'c1', { heldAt: at(held, zone), thankYouSentAt: at(held, zone) })],
    });
    const n = one(planNudges(s, at(held, zone), ALL), 'close_loop');
    expect(iso(n.dueAt)).toBe(iso(at(expected, zone)));
    expect(n.dedupeKey).toBe('close_loop:v1:v1');
  });

  it('is not planned once the loop is closed or the contact is archived', () => {
    const heldAt = at('2026-02-03T14:00', NY);
    const closed = snap(prefs(NY), {
      contacts: [contact('c1', { stage: 'thanked' })],
      conversations: [conv('v1', 'c1', { heldAt, loopClosedAt: at('2026-02-20T10:00', NY) })],
    });
    const archived = snap(prefs(NY), {
      contacts: [contact('c1', { stage: 'archived' })],
      conversations: [conv('v1', 'c1', { heldAt })],
    });
    expect(ofKind(planNudges(closed, heldAt, ALL), 'close_loop')).toEqual([]);
    expect(ofKind(planNudges(archived, heldAt, ALL), 'close_loop')).toEqual([]);
  });
});

describe('keep_in_touch', () => {
  it('90 local days after the last touch, in working hours; occurrence is the local touch date', () => {
    const s = snap(prefs(NY), {
      contacts: [contact('c1', { stage: 'thanked', lastTouchAt: at('2026-01-05T10:00', NY) })],
    });
    const n = one(planNudges(s, at('2026-01-05T10:00', NY), ALL), 'keep_in_touch');
    // 2026-04-05 is a Sunday → Monday 6 April 09:00 EDT.
    expect(iso(n.dueAt)).toBe(iso(at('2026-04-06T09:00', NY)));
    expect(n).toMatchObject({
      subjectId: 'c1',
      occurrence: '2026-01-05',
      dedupeKey: 'keep_in_touch:c1:2026-01-05',
    });
  });

  it('a new touch makes a new occurrence; cadence is configurable', () => {
    const s = (lastTouchAt: Date) =>
      snap(prefs(AUCKLAND), { contacts: [contact('c1', { stage: 'met', lastTouchAt })] });
    const first = one(planNudges(s(utc('2026-01-05T20:00')), utc('2026-01-06T00:00'), ALL), 'keep_in_touch');
    const second = one(planNudges(s(utc('2026-02-10T20:00')), utc('2026-02-11T00:00'), ALL), 'keep_in_touch');
    expect(first.occurrence).toBe('2026-01-06'); // Auckland date
    expect(second.occurrence).toBe('2026-02-11');
    const short = one(
      planNudges(s(at('2026-03-02T10:00', AUCKLAND)), at('2026-03-02T10:00', AUCKLAND), {
        ...ALL,
        keepInTouchDays: 30,
      }),
      'keep_in_touch',
    );
    expect(iso(short.dueAt)).toBe(iso(at('2026-04-01T10:00', AUCKLAND)));
  });

  it('needs a met/thanked contact or a closed loop, and no upcoming conversation', () => {
    const lastTouchAt = at('2026-01-05T10:00', NY);
    const now = at('2026-01-06T10:00', NY);
    const asked = snap(prefs(NY), { contacts: [contact('c1', { stage: 'asked', lastTouchAt })] });
    expect(ofKind(planNudges(asked, now, ALL), 'keep_in_touch')).toEqual([]);
    const loopClosed = snap(prefs(NY), {
      contacts: [contact('c1', { stage: 'scheduled', lastTouchAt })],
      conversations: [conv('v1', 'c1', { heldAt: at('2025-12-01T10:00', NY), loopClosedAt: lastTouchAt })],
    });
    expect(ofKind(planNudges(loopClosed, now, ALL), 'keep_in_touch')).toHaveLength(1);
    const meetingAgain = snap(prefs(NY), {
      contacts: [contact('c1', { stage: 'met', lastTouchAt })],
      conversations: [conv('v2', 'c1', { scheduledAt: at('2026-01-20T10:00', NY) })],
    });
    expect(ofKind(planNudges(meetingAgain, now, ALL), 'keep_in_touch')).toEqual([]);
    const archived = snap(prefs(NY), { contacts: [contact('c1', { stage: 'archived', lastTouchAt })] });
    expect(ofKind(planNudges(archived, now, ALL), 'keep_in_touch')).toEqual([]);
    const noTouch = snap(prefs(NY), { contacts: [contact('c1', { stage: 'met' })] });
    expect(ofKind(planNudges(noTouch, now, ALL), 'keep_in_touch')).toEqual([]);
  });
});

// ---- weekly_summary ---------------------------------------------------------------------------------

describe('weekly_summary', () => {
  it.each([
    [
      AUCKLAND,
      '2026-11-29T10:00Z',
      '2026-11-29T20:00Z',
      '2026-W49',
      'Auckland Monday 09:00 is Sunday in UTC',
    ],
    [LA, '2026-11-29T20:00Z', '2026-11-30T17:00Z', '2026-W49', 'Los Angeles Monday 09:00 PST'],
    [KOLKATA, '2026-11-29T20:00Z', '2026-11-30T03:30Z', '2026-W49', 'Kolkata Monday 09:00 IST'],
    [BERLIN, '2026-10-25T12:00Z', '2026-10-26T08:00Z', '2026-W44', 'Berlin Monday after fall back'],
    [BERLIN, '2026-03-29T12:00Z', '2026-03-30T07:00Z', '2026-W14', 'Berlin Monday after spring forward'],
  ])('%s now %s → %s (%s)', (zone, now, expected, week) => {
    const plan = planNudges(snap(prefs(zone)), utc(now));
    const n = one(plan, 'weekly_summary');
    expect(iso(n.dueAt)).toBe(iso(utc(expected)));
    expect(n).toMatchObject({ subjectId: null, occurrence: week, dedupeKey: `weekly_summary:-:${week}` });
  });

  it('uses the workday start on Monday, or 09:00 when Monday is not a working day', () => {
    const early = snap(prefs(NY, { workdayStartMinute: 480 }));
    expect(iso(one(planNudges(early, at('2026-03-08T12:00', NY)), 'weekly_summary').dueAt)).toBe(
      iso(at('2026-03-09T08:00', NY)),
    );
    const noMonday = snap(prefs(NY, { workdayStartMinute: 600, workDays: [2, 3, 4, 5, 6] }));
    expect(iso(one(planNudges(noMonday, at('2026-03-08T12:00', NY)), 'weekly_summary').dueAt)).toBe(
      iso(at('2026-03-09T09:00', NY)),
    );
  });

  it('overdue by up to 12 hours: at once; later that week: none until next Monday', () => {
    const s = snap(prefs(NY));
    const late = one(planNudges(s, at('2026-03-09T15:00', NY)), 'weekly_summary');
    expect(late).toMatchObject({ occurrence: '2026-W11' });
    expect(iso(late.dueAt)).toBe(iso(at('2026-03-09T15:00', NY)));
    expect(ofKind(planNudges(s, at('2026-03-09T21:01', NY)), 'weekly_summary')).toEqual([]);
    const wednesday = planNudges(s, at('2026-03-11T10:00', NY), ALL);
    expect(ofKind(wednesday, 'weekly_summary').map((n) => n.occurrence)).toEqual(['2026-W12']);
  });

  it('a pause moves it within the same week, or skips the week', () => {
    const midweek = snap(prefs(NY, { pausedUntil: at('2026-03-11T12:00', NY) }));
    const n = one(planNudges(midweek, at('2026-03-11T12:00', NY)), 'weekly_summary');
    expect(n.occurrence).toBe('2026-W11');
    expect(iso(n.dueAt)).toBe(iso(at('2026-03-11T12:00', NY)));
    // Only the current and the next week are ever considered.
    const short = snap(prefs(NY, { pausedUntil: at('2026-03-17T12:00', NY) }));
    const plan = ofKind(planNudges(short, at('2026-03-16T10:00', NY), ALL), 'weekly_summary');
    expect(plan.map((p) => [p.occurrence, iso(p.dueAt)])).toEqual([
      ['2026-W12', iso(at('2026-03-17T12:00', NY))],
      ['2026-W13', iso(at('2026-03-23T09:00', NY))],
    ]);
    const long = snap(prefs(NY, { pausedUntil: at('2026-03-24T12:00', NY) }));
    const skipped = ofKind(planNudges(long, at('2026-03-16T10:00', NY), ALL), 'weekly_summary');
    expect(skipped.map((p) => [p.occurrence, iso(p.dueAt)])).toEqual([
      ['2026-W13', iso(at('2026-03-24T12:00', NY))],
    ]);
  });
});

// ---- global modifiers --------------------------------------------------------------------------------

/** A member with one of everything, all due within a couple of weeks of 2026-03-10. */
function busy(p: MemberPrefs): MemberSnapshot {
  return snap(p, {
    contacts: [
      contact('jane', { stage: 'thanked', lastTouchAt: at('2025-12-15T10:00', NY) }),
      contact('raj', { referredById: 'jane', createdAt: at('2026-03-09T12:00', NY) }),
      contact('ana', { stage: 'asked' }),
      contact('bo', { stage: 'scheduled' }),
      contact('cy', { stage: 'met' }),
    ],
    asks: [ask('a-ana', 'ana', { sentAt: at('2026-03-04T10:00', NY) })],
    conversations: [
      conv('v-jane', 'jane', {
        heldAt: at('2026-02-09T11:00', NY),
        thankYouSentAt: at('2026-02-09T15:00', NY),
      }),
      conv('v-bo', 'bo', { scheduledAt: at('2026-03-12T14:00', NY), createdAt: at('2026-03-02T10:00', NY) }),
      conv('v-cy', 'cy', { heldAt: at('2026-03-10T08:00', NY) }),
    ],
  });
}

describe('global modifiers', () => {
  const now = at('2026-03-10T08:30', NY);

  it('plans each kind for the busy member (sanity for the tests below)', () => {
    const kinds = new Set(planNudges(busy(prefs(NY)), now, { horizonMs: 60 * DAY }).map((n) => n.kind));
    expect([...kinds].sort()).toEqual(
      [
        'close_loop',
        'debrief',
        'follow_up',
        'keep_in_touch',
        'prep',
        'referral',
        'thank_you',
        'weekly_summary',
        'wrap_up',
      ].sort(),
    );
  });

  it.each([
    'thank_you',
    'referral',
    'follow_up',
    'prep',
    'wrap_up',
    'debrief',
    'close_loop',
    'keep_in_touch',
    'weekly_summary',
  ] as const)('kindsOff [%s] removes only that kind', (kind) => {
    const on = planNudges(busy(prefs(NY)), now, { horizonMs: 60 * DAY });
    const off = planNudges(busy(prefs(NY, { kindsOff: [kind] })), now, { horizonMs: 60 * DAY });
    expect(off).toEqual(on.filter((n) => n.kind !== kind));
  });

  it('the default horizon is 36 hours; nudges later than that wait for a later run', () => {
    expect(DEFAULT_HORIZON_MS).toBe(36 * HOUR);
    const s = busy(prefs(NY));
    const plan = planNudges(s, now);
    expect(plan.length).toBeGreaterThan(0);
    for (const n of plan) expect(n.dueAt.getTime()).toBeLessThanOrEqual(now.getTime() + 36 * HOUR);
    const all = planNudges(s, now, ALL);
    expect(all.filter((n) => n.dueAt.getTime() <= now.getTime() + 36 * HOUR)).toEqual(plan);
    // Prep for Thursday 14:00 is Wednesday 09:00 (24.5 h away): in. Debrief Thursday 15:20: out.
    expect(plan.map((n) => n.kind)).toContain('prep');
    expect(plan.map((n) => n.kind)).not.toContain('debrief');
    expect(planNudges(s, now, { horizonMs: 0 }).every((n) => n.dueAt.getTime() <= now.getTime())).toBe(true);
  });

  describe('pause', () => {
    it('moves a nudge due inside the pause to the first working moment after it', () => {
      // Follow-up for Ana is due Wed 11 March 10:00; paused until Saturday → Monday 09:00.
      const p = prefs(NY, { pausedUntil: at('2026-03-14T00:00', NY) });
      const n = one(planNudges(busy(p), now, ALL), 'follow_up');
      expect(iso(n.dueAt)).toBe(iso(at('2026-03-16T09:00', NY)));
    });

    it('pushes a thank-you past the pause even beyond its deadline', () => {
      const p = prefs(NY, { pausedUntil: at('2026-03-12T13:00', NY) });
      expect(iso(one(planNudges(busy(p), now, ALL), 'thank_you').dueAt)).toBe(
        iso(at('2026-03-12T13:00', NY)),
      );
    });

    it('skips prep, wrap-up and debrief for a conversation inside the pause', () => {
      const p = prefs(NY, { pausedUntil: at('2026-03-13T00:00', NY) });
      const kinds = planNudges(busy(p), now, ALL).map((n) => n.kind);
      expect(kinds).not.toContain('prep');
      expect(kinds).not.toContain('wrap_up');
      expect(kinds).not.toContain('debrief');
    });

    it('a conversation after the pause keeps its nudges; a prep inside the pause moves after it', () => {
      // Paused until Thursday 08:00; conversation Thursday 14:00 → prep Thursday 09:00 instead of Wednesday.
      const p = prefs(NY, { pausedUntil: at('2026-03-12T08:00', NY) });
      const plan = planNudges(busy(p), now, ALL);
      expect(iso(one(plan, 'prep').dueAt)).toBe(iso(at('2026-03-12T09:00', NY)));
      expect(iso(one(plan, 'wrap_up').dueAt)).toBe(iso(at('2026-03-12T14:18', NY)));
      expect(iso(one(plan, 'debrief').dueAt)).toBe(iso(at('2026-03-12T15:20', NY)));
    });

    it('a prep pushed too close to the conversation falls back to 2 h before (or the pause end)', () => {
      const s = (pausedUntil: Date) =>
        snap(prefs(NY, { pausedUntil }), {
          conversations: [
            conv('v1', 'c1', {
              scheduledAt: at('2026-03-12T10:00', NY),
              createdAt: at('2026-03-02T10:00', NY),
            }),
          ],
        });
      expect(iso(one(planNudges(s(at('2026-03-12T07:00', NY)), now, ALL), 'prep').dueAt)).toBe(
        iso(at('2026-03-12T08:00', NY)),
      );
      expect(iso(one(planNudges(s(at('2026-03-12T08:30', NY)), now, ALL), 'prep').dueAt)).toBe(
        iso(at('2026-03-12T08:30', NY)),
      );
    });

    it('a pause that is over changes nothing', () => {
      const p = prefs(NY, { pausedUntil: at('2026-03-01T00:00', NY) });
      expect(planNudges(busy(p), now, ALL)).toEqual(planNudges(busy(prefs(NY)), now, ALL));
    });
  });
});

// ---- idempotence and re-checks ------------------------------------------------------------------------

describe('dedupe keys', () => {
  it('planning twice gives the same nudges; a later run keeps the keys of nudges still ahead', () => {
    const s = busy(prefs(NY));
    const now = at('2026-03-10T08:30', NY);
    const a = planNudges(s, now, ALL);
    const b = planNudges(structuredClone(s), new Date(now.getTime()), ALL);
    expect(b).toEqual(a);
    const keys = a.map((n) => n.dedupeKey);
    expect(new Set(keys).size).toBe(keys.length);
    for (const n of a) expect(n.dedupeKey).toBe(`${n.kind}:${n.subjectId ?? '-'}:${n.occurrence}`);
    const laterRun = planNudges(s, new Date(now.getTime() + HOUR), ALL);
    const future = a.filter((n) => n.dueAt.getTime() > now.getTime() + HOUR);
    expect(future.length).toBeGreaterThan(3);
    for (const n of future) {
      expect(laterRun.find((m) => m.dedupeKey === n.dedupeKey)?.dueAt).toEqual(n.dueAt);
    }
  });

  it('is sorted by due time', () => {
    const plan = planNudges(busy(prefs(NY)), at('2026-03-10T08:30', NY), ALL);
    for (let i = 1; i < plan.length; i++) {
      expect(plan[i]!.dueAt.getTime()).toBeGreaterThanOrEqual(plan[i - 1]!.dueAt.getTime());
    }
  });
});

describe('isStillWarranted and recheckNudge', () => {
  const heldAt = at('2026-03-10T10:00', NY);
  const base = () =>
    snap(prefs(NY), {
      contacts: [contact('c1', { stage: 'met' })],
      conversations: [conv('v1', 'c1', { heldAt })],
    });

  it('thank-you: warranted until sent', () => {
    const now = at('2026-03-10T12:00', NY);
    expect(isStillWarranted('thank_you', 'v1', base(), now)).toBe(true);
    expect(recheckNudge('thank_you', 'v1', base(), now, 'v1')).toEqual({ action: 'send' });
    const sent = base();
    sent.conversations[0]!.thankYouSentAt = at('2026-03-10T11:00', NY);
    expect(isStillWarranted('thank_you', 'v1', sent, now)).toBe(false);
    expect(recheckNudge('thank_you', 'v1', sent, now)).toEqual({ action: 'cancel' });
    expect(isStillWarranted('thank_you', 'other', base(), now)).toBe(false);
  });

  it('kind turned off: not warranted', () => {
    const s = base();
    s.prefs.kindsOff = ['thank_you'];
    expect(isStillWarranted('thank_you', 'v1', s, at('2026-03-10T12:00', NY))).toBe(false);
  });

  it('paused: not now, and recheck defers to after the pause instead of cancelling', () => {
    const s = base();
    s.prefs.pausedUntil = at('2026-03-12T00:00', NY);
    const now = at('2026-03-10T12:00', NY);
    expect(isStillWarranted('thank_you', 'v1', s, now)).toBe(false);
    expect(recheckNudge('thank_you', 'v1', s, now)).toEqual({
      action: 'defer',
      dueAt: at('2026-03-12T09:00', NY),
    });
  });

  it('changed working hours defer; a changed occurrence cancels', () => {
    const s = snap(prefs(NY), {
      contacts: [contact('c1', { stage: 'thanked', lastTouchAt: at('2026-01-05T10:00', NY) })],
    });
    const now = at('2026-04-06T09:00', NY);
    expect(recheckNudge('keep_in_touch', 'c1', s, now, '2026-01-05')).toEqual({ action: 'send' });
    s.prefs.workdayStartMinute = 600;
    expect(recheckNudge('keep_in_touch', 'c1', s, now, '2026-01-05')).toEqual({
      action: 'defer',
      dueAt: at('2026-04-06T10:00', NY),
    });
    s.contacts[0]!.lastTouchAt = at('2026-03-20T10:00', NY);
    expect(recheckNudge('keep_in_touch', 'c1', s, now, '2026-01-05')).toEqual({ action: 'cancel' });
    expect(isStillWarranted('keep_in_touch', 'c1', s, now, '2026-01-05')).toBe(false);
  });

  it('sending a few minutes after working hours end still sends (no lost nudge at the edge)', () => {
    const s = snap(prefs(NY), {
      contacts: [contact('c1', { stage: 'asked' })],
      asks: [ask('a1', 'c1', { sentAt: at('2026-03-03T17:29', NY) })],
    });
    expect(recheckNudge('follow_up', 'a1', s, at('2026-03-10T17:31', NY), 'a1')).toEqual({ action: 'send' });
  });

  it('follow-up: not warranted after a reply; prep: not after a reschedule', () => {
    const s = snap(prefs(NY), {
      contacts: [contact('c1', { stage: 'asked' })],
      asks: [ask('a1', 'c1', { sentAt: at('2026-03-03T10:00', NY) })],
      conversations: [
        conv('v1', 'c1', { scheduledAt: at('2026-03-20T10:00', NY), createdAt: at('2026-03-01T10:00', NY) }),
      ],
    });
    const now = at('2026-03-10T10:00', NY);
    expect(isStillWarranted('follow_up', 'a1', s, now, 'a1')).toBe(true);
    expect(isStillWarranted('prep', 'v1', s, now, '20260320T1400Z')).toBe(true);
    s.asks[0]!.repliedAt = now;
    s.conversations[0]!.scheduledAt = at('2026-03-21T10:00', NY);
    expect(isStillWarranted('follow_up', 'a1', s, now, 'a1')).toBe(false);
    expect(isStillWarranted('prep', 'v1', s, now, '20260320T1400Z')).toBe(false);
    expect(isStillWarranted('prep', 'v1', s, now)).toBe(true);
  });
});
