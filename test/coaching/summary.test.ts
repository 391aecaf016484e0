import { describe, expect, it } from 'vitest';
import { weeklySummary } from '../../src/coaching/summary';
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

// Wednesday of the week that starts on Monday T0.
const now = daysAfter(T0, 2);

describe('weeklySummary', () => {
  it('welcomes a member with nothing yet', () => {
    const summary = weeklySummary(snapshot(), now);
    expect(summary.headline).toBe('A fresh start: add a few people you would love to learn from.');
    expect(summary.lines).toEqual([
      '🎯 0 of 8 people on your list, 8 to add',
      '☕ 0 of 2 conversations this week',
    ]);
  });

  it('reports progress, thank-yous, chains and what is due', () => {
    const snap = snapshot({
      contacts: [
        contact({ id: 'a', name: 'Jane Doe', stage: 'thanked' }),
        contact({ id: 'b', name: 'Sam Lee', stage: 'met', referredById: 'a' }),
        contact({ id: 'c', name: 'Priya Patel', stage: 'target', referredById: 'b' }),
        contact({ id: 'd', name: 'Lee Ng', stage: 'asked' }),
      ],
      conversations: [
        conversation({ id: 'x', contactId: 'a', heldAt: T0, thankYouSentAt: hoursAfter(T0, 3) }),
        conversation({ id: 'y', contactId: 'b', heldAt: hoursAfter(now, -3) }),
      ],
      asks: [ask({ id: 'k', contactId: 'd', sentAt: daysAfter(now, -1) })],
    });
    const summary = weeklySummary(snap, now);
    expect(summary.headline).toBe('You reached your goal this week: 2 conversations. Well done!');
    expect(summary.lines).toEqual([
      '🎯 4 of 8 people on your list, 4 to add',
      '☕ 2 of 2 conversations this week',
      '🙏 1 of 1 thank-you sent within a day (100%)',
      '🔗 Your longest chain of introductions: Jane → Sam → Priya (3 people)',
      '📌 Up next: 2 things',
      '• Thank Sam Lee by Thu 06:00',
      '• Reach out to Priya Patel: Sam suggested them',
    ]);
  });

  it('is encouraging part of the way there, and mentions booked chats', () => {
    const snap = snapshot({
      contacts: [contact({ id: 'a', name: 'Jane' }), contact({ id: 'b', name: 'Sam', stage: 'scheduled' })],
      conversations: [
        conversation({
          id: 'x',
          contactId: 'a',
          heldAt: daysAfter(now, -1),
          thankYouSentAt: daysAfter(now, -1),
        }),
        conversation({ id: 'y', contactId: 'b', scheduledAt: daysAfter(now, 1) }),
      ],
    });
    const summary = weeklySummary(snap, now);
    expect(summary.headline).toBe('1 conversation this week. Good momentum.');
    expect(summary.lines[1]).toBe('☕ 1 of 2 conversations this week, 1 more booked');
  });

  it('looks forward to booked chats when none are held yet', () => {
    const snap = snapshot({
      contacts: [contact({ id: 'b', name: 'Sam', stage: 'scheduled' })],
      conversations: [conversation({ id: 'y', contactId: 'b', scheduledAt: daysAfter(now, 1) })],
    });
    expect(weeklySummary(snap, now).headline).toBe('1 chat booked this week. Something to look forward to.');
  });

  it('gently suggests a next message when the list exists but the week is quiet', () => {
    const snap = snapshot({ contacts: [contact({ id: 'a', name: 'Jane' })] });
    expect(weeklySummary(snap, now).headline).toBe(
      'A new week: one short message could start your next conversation.',
    );
  });

  it('can look back at last week for a Monday digest', () => {
    const monday = daysAfter(T0, 7);
    const snap = snapshot({
      contacts: [contact({ id: 'a', name: 'Jane', stage: 'thanked' })],
      conversations: [
        conversation({ id: 'x', contactId: 'a', heldAt: daysAfter(T0, 1), thankYouSentAt: daysAfter(T0, 1) }),
      ],
    });
    expect(weeklySummary(snap, monday, { period: 'last_week' }).lines[1]).toBe(
      '☕ 1 of 2 conversations last week',
    );
    expect(weeklySummary(snap, monday).lines[1]).toBe('☕ 0 of 2 conversations this week');
  });

  it('limits the due list and says how many more', () => {
    const contacts = Array.from({ length: 5 }, (_, i) =>
      contact({
        id: `r${i}`,
        name: `Person ${i}`,
        stage: 'target',
        referredById: 'src',
        createdAt: daysAfter(T0, i),
      }),
    );
    const summary = weeklySummary(snapshot({ contacts }), now, { maxDueItems: 2 });
    expect(summary.lines.slice(-4)).toEqual([
      '📌 Up next: 5 things',
      '• Reach out to Person 0',
      '• Reach out to Person 1',
      '• …and 3 more',
    ]);
  });

  it('handles a zero weekly goal and a goal already met', () => {
    const snap = snapshot({
      prefs: prefs({ weeklyConversationGoal: 0, targetGoal: 1 }),
      contacts: [contact({ id: 'a', name: 'Jane' })],
    });
    const { lines } = weeklySummary(snap, now);
    expect(lines[0]).toBe('🎯 1 person on your list (goal: 1)');
    expect(lines[1]).toBe('☕ 0 conversations this week');
  });
});
