import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toGoalProgress } from '../../src/coaching/goals';
import {
  dueNow,
  goalProgress,
  type NextAction,
  nextStep,
  pipelineByStage,
  stageEmoji,
  stageLabel,
} from '../../src/coaching/pipeline';
import type { AskData, ContactData, ConversationData } from '../../src/coaching/types';
import { STAGES } from '../../src/coaching/types';
import {
  ask,
  contact,
  conversation,
  daysAfter,
  hoursAfter,
  prefs,
  snapshot,
  T0,
} from '../support/coaching-fixtures';

const now = T0; // Monday 2025-03-03 09:00 UTC

interface Case {
  name: string;
  contact: ContactData;
  asks?: AskData[];
  conversations?: ConversationData[];
  tz?: string;
  label: string;
  action: NextAction;
}

const jane = (stage: ContactData['stage'], stageAt = now): ContactData =>
  contact({ id: 'jane', name: 'Jane Doe', stage, stageAt });
const sentAsk = (sentDaysAgo: number, extra: Partial<AskData> = {}): AskData =>
  ask({ id: 'ask1', contactId: 'jane', sentAt: daysAfter(now, -sentDaysAgo), ...extra });
const chat = (extra: Partial<ConversationData>): ConversationData =>
  conversation({ id: 'conv1', contactId: 'jane', ...extra });

