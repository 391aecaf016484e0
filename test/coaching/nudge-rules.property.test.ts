import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thankYouExpiresAt } from '../../src/coaching/cadence';
import { isStillWarranted, planNudges, recheckNudge } from '../../src/coaching/nudge-rules';
import { isWorkingMoment, localParts } from '../../src/coaching/time';
import {
  type AskData,
  type ContactData,
  type ConversationData,
  type MemberPrefs,
  type MemberSnapshot,
  NUDGE_KINDS,
  STAGES,
} from '../../src/coaching/types';
import { ask, contact, conversation } from '../support/coaching-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Local "N days later" can be an hour short of N × 24 h across a DST switch (half an hour on Lord Howe). */
const DST_SLACK = HOUR;
const ZONES = [
  'America/New_York',
  'America/Los_Angeles',
  'Europe/Berlin',
  'Asia/Kolkata',
  'Pacific/Auckland',
  'Australia/Lord_Howe',
  'UTC',
];
const NOW_MIN = Date.UTC(2026, 0, 1);
const NOW_MAX = Date.UTC(2026, 11, 31);

const prefsArb: fc.Arbitrary<MemberPrefs> = fc
  .record({
    tz: fc.constantFrom(...ZONES),
    start: fc.integer({ min: 0, max: 1200 }),
    length: fc.integer({ min: 60, max: 900 }),
    workDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
    kindsOff: fc.subarray([...NUDGE_KINDS], { maxLength: 3 }),
    pauseOffsetH: fc.option(fc.integer({ min: -72, max: 240 }), { nil: null }),
  })
  .map((r) => ({
    tz: r.tz,
    workdayStartMinute: r.start,
    workdayEndMinute: Math.min(1440, r.start + r.length),
    workDays: r.workDays,
    kindsOff: r.kindsOff,
    // Stored relative to now; resolved once `now` is known.
    pausedUntil: r.pauseOffsetH === null ? null : new Date(r.pauseOffsetH * HOUR),
    targetGoal: 8,
    weeklyConversationGoal: 2,
    about: null,
    name: null,
  }));

/** Offsets from now in hours, past and future. */
const offsetArb = fc.integer({ min: -24 * 120, max: 24 * 40 });
const maybeOffsetArb = fc.option(offsetArb, { nil: null });

const worldArb = fc.record({
  now: fc.integer({ min: NOW_MIN, max: NOW_MAX }),
  prefs: prefsArb,
  contacts: fc.array(
    fc.record({
      stage: fc.oneof(fc.constant('target' as const), fc.constantFrom(...STAGES)),
      referred: fc.boolean(),
      lastTouch: maybeOffsetArb,
      created: fc.integer({ min: -24 * 40, max: 0 }),
    }),
    { minLength: 1, maxLength: 5 },
  ),
  asks: fc.array(
    fc.record({
      contact: fc.nat(),
      sent: maybeOffsetArb,
      replied: fc.boolean(),
      followedUp: fc.boolean(),
    }),
    { maxLength: 4 },
  ),
  conversations: fc.array(
    fc.record({
      contact: fc.nat(),
      scheduled: fc.option(fc.integer({ min: -24 * 10, max: 24 * 20 }), { nil: null, freq: 4 }),
      held: fc.option(offsetArb, { nil: null, freq: 2 }),
      minutes: fc.constantFrom(15, 20, 30, 45),
      createdBefore: fc.integer({ min: 0, max: 24 * 20 }),
      thanked: fc.boolean(),
      loopClosed: fc.boolean(),
      cancelled: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    }),
    { maxLength: 5 },
  ),
});

type World = { snapshot: MemberSnapshot; now: Date };

