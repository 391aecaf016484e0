// One source for every timing rule: the App Home (each person's next step, the due list) and the
// nudges read their dates from src/coaching/cadence, so for the same data they agree on when a step
// is due, also across a DST switch (where "7 days later" is not 7 × 24 hours).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLOSE_LOOP_AFTER_DAYS,
  closeLoopDueAt,
  conversationEnd,
  FOLLOW_UP_AFTER_DAYS,
  followUpDueAt,
  KEEP_IN_TOUCH_EVERY_DAYS,
  keepInTouchDueAt,
  REFERRAL_AFTER_DAYS,
  referralDueAt,
  STALE_AFTER_MS,
  THANK_YOU_MIN_LEAD_MS,
  THANK_YOU_WITHIN_MS,
  thankYouDeadline,
  thankYouExpiresAt,
  wrapUpAt,
} from '../../src/coaching/cadence';
import { planNudges, recheckNudge } from '../../src/coaching/nudge-rules';
import { type DueKind, dueNow, type NextStep, nextStep } from '../../src/coaching/pipeline';
import { formatWhen, isoLocalDate, nextWorkingMoment } from '../../src/coaching/time';
import type {
  AskData,
  ContactData,
  ConversationData,
  MemberSnapshot,
  NudgeKind,
} from '../../src/coaching/types';
import { ask, at, contact, conversation, prefs, snapshot } from '../support/coaching-fixtures';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NY = 'America/New_York';
const BERLIN = 'Europe/Berlin';
const ALL = { horizonMs: Number.POSITIVE_INFINITY };

const msBefore = (d: Date, ms = 1): Date => new Date(d.getTime() - ms);
const msAfter = (d: Date, ms = 1): Date => new Date(d.getTime() + ms);

/** What the Home shows for the one contact in `snap` at `now`: its next step and its due-list kinds. */
function home(snap: MemberSnapshot, now: Date): { next: NextStep; due: Map<DueKind, Date> } {
  const [person] = snap.contacts;
  if (!person) throw new Error('no contact');
  const next = nextStep(person, snap, now, { tz: snap.prefs.tz });
  return { next, due: new Map(dueNow(snap, now).map((item) => [item.kind, item.dueAt])) };
}

/** The nudge of `kind` the rules plan for `snap` (planned at `now`), if any. */
function nudge(snap: MemberSnapshot, now: Date, kind: NudgeKind): Date | undefined {
  return planNudges(snap, now, ALL).find((n) => n.kind === kind)?.dueAt;
}

describe('the rules', () => {
  it('counts days in the member’s calendar, keeping the wall-clock time across a DST switch', () => {
    // New York moves its clocks on Sunday 9 March 2025: that week is 167 hours long.
    const sent = at('2025-03-03T10:00', NY);
    expect(followUpDueAt(sent, NY)).toEqual(at('2025-03-10T10:00', NY));
    expect(followUpDueAt(sent, NY).getTime() - sent.getTime()).toBe(FOLLOW_UP_AFTER_DAYS * DAY - HOUR);
    const held = at('2025-03-20T14:00', BERLIN);
    expect(closeLoopDueAt(held, BERLIN)).toEqual(at('2025-04-19T14:00', BERLIN));
    expect(referralDueAt(held, BERLIN)).toEqual(at('2025-03-22T14:00', BERLIN));
    expect(keepInTouchDueAt(held, BERLIN)).toEqual(at('2025-06-18T14:00', BERLIN));
    // An unknown zone counts in UTC.
    expect(followUpDueAt(sent, 'Not/AZone').getTime() - sent.getTime()).toBe(7 * DAY);
  });

  it('states the method’s numbers', () => {
    expect([
      FOLLOW_UP_AFTER_DAYS,
      CLOSE_LOOP_AFTER_DAYS,
      KEEP_IN_TOUCH_EVERY_DAYS,
      REFERRAL_AFTER_DAYS,
    ]).toEqual([7, 30, 90, 2]);
    const held = new Date('2025-03-03T09:00:00Z');
    expect(thankYouDeadline(held).getTime() - held.getTime()).toBe(24 * HOUR);
    expect(THANK_YOU_WITHIN_MS).toBe(24 * HOUR);
    expect(thankYouExpiresAt(held).getTime() - held.getTime()).toBe(STALE_AFTER_MS.thank_you);
  });

  it('ends a chat after the time asked for, and offers to wrap up two minutes before', () => {
    const start = new Date('2025-03-03T15:00:00Z');
    expect(conversationEnd(start, 30)).toEqual(new Date('2025-03-03T15:30:00Z'));
    expect(conversationEnd(start, 0)).toEqual(new Date('2025-03-03T15:20:00Z')); // unknown length: 20 min
    expect(wrapUpAt(start, 30)).toEqual(new Date('2025-03-03T15:28:00Z'));
    expect(wrapUpAt(start, 1)).toEqual(start);
  });
});