const cases: Case[] = [
  { name: 'a target with nothing drafted', contact: jane('target'), label: 'Draft your ask', action: 'ask' },
  {
    name: 'a target with a draft not yet sent',
    contact: jane('target'),
    asks: [ask({ id: 'a', contactId: 'jane' })],
    label: 'Send the ask you drafted',
    action: 'ask',
  },
  {
    name: 'asked today',
    contact: jane('asked'),
    asks: [sentAsk(0)],
    label: 'Waiting for a reply (sent today)',
    action: 'none',
  },
  {
    name: 'asked three days ago',
    contact: jane('asked'),
    asks: [sentAsk(3)],
    label: 'Waiting for a reply (sent 3 days ago)',
    action: 'none',
  },
  {
    name: 'asked just under a week ago',
    contact: jane('asked'),
    asks: [ask({ id: 'a', contactId: 'jane', sentAt: hoursAfter(now, -7 * 24 + 1) })],
    label: 'Waiting for a reply (sent 6 days ago)',
    action: 'none',
  },
  {
    name: 'asked a week ago with no reply',
    contact: jane('asked'),
    asks: [sentAsk(7)],
    label: 'Send your one follow-up',
    action: 'follow_up',
  },
  {
    name: 'already followed up',
    contact: jane('asked'),
    asks: [sentAsk(10, { followedUpAt: daysAfter(now, -2) })],
    label: 'Followed up 2 days ago; nothing more to send',
    action: 'none',
  },
  {
    name: 'they replied',
    contact: jane('asked'),
    asks: [sentAsk(9, { repliedAt: daysAfter(now, -1) })],
    label: 'They replied: add the time you agreed',
    action: 'log',
  },
  {
    name: 'asked with no ask recorded: the stage date counts',
    contact: jane('asked', daysAfter(now, -8)),
    asks: [ask({ id: 'other', contactId: 'someone-else', sentAt: now })],
    label: 'Send your one follow-up',
    action: 'follow_up',
  },
  {
    name: 'the latest sent ask counts',
    contact: jane('asked'),
    asks: [sentAsk(12), ask({ id: 'ask2', contactId: 'jane', sentAt: daysAfter(now, -2) })],
    label: 'Waiting for a reply (sent 2 days ago)',
    action: 'none',
  },
  {
    name: 'a chat tomorrow, in the member’s timezone',
    contact: jane('scheduled'),
    conversations: [chat({ scheduledAt: new Date('2025-03-04T13:00:00Z') })],
    tz: 'Europe/Berlin',
    label: 'Prepare questions for Tue 14:00',
    action: 'prep',
  },
  {
    name: 'a chat more than a week away shows the date',
    contact: jane('scheduled'),
    conversations: [chat({ scheduledAt: new Date('2025-03-13T14:00:00Z') })],
    label: 'Prepare questions for Thu 13 Mar, 14:00',
    action: 'prep',
  },
  {
    name: 'the earliest upcoming chat wins, cancelled ones do not count',
    contact: jane('scheduled'),
    conversations: [
      chat({ id: 'later', scheduledAt: new Date('2025-03-06T10:00:00Z') }),
      chat({ id: 'cancelled', scheduledAt: new Date('2025-03-04T10:00:00Z'), cancelledAt: now }),
      chat({ id: 'sooner', scheduledAt: new Date('2025-03-05T10:00:00Z') }),
    ],
    label: 'Prepare questions for Wed 10:00',
    action: 'prep',
  },
  {
    name: 'a chat time that has passed',
    contact: jane('scheduled'),
    conversations: [chat({ scheduledAt: hoursAfter(now, -2) })],
    label: 'Log how the chat went',
    action: 'log',
  },
  {
    name: 'scheduled with no time recorded',
    contact: jane('scheduled'),
    label: 'Add the time you agreed',
    action: 'log',
  },
  {
    name: 'met, thank-you due',
    contact: jane('met'),
    conversations: [chat({ heldAt: hoursAfter(now, -2) })],
    label: 'Send your thank-you (by Tue 07:00)',
    action: 'thanks',
  },
  {
    name: 'met, thank-you late',
    contact: jane('met'),
    conversations: [chat({ heldAt: hoursAfter(now, -30) })],
    label: 'Send your thank-you; a late one is still welcome',
    action: 'thanks',
  },
  {
    name: 'met with nothing logged',
    contact: jane('met'),
    label: 'Log your notes from the chat',
    action: 'log',
  },
  {
    name: 'met and thanked, working on the action',
    contact: jane('met'),
    conversations: [
      chat({ heldAt: daysAfter(now, -3), thankYouSentAt: daysAfter(now, -3), action: 'Rewrite portfolio' }),
    ],
    label: 'Work on: Rewrite portfolio',
    action: 'none',
  },
  {
    name: 'thanked, with no action recorded',
    contact: jane('thanked'),
    conversations: [chat({ heldAt: daysAfter(now, -3), thankYouSentAt: daysAfter(now, -3) })],
    label: 'Put what you learned to work',
    action: 'none',
  },
  {
    name: 'thanked a month ago',
    contact: jane('thanked'),
    conversations: [chat({ heldAt: daysAfter(now, -31), thankYouSentAt: daysAfter(now, -31) })],
    label: 'Tell Jane how their advice played out',
    action: 'close_loop',
  },
  {
    name: 'loop closed',
    contact: jane('thanked'),
    conversations: [
      chat({
        heldAt: daysAfter(now, -60),
        thankYouSentAt: daysAfter(now, -60),
        loopClosedAt: daysAfter(now, -20),
      }),
    ],
    label: 'Keep in touch now and then',
    action: 'none',
  },
  { name: 'archived', contact: jane('archived'), label: 'Archived', action: 'none' },
];