type WorldSpec = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function build(w: WorldSpec): World {
  const now = new Date(w.now);
  const rel = (h: number) => new Date(w.now + h * HOUR + 7 * 60_000); // odd minutes on purpose
  const prefs: MemberPrefs = {
    ...w.prefs,
    pausedUntil: w.prefs.pausedUntil === null ? null : new Date(w.now + w.prefs.pausedUntil.getTime()),
  };
  const contacts: ContactData[] = w.contacts.map((c, i) =>
    contact({
      id: `c${i}`,
      name: `Contact ${i}`,
      stage: c.stage,
      stageAt: rel(c.created),
      referredById: c.referred && i > 0 ? 'c0' : null,
      lastTouchAt: c.lastTouch === null ? null : rel(c.lastTouch),
      createdAt: rel(c.created),
    }),
  );
  const asks: AskData[] = w.asks.map((a, i) =>
    ask({
      id: `a${i}`,
      contactId: `c${a.contact % contacts.length}`,
      createdAt: rel((a.sent ?? 0) - 1),
      sentAt: a.sent === null ? null : rel(a.sent),
      repliedAt: a.sent !== null && a.replied ? rel(a.sent + 30) : null,
      followedUpAt: a.sent !== null && a.followedUp ? rel(a.sent + 24 * 7) : null,
    }),
  );
  const conversations: ConversationData[] = w.conversations.map((c, i) => {
    const anchor = c.held ?? c.scheduled ?? 0;
    return conversation({
      id: `v${i}`,
      contactId: `c${c.contact % contacts.length}`,
      scheduledAt: c.scheduled === null ? null : rel(c.scheduled),
      heldAt: c.held === null ? null : rel(c.held),
      minutesRequested: c.minutes,
      thankYouSentAt: c.held !== null && c.thanked ? rel(c.held + 3) : null,
      loopClosedAt: c.held !== null && c.loopClosed ? rel(c.held + 24 * 20) : null,
      cancelledAt: c.cancelled ? rel(anchor - 1) : null,
      createdAt: rel(anchor - c.createdBefore),
    });
  });
  return { now, snapshot: { prefs, contacts, asks, conversations, skills: [], keywords: [] } };
}

const WORKING_KINDS = new Set(['referral', 'follow_up', 'close_loop', 'keep_in_touch']);

