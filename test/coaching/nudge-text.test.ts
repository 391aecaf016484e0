import { describe, expect, it } from 'vitest';
import { NUDGE_ACTIONS, nudgeText, WHO_ELSE_QUESTION } from '../../src/coaching/nudge-text';
import { NUDGE_KINDS } from '../../src/coaching/types';

const NAG_WORDS = /\b(still haven't|you forgot|don't forget|reminder #|again|overdue|failed|should have)\b/i;

describe('nudgeText', () => {
  it.each(NUDGE_KINDS)('%s: short title, short body, no guilt, a known action', (kind) => {
    const t = nudgeText(kind, {
      contactName: 'Jane Park',
      referrerName: 'Sam',
      action: 'Start the SQL course',
      minutes: 20,
      when: 'Tue 14:00',
      weekly: {
        conversationsLastWeek: 1,
        weeklyConversationGoal: 2,
        targets: 5,
        targetGoal: 8,
        awaitingReplies: 2,
        upcoming: 1,
      },
    });
    expect(t.title.length).toBeGreaterThan(0);
    expect(t.title.length).toBeLessThanOrEqual(60);
    expect(t.body.length).toBeLessThanOrEqual(400);
    expect(`${t.title} ${t.body}`).not.toMatch(NAG_WORDS);
    expect(`${t.title} ${t.body}`).not.toMatch(/undefined|null|NaN|\[object/);
    if (t.primary !== undefined) {
      expect(Object.values(NUDGE_ACTIONS)).toContain(t.primary.action);
      expect(t.primary.label.length).toBeLessThanOrEqual(24);
    }
  });

  it('referral names who suggested whom and offers the ask draft', () => {
    const t = nudgeText('referral', { contactName: 'Raj', referrerName: 'Jane' });
    expect(t.title).toBe('Jane suggested Raj');
    expect(t.body).toBe(
      'Ready to draft your ask? Start by saying that Jane suggested you get in touch — it tells them why you’re writing.',
    );
    // Each name once between the title and the body, the referrer by first name.
    const titled = nudgeText('referral', { contactName: 'Sam Whitaker', referrerName: 'Dr. Aisha Khan' });
    expect(`${titled.title}\n${titled.body}`.match(/Sam Whitaker|Aisha Khan/g)).toHaveLength(2);
    expect(titled.body).toContain('saying that Aisha suggested');
    expect(t.primary).toEqual({ label: 'Draft ask', action: NUDGE_ACTIONS.draftAsk });
    expect(nudgeText('referral', { contactName: 'Raj' }).body).toBe(
      'Raj was suggested to you — ready to draft your ask?',
    );
  });

  it('wrap-up uses the minutes that were asked for and has no button', () => {
    const t = nudgeText('wrap_up', { minutes: 30 });
    expect(t.title).toBe('Nearly 30 minutes');
    expect(t.body).toContain('Nearly 30 minutes — offer to wrap up, as you asked for 30.');
    expect(t.primary).toBeUndefined();
    expect(nudgeText('wrap_up', { minutes: 0 }).title).toBe('Nearly 20 minutes');
  });

  it('thank-you and close-the-loop carry the action the member chose', () => {
    expect(nudgeText('thank_you', { contactName: 'Jane', action: 'Start the SQL course.' }).body).toContain(
      'naming what you’ll act on: start the SQL course.',
    );
    const close = nudgeText('close_loop', { contactName: 'Jane', action: 'Start the SQL course' });
    expect(close.body).toContain('Tell Jane how acting on “start the SQL course” went');
    expect(nudgeText('close_loop', { contactName: 'Jane' }).body).toContain('how their advice played out');
  });

  it('follow-up is polite and says it is the only one', () => {
    const t = nudgeText('follow_up', { contactName: 'Jane' });
    expect(t.title).toBe('No reply from Jane yet');
    expect(t.body).toMatch(/One polite follow-up/);
    expect(t.body).toMatch(/let it rest/);
  });

  it('prep lists up to seven questions, else reminds of the last question', () => {
    const questions = Array.from({ length: 9 }, (_, i) => `Question ${i + 1}?`);
    const t = nudgeText('prep', { contactName: 'Jane', when: 'Tue 14:00', questions, minutes: 20 });
    expect(t.body).toContain('You’re talking with Jane Tue 14:00.');
    expect(t.body).toContain('7. Question 7?');
    expect(t.body).not.toContain('Question 8?');
    expect(nudgeText('prep', { contactName: 'Jane' }).body).toContain(WHO_ELSE_QUESTION);
  });

  it('missing or blank names never break a sentence; long actions are clipped', () => {
    const t = nudgeText('debrief', { contactName: '   ' });
    expect(t.title).toBe('How did it go with your contact?');
    const long = 'word '.repeat(100);
    const body = nudgeText('close_loop', { contactName: 'Jane', action: long }).body;
    expect(body).toContain('…”');
    expect(body.length).toBeLessThan(260);
  });

  it('weekly summary shows the numbers and one next step', () => {
    const behind = nudgeText('weekly_summary', {
      weekly: {
        conversationsLastWeek: 0,
        weeklyConversationGoal: 2,
        targets: 8,
        targetGoal: 8,
        awaitingReplies: 0,
        upcoming: 0,
      },
    });
    expect(behind.body).toContain('Last week: 0 of 2 conversations.');
    expect(behind.body).toContain('People on your list: 8 of 8.');
    expect(behind.body).not.toContain('Waiting on');
    expect(behind.body).toContain('send one short ask');
    const fewTargets = nudgeText('weekly_summary', {
      weekly: {
        conversationsLastWeek: 2,
        weeklyConversationGoal: 2,
        targets: 3,
        targetGoal: 8,
        awaitingReplies: 1,
        upcoming: 0,
      },
    });
    expect(fewTargets.body).toContain('Waiting on 1 reply.');
    expect(fewTargets.body).toContain('add a target');
    expect(nudgeText('weekly_summary').body.length).toBeGreaterThan(0);
  });
});