describe('the Home and the nudges agree', () => {
  describe('the one follow-up, a week after an unanswered ask', () => {
    const sent = at('2025-03-03T10:00', NY); // a Monday, inside working hours; DST starts on the 9th
    const data = (over: Partial<AskData> = {}): MemberSnapshot =>
      snapshot({
        prefs: prefs({ tz: NY }),
        contacts: [contact({ id: 'jane', name: 'Jane Doe', stage: 'asked', stageAt: sent })],
        asks: [ask({ id: 'ask1', contactId: 'jane', createdAt: sent, sentAt: sent, ...over })],
      });

    it('is due at the same moment for both', () => {
      const due = followUpDueAt(sent, NY);
      expect(nudge(data(), sent, 'follow_up')).toEqual(due);

      const waiting = home(data(), msBefore(due));
      expect(waiting.next.action).toBe('none');
      expect(waiting.due.has('follow_up')).toBe(false);
      expect(recheckNudge('follow_up', 'ask1', data(), msBefore(due)).action).toBe('defer');

      const time = home(data(), due);
      expect(time.next).toEqual({ label: 'Send your one follow-up', action: 'follow_up' });
      expect(time.due.get('follow_up')).toEqual(due);
      expect(recheckNudge('follow_up', 'ask1', data(), due).action).toBe('send');
    });

    it('is over for both once they replied or it was sent', () => {
      const due = followUpDueAt(sent, NY);
      for (const over of [{ repliedAt: msAfter(sent, DAY) }, { followedUpAt: due }]) {
        const snap = data(over);
        expect(home(snap, msAfter(due)).next.action).not.toBe('follow_up');
        expect(home(snap, msAfter(due)).due.has('follow_up')).toBe(false);
        expect(nudge(snap, msAfter(due), 'follow_up')).toBeUndefined();
      }
    });

    it('when the nudge goes out, the Home says the follow-up is due (any zone, any time)', () => {
      const zones = [NY, BERLIN, 'America/Los_Angeles', 'Asia/Kolkata', 'Pacific/Auckland', 'UTC'];
      fc.assert(
        fc.property(
          fc.constantFrom(...zones),
          fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2026, 11, 31) }),
          (tz, t) => {
            const sentAt = new Date(t);
            const snap = snapshot({
              prefs: prefs({ tz }),
              contacts: [contact({ id: 'c', name: 'Cy Moss', stage: 'asked', stageAt: sentAt })],
              asks: [ask({ id: 'a', contactId: 'c', createdAt: sentAt, sentAt })],
            });
            const due = followUpDueAt(sentAt, tz);
            const sendAt = nudge(snap, sentAt, 'follow_up');
            expect(sendAt).toEqual(nextWorkingMoment(due, snap.prefs));
            expect(home(snap, msBefore(due)).next.action).toBe('none');
            const shown = home(snap, sendAt!);
            expect(shown.next.action).toBe('follow_up');
            expect(shown.due.get('follow_up')).toEqual(due);
          },
        ),
      );
    });
  });

  describe('closing the loop, 30 days after the conversation', () => {
    const held = at('2025-03-24T14:00', BERLIN); // a Monday; Berlin's clocks move on 30 March
    const data = (over: Partial<ConversationData> = {}, stage: ContactData['stage'] = 'thanked') =>
      snapshot({
        prefs: prefs({ tz: BERLIN }),
        contacts: [contact({ id: 'jane', name: 'Jane Doe', stage, stageAt: held, lastTouchAt: held })],
        conversations: [
          conversation({ id: 'v1', contactId: 'jane', heldAt: held, thankYouSentAt: held, ...over }),
        ],
      });

    it('is due at the same moment for both', () => {
      const due = closeLoopDueAt(held, BERLIN);
      expect(due.getTime() - held.getTime()).toBe(30 * DAY - HOUR);
      expect(nudge(data(), held, 'close_loop')).toEqual(due);

      const early = home(data(), msBefore(due));
      expect(early.next.action).toBe('none');
      expect(early.due.has('close_loop')).toBe(false);

      const time = home(data(), due);
      expect(time.next).toEqual({ label: 'Tell Jane how their advice played out', action: 'close_loop' });
      expect(time.due.get('close_loop')).toEqual(due);
      expect(recheckNudge('close_loop', 'v1', data(), due).action).toBe('send');
    });

    it('goes stale for both at the same moment (its time inside working hours)', () => {
      const due = closeLoopDueAt(held, BERLIN);
      const stale = msAfter(due, STALE_AFTER_MS.close_loop);
      expect(home(data(), msBefore(stale)).due.has('close_loop')).toBe(true);
      expect(nudge(data(), msBefore(stale), 'close_loop')).toEqual(msBefore(stale));
      expect(home(data(), stale).due.has('close_loop')).toBe(false);
      expect(nudge(data(), stale, 'close_loop')).toBeUndefined();
    });

    it('then both turn to keeping in touch, every 90 days after the last touch', () => {
      const closed = closeLoopDueAt(held, BERLIN);
      const snap = snapshot({
        ...data({ loopClosedAt: closed }),
        contacts: [
          contact({ id: 'jane', name: 'Jane Doe', stage: 'thanked', stageAt: held, lastTouchAt: closed }),
        ],
      });
      const shown = home(snap, msAfter(closed));
      expect(shown.next).toEqual({ label: 'Keep in touch now and then', action: 'none' });
      expect(shown.due.has('close_loop')).toBe(false);
      expect(nudge(snap, msAfter(closed), 'close_loop')).toBeUndefined();
      const next = planNudges(snap, msAfter(closed), ALL).find((n) => n.kind === 'keep_in_touch');
      expect(next?.dueAt).toEqual(nextWorkingMoment(keepInTouchDueAt(closed, BERLIN), snap.prefs));
      expect(next?.occurrence).toBe(isoLocalDate(closed, BERLIN));
    });
  });

  describe('the thank-you, within 24 hours', () => {
    const held = at('2025-03-04T15:00', NY); // a Tuesday afternoon
    const data = (over: Partial<ConversationData> = {}): MemberSnapshot =>
      snapshot({
        prefs: prefs({ tz: NY }),
        contacts: [contact({ id: 'jane', name: 'Jane Doe', stage: 'met', stageAt: held })],
        conversations: [conversation({ id: 'v1', contactId: 'jane', heldAt: held, ...over })],
      });

    it('has one deadline: the Home names it and the nudge comes before it', () => {
      const deadline = thankYouDeadline(held);
      const now = msAfter(held, HOUR);
      const shown = home(data(), now);
      expect(shown.next).toEqual({
        label: `Send your thank-you (by ${formatWhen(deadline, NY, now)})`,
        action: 'thanks',
      });
      expect(shown.due.get('thank_you')).toEqual(deadline);
      const sendAt = nudge(data(), held, 'thank_you');
      expect(sendAt!.getTime()).toBeGreaterThan(held.getTime());
      expect(sendAt!.getTime()).toBeLessThanOrEqual(deadline.getTime() - THANK_YOU_MIN_LEAD_MS);
    });

    it('a late one is still welcome to both, until a week after the conversation', () => {
      const expires = thankYouExpiresAt(held);
      const late = msAfter(thankYouDeadline(held), HOUR);
      expect(home(data(), late).next.label).toBe('Send your thank-you; a late one is still welcome');
      expect(home(data(), late).due.has('thank_you')).toBe(true);
      expect(nudge(data(), late, 'thank_you')).toEqual(late);

      expect(home(data(), msBefore(expires)).due.has('thank_you')).toBe(true);
      expect(nudge(data(), msBefore(expires), 'thank_you')).toBeDefined();
      expect(home(data(), expires).due.has('thank_you')).toBe(false);
      expect(nudge(data(), expires, 'thank_you')).toBeUndefined();
    });

    it('is over for both once sent', () => {
      const snap = data({ thankYouSentAt: msAfter(held, HOUR) });
      const now = msAfter(held, 2 * HOUR);
      expect(home(snap, now).next.action).not.toBe('thanks');
      expect(home(snap, now).due.has('thank_you')).toBe(false);
      expect(nudge(snap, now, 'thank_you')).toBeUndefined();
    });
  });
});