describe('nextStep', () => {
  it.each(cases)('$name', (c) => {
    const step = nextStep(c.contact, { asks: c.asks ?? [], conversations: c.conversations ?? [] }, now, {
      tz: c.tz,
    });
    expect(step).toEqual({ label: c.label, action: c.action });
  });

  it('falls back to UTC for an unknown timezone', () => {
    const step = nextStep(
      jane('scheduled'),
      { asks: [], conversations: [chat({ scheduledAt: new Date('2025-03-04T13:00:00Z') })] },
      now,
      { tz: 'Not/AZone' },
    );
    expect(step.label).toBe('Prepare questions for Tue 13:00');
  });

  it('always gives a non-empty label for any stage and data', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...STAGES),
        fc.array(fc.integer({ min: -40, max: 40 }), { maxLength: 4 }),
        (stage, offsets) => {
          const conversations = offsets.map((d, i) =>
            chat({
              id: `c${i}`,
              scheduledAt: daysAfter(now, d),
              heldAt: d < 0 && i % 2 === 0 ? daysAfter(now, d) : null,
            }),
          );
          const asks = offsets.map((d, i) =>
            ask({ id: `a${i}`, contactId: 'jane', sentAt: daysAfter(now, -Math.abs(d)) }),
          );
          const step = nextStep(jane(stage), { asks, conversations }, now);
          expect(step.label.trim().length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe('stage labels', () => {
  it('has a label and emoji for every stage', () => {
    for (const stage of STAGES) {
      expect(stageLabel(stage).length).toBeGreaterThan(0);
      expect(stageEmoji(stage).length).toBeGreaterThan(0);
    }
    expect(new Set(STAGES.map(stageEmoji)).size).toBe(STAGES.length);
  });
});

describe('pipelineByStage', () => {
  it('lists every stage in order with counts, longest-waiting first, and each next step', () => {
    const snap = snapshot({
      contacts: [
        contact({ id: 'b', name: 'Bea', stage: 'target', stageAt: daysAfter(now, -1) }),
        contact({ id: 'a', name: 'Al', stage: 'target', stageAt: daysAfter(now, -5) }),
        contact({ id: 'c', name: 'Cy', stage: 'asked', stageAt: daysAfter(now, -8) }),
        contact({ id: 'z', name: 'Zed', stage: 'archived' }),
      ],
      asks: [ask({ id: 'x', contactId: 'c', sentAt: daysAfter(now, -8) })],
    });
    const pipeline = pipelineByStage(snap, now);
    expect(pipeline.map((s) => [s.stage, s.count])).toEqual([
      ['target', 2],
      ['asked', 1],
      ['scheduled', 0],
      ['met', 0],
      ['thanked', 0],
      ['declined', 0],
      ['archived', 1],
    ]);
    expect(pipeline[0]?.contacts.map((e) => e.contact.id)).toEqual(['a', 'b']);
    expect(pipeline[1]?.contacts[0]?.next).toEqual({ label: 'Send your one follow-up', action: 'follow_up' });
    expect(pipeline[0]?.label).toBe(stageLabel('target'));
    expect(pipeline[0]?.emoji).toBe(stageEmoji('target'));
  });
});

describe('goalProgress', () => {
  // Sunday evening in Los Angeles is already Monday in UTC.
  const sundayEveningLA = new Date('2025-03-03T05:00:00Z');
  const snap = (tz: string) =>
    snapshot({
      prefs: prefs({ tz, targetGoal: 8, weeklyConversationGoal: 2 }),
      contacts: [
        contact({ id: '1', stage: 'target' }),
        contact({ id: '2', stage: 'met' }),
        contact({ id: '3', stage: 'archived' }),
      ],
      conversations: [
        conversation({ id: 'A', contactId: '2', heldAt: new Date('2025-03-02T20:00:00Z') }),
        conversation({ id: 'B', contactId: '2', heldAt: new Date('2025-03-03T01:00:00Z') }),
        conversation({ id: 'C', contactId: '2', heldAt: new Date('2025-02-24T07:00:00Z') }),
        conversation({
          id: 'D',
          contactId: '2',
          heldAt: new Date('2025-03-02T21:00:00Z'),
          cancelledAt: new Date('2025-03-02T21:00:00Z'),
        }),
        conversation({ id: 'E', contactId: '1', scheduledAt: new Date('2025-03-03T07:00:00Z') }),
      ],
    });

  it('counts the week Monday to Sunday in the member’s timezone', () => {
    const la = goalProgress(snap('America/Los_Angeles'), sundayEveningLA);
    expect(la.conversationsThisWeek).toEqual({ have: 2, goal: 2, booked: 1 });
    expect(la.week.start.toISOString()).toBe('2025-02-24T08:00:00.000Z');
    expect(la.week.end.toISOString()).toBe('2025-03-03T08:00:00.000Z');

    const utc = goalProgress(snap('UTC'), sundayEveningLA);
    expect(utc.conversationsThisWeek).toEqual({ have: 1, goal: 2, booked: 1 });
    expect(utc.week.start.toISOString()).toBe('2025-03-03T00:00:00.000Z');
  });

  it('treats an unknown timezone as UTC', () => {
    expect(goalProgress(snap('Mars/Olympus'), sundayEveningLA).week.start.toISOString()).toBe(
      '2025-03-03T00:00:00.000Z',
    );
  });

  it('counts everyone not archived towards the target goal', () => {
    expect(goalProgress(snap('UTC'), now).targets).toEqual({ have: 2, goal: 8 });
  });

  it('includes the on-time thank-you rate', () => {
    const s = snapshot({
      conversations: [
        conversation({
          id: 'x',
          contactId: 'c',
          heldAt: daysAfter(now, -3),
          thankYouSentAt: daysAfter(now, -3),
        }),
        conversation({ id: 'y', contactId: 'c', heldAt: daysAfter(now, -5) }),
      ],
    });
    expect(goalProgress(s, now).onTimeThankYou).toEqual({ sent: 1, onTime: 1, missed: 1, rate: 0.5 });
  });

  it('counts held or booked conversations in the local Monday–Sunday week for /coach goal', () => {
    // Sunday 8 March 2026, 23:00 in New York is Monday 03:00 UTC: still the week of 2 March there.
    const sundayNightNY = new Date('2026-03-09T03:00:00Z');
    const s = snapshot({
      prefs: prefs({ tz: 'America/New_York', targetGoal: 8, weeklyConversationGoal: 2 }),
      contacts: [contact({ id: '1' }), contact({ id: '2' }), contact({ id: '3' })],
      conversations: [
        conversation({ id: 'a', contactId: '1', heldAt: new Date('2026-03-02T15:00:00Z') }),
        conversation({ id: 'b', contactId: '2', scheduledAt: new Date('2026-03-08T20:00:00Z') }),
        conversation({
          id: 'c',
          contactId: '3',
          scheduledAt: new Date('2026-03-07T20:00:00Z'),
          cancelledAt: new Date('2026-03-06T00:00:00Z'),
        }),
        // Sunday evening the week before, locally.
        conversation({ id: 'd', contactId: '1', heldAt: new Date('2026-03-02T03:00:00Z') }),
      ],
    });
    expect(toGoalProgress(goalProgress(s, sundayNightNY))).toEqual({
      have: 3,
      targetGoal: 8,
      thisWeek: 2,
      weeklyGoal: 2,
    });
  });
});

describe('dueNow', () => {
  const people = [
    contact({ id: 'thx', name: 'Tia', stage: 'met' }),
    contact({ id: 'late', name: 'Lou', stage: 'met' }),
    contact({ id: 'stale', name: 'Sal', stage: 'met' }),
    contact({ id: 'arch', name: 'Ari', stage: 'archived' }),
    contact({ id: 'soon', name: 'Sue', stage: 'scheduled' }),
    contact({ id: 'later', name: 'Lara', stage: 'scheduled' }),
    contact({ id: 'far', name: 'Fay', stage: 'scheduled' }),
    contact({ id: 'past', name: 'Pat', stage: 'scheduled' }),
    contact({ id: 'cxl', name: 'Cal', stage: 'scheduled' }),
    contact({ id: 'fu', name: 'Finn', stage: 'asked' }),
    contact({ id: 'wait', name: 'Wes', stage: 'asked' }),
    contact({ id: 'old', name: 'Olly', stage: 'asked' }),
    contact({ id: 'done', name: 'Dot', stage: 'asked' }),
    contact({ id: 'ref', name: 'Priya Patel', stage: 'thanked' }),
    contact({ id: 'new', name: 'Nia', stage: 'target', referredById: 'ref', createdAt: daysAfter(now, -1) }),
    contact({ id: 'asked-ref', name: 'Ray', stage: 'target', referredById: 'ref' }),
    contact({ id: 'plain', name: 'Pia', stage: 'target' }),
    contact({ id: 'loop', name: 'Leo', stage: 'thanked' }),
    contact({ id: 'closed', name: 'Cleo', stage: 'thanked' }),
  ];
  const snap = snapshot({
    contacts: people,
    conversations: [
      conversation({ id: 'c-thx', contactId: 'thx', heldAt: hoursAfter(now, -2) }),
      conversation({ id: 'c-late', contactId: 'late', heldAt: hoursAfter(now, -30) }),
      conversation({ id: 'c-stale', contactId: 'stale', heldAt: daysAfter(now, -10) }),
      conversation({ id: 'c-arch', contactId: 'arch', heldAt: hoursAfter(now, -2) }),
      conversation({ id: 'c-soon', contactId: 'soon', scheduledAt: hoursAfter(now, 3) }),
      conversation({ id: 'c-later', contactId: 'later', scheduledAt: daysAfter(now, 3) }),
      conversation({ id: 'c-far', contactId: 'far', scheduledAt: daysAfter(now, 10) }),
      conversation({ id: 'c-past', contactId: 'past', scheduledAt: daysAfter(now, -1) }),
      conversation({ id: 'c-cxl', contactId: 'cxl', scheduledAt: hoursAfter(now, 5), cancelledAt: now }),
      conversation({
        id: 'c-loop',
        contactId: 'loop',
        heldAt: daysAfter(now, -35),
        thankYouSentAt: daysAfter(now, -35),
      }),
      conversation({
        id: 'c-closed',
        contactId: 'closed',
        heldAt: daysAfter(now, -35),
        thankYouSentAt: daysAfter(now, -35),
        loopClosedAt: daysAfter(now, -1),
      }),
    ],
    asks: [
      ask({ id: 'a-fu', contactId: 'fu', sentAt: daysAfter(now, -8) }),
      ask({ id: 'a-wait', contactId: 'wait', sentAt: daysAfter(now, -3) }),
      ask({ id: 'a-old', contactId: 'old', sentAt: daysAfter(now, -30) }),
      ask({ id: 'a-done', contactId: 'done', sentAt: daysAfter(now, -9), followedUpAt: daysAfter(now, -2) }),
      ask({ id: 'a-ray', contactId: 'asked-ref', sentAt: daysAfter(now, -1) }),
    ],
  });

  const items = dueNow(snap, now);

  it('lists what is due, most urgent first, leaving out stale, archived and not-yet-due items', () => {
    expect(items.map((i) => [i.kind, i.contactId])).toEqual([
      ['thank_you', 'late'],
      ['thank_you', 'thx'],
      ['upcoming_chat', 'soon'],
      ['log_chat', 'past'],
      ['follow_up', 'fu'],
      ['referral', 'new'],
      ['upcoming_chat', 'later'],
      ['close_loop', 'loop'],
    ]);
  });

  it('labels each item with the person and, for deadlines, the time', () => {
    const byContact = new Map(items.map((i) => [i.contactId, i]));
    expect(byContact.get('thx')?.label).toBe('Thank Tia by Tue 07:00');
    expect(byContact.get('late')?.label).toBe('Thank Lou; a late note is still welcome');
    expect(byContact.get('new')?.label).toBe('Reach out to Nia: Priya suggested them');
    expect(byContact.get('soon')?.label).toBe('Chat with Sue Mon 12:00: prepare your questions');
    expect(byContact.get('fu')?.label).toBe('Send Finn your one follow-up');
  });

  it('marks only missed deadlines as overdue and links each item to its subject and action', () => {
    const late = items.find((i) => i.contactId === 'late');
    expect(late).toMatchObject({ overdue: true, subjectId: 'c-late', action: 'thanks' });
    expect(late?.dueAt.toISOString()).toBe(hoursAfter(now, -6).toISOString());
    expect(items.filter((i) => i.overdue).map((i) => i.contactId)).toEqual(['late']);
    expect(items.find((i) => i.contactId === 'fu')).toMatchObject({ subjectId: 'a-fu', action: 'follow_up' });
    expect(items.find((i) => i.contactId === 'new')).toMatchObject({ subjectId: 'new', action: 'ask' });
  });

  it('is empty for an empty snapshot', () => {
    expect(dueNow(snapshot(), now)).toEqual([]);
  });
});