describe('planNudges properties', () => {
  it('due times respect now, the horizon, the pause, kinds off and working hours', () => {
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(worldArb, fc.constantFrom(0, 6 * HOUR, 36 * HOUR, 30 * DAY), (w, horizonMs) => {
        const { snapshot, now } = build(w);
        const plan = planNudges(snapshot, now, { horizonMs });
        const p = snapshot.prefs;
        const paused =
          p.pausedUntil !== null && p.pausedUntil.getTime() > now.getTime() ? p.pausedUntil : null;
        const conv = (id: string | null) => snapshot.conversations.find((c) => c.id === id);
        const askOf = (id: string | null) => snapshot.asks.find((a) => a.id === id);
        const contactOf = (id: string | null) => snapshot.contacts.find((c) => c.id === id);

        const keys = plan.map((n) => n.dedupeKey);
        expect(new Set(keys).size).toBe(keys.length);
        for (const n of plan) {
          seen.set(n.kind, (seen.get(n.kind) ?? 0) + 1);
          const due = n.dueAt.getTime();
          expect(n.dedupeKey).toBe(`${n.kind}:${n.subjectId ?? '-'}:${n.occurrence}`);
          expect(p.kindsOff).not.toContain(n.kind);
          expect(due).toBeGreaterThanOrEqual(now.getTime());
          expect(due).toBeLessThanOrEqual(now.getTime() + horizonMs);
          if (paused !== null) expect(due).toBeGreaterThanOrEqual(paused.getTime());
          if (WORKING_KINDS.has(n.kind)) expect(isWorkingMoment(n.dueAt, p)).toBe(true);

          switch (n.kind) {
            case 'thank_you': {
              const c = conv(n.subjectId)!;
              const held = c.heldAt!.getTime();
              expect(due).toBeGreaterThanOrEqual(held + 2 * HOUR);
              // In working hours unless the deadline forced it (deadline − 2 h) or it is late (now).
              const forced = due === held + 22 * HOUR || due === now.getTime();
              expect(isWorkingMoment(n.dueAt, p) || forced).toBe(true);
              // Past the point of sending it on time, a late thank-you waits for working hours (catch-up
              // never sends at night) but stays within the time it is still worth sending.
              const late = now.getTime() > held + 22 * HOUR;
              if (late) expect(due).toBeLessThanOrEqual(thankYouExpiresAt(c.heldAt!).getTime());
              else if (!forced && p.pausedUntil === null) expect(due).toBeLessThanOrEqual(held + 23 * HOUR);
              break;
            }
            case 'referral': {
              const c = contactOf(n.subjectId)!;
              expect(c.stage).toBe('target');
              // Two local days after the conversation with the referrer (or the contact's creation).
              const heldWithReferrer = snapshot.conversations
                .filter((v) => v.contactId === c.referredById && v.heldAt !== null && v.cancelledAt === null)
                .map((v) => v.heldAt!.getTime())
                .filter((t) => t <= c.createdAt.getTime());
              const base =
                heldWithReferrer.length > 0 ? Math.max(...heldWithReferrer) : c.createdAt.getTime();
              expect(due).toBeGreaterThanOrEqual(base + 2 * DAY - DST_SLACK);
              break;
            }
            case 'follow_up': {
              const a = askOf(n.subjectId)!;
              expect(a.repliedAt).toBeNull();
              expect(a.followedUpAt).toBeNull();
              expect(due).toBeGreaterThanOrEqual(a.sentAt!.getTime() + 7 * DAY - DST_SLACK);
              break;
            }
            case 'prep': {
              const c = conv(n.subjectId)!;
              expect(due).toBeLessThan(c.scheduledAt!.getTime());
              break;
            }
            case 'wrap_up': {
              const c = conv(n.subjectId)!;
              const start = c.scheduledAt!.getTime();
              expect(due).toBeGreaterThanOrEqual(start + (c.minutesRequested - 2) * 60_000);
              expect(due).toBeLessThan(start + c.minutesRequested * 60_000);
              break;
            }
            case 'debrief': {
              const c = conv(n.subjectId)!;
              expect(c.heldAt).toBeNull();
              expect(due).toBeGreaterThanOrEqual(
                c.scheduledAt!.getTime() + (c.minutesRequested + 60) * 60_000,
              );
              const minute = localParts(n.dueAt, p.tz).minuteOfDay;
              expect((minute >= 480 && minute < 1260) || isWorkingMoment(n.dueAt, p)).toBe(true);
              break;
            }
            case 'close_loop': {
              const c = conv(n.subjectId)!;
              expect(c.loopClosedAt).toBeNull();
              expect(due).toBeGreaterThanOrEqual(c.heldAt!.getTime() + 30 * DAY - DST_SLACK);
              break;
            }
            case 'keep_in_touch': {
              const c = contactOf(n.subjectId)!;
              expect(due).toBeGreaterThanOrEqual(c.lastTouchAt!.getTime() + 90 * DAY - DST_SLACK);
              break;
            }
            case 'weekly_summary':
              expect(n.subjectId).toBeNull();
              expect(n.occurrence).toMatch(/^\d{4}-W\d{2}$/);
              break;
          }
        }
      }),
      { numRuns: 500, ...(process.env.PROPERTY_SEED ? { seed: Number(process.env.PROPERTY_SEED) } : {}) },
    );
    // The generated worlds exercise every kind (the checks above are not vacuous).
    for (const kind of NUDGE_KINDS) expect(seen.get(kind) ?? 0, kind).toBeGreaterThan(3);
  });

  it('is deterministic, and every planned nudge is still warranted and never cancelled by a recheck', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const { snapshot, now } = build(w);
        const plan = planNudges(snapshot, now, { horizonMs: 30 * DAY });
        expect(
          planNudges(structuredClone(snapshot), new Date(now.getTime()), { horizonMs: 30 * DAY }),
        ).toEqual(plan);
        const paused =
          snapshot.prefs.pausedUntil !== null && snapshot.prefs.pausedUntil.getTime() > now.getTime();
        for (const n of plan) {
          expect(isStillWarranted(n.kind, n.subjectId, snapshot, now, n.occurrence)).toBe(!paused);
          const r = recheckNudge(n.kind, n.subjectId, snapshot, now, n.occurrence);
          expect(r.action).not.toBe('cancel');
          if (n.dueAt.getTime() <= now.getTime()) expect(r.action).toBe('send');
          if (r.action === 'defer') expect(r.dueAt.getTime()).toBe(n.dueAt.getTime());
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a longer horizon only adds nudges', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const { snapshot, now } = build(w);
        const short = planNudges(snapshot, now, { horizonMs: 6 * HOUR });
        expect(planNudges(snapshot, now)).toEqual(planNudges(snapshot, now, { horizonMs: 36 * HOUR }));
        const long = planNudges(snapshot, now, { horizonMs: 60 * DAY });
        for (const n of short) expect(long).toContainEqual(n);
      }),
      { numRuns: 200 },
    );
  });
});
