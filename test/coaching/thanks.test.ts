import { describe, expect, it } from 'vitest';
import { thankYouDeadline } from '../../src/coaching/cadence';
import { countWords } from '../../src/coaching/text';
import {
  draftCloseTheLoop,
  draftKeepInTouch,
  draftThankYou,
  isThankYouOnTime,
  OUTCOME_PLACEHOLDER,
  onTimeThankYouRate,
} from '../../src/coaching/thanks';
import { conversation, hoursAfter, T0 } from '../support/coaching-fixtures';

describe('draftThankYou', () => {
  const text = draftThankYou({
    contactName: 'Jane Doe',
    action: 'Rewrite my portfolio around two case studies.',
    learned: 'how research findings get prioritised',
    suggestedNames: ['Sam Lee', 'Priya'],
    senderFirstName: 'Ana',
  });

  it('names the one action and something specific learned', () => {
    expect(text).toMatch(/^Hi Jane,/);
    expect(text).toContain('Rewrite my portfolio around two case studies.');
    expect(text).toContain('how research findings get prioritised');
  });

  it('thanks them for the names they suggested', () => {
    expect(text).toContain('suggesting Sam Lee and Priya');
  });

  it('promises an update and stays brief', () => {
    expect(text).toContain("I'll let you know how it goes");
    expect(countWords(text)).toBeLessThanOrEqual(90);
    expect(text).toMatch(/\nAna$/);
  });

  it('leaves out what it was not given', () => {
    const plain = draftThankYou({ contactName: 'Jane', action: 'apply to the research course' });
    expect(plain).not.toContain('suggesting');
    expect(plain).not.toContain('stayed with me');
    expect(plain).toContain('apply to the research course.');
    expect(plain).not.toContain('Best wishes');
  });

  it('keeps the action as typed, so product names survive', () => {
    expect(draftThankYou({ contactName: 'Jane', action: 'Figma basics!' })).toContain(': Figma basics.');
  });

  it('lists three or more names naturally', () => {
    expect(
      draftThankYou({ contactName: 'Jane', action: 'x', suggestedNames: ['Sam', ' ', 'Priya', 'Lee'] }),
    ).toContain('suggesting Sam, Priya and Lee.');
  });
});

describe('thank-you timing', () => {
  it('is due 24 hours after the conversation', () => {
    expect(thankYouDeadline(T0).toISOString()).toBe('2025-03-04T09:00:00.000Z');
  });

  it.each([
    [1, true],
    [23.9, true],
    [24, true],
    [24.01, false],
    [72, false],
  ])('sent %s hours later → on time: %s', (hours, onTime) => {
    expect(isThankYouOnTime(T0, hoursAfter(T0, hours))).toBe(onTime);
  });

  it('is not on time when not sent', () => {
    expect(isThankYouOnTime(T0, null)).toBe(false);
    expect(isThankYouOnTime(T0, undefined)).toBe(false);
  });
});

describe('onTimeThankYouRate', () => {
  const held = (id: string, sentAfterHours: number | null, extra = {}) =>
    conversation({
      id,
      contactId: 'c',
      heldAt: T0,
      thankYouSentAt: sentAfterHours === null ? null : hoursAfter(T0, sentAfterHours),
      ...extra,
    });

  it('is null with nothing to count', () => {
    expect(onTimeThankYouRate([])).toEqual({ sent: 0, onTime: 0, missed: 0, rate: null });
  });

  it('counts on-time thank-yous among those sent', () => {
    const result = onTimeThankYouRate([held('a', 2), held('b', 30), held('c', 20), held('d', null)]);
    expect(result).toEqual({ sent: 3, onTime: 2, missed: 0, rate: 2 / 3 });
  });

  it('with `now`, counts missed deadlines against the rate but not pending ones', () => {
    const late = conversation({ id: 'late', contactId: 'c', heldAt: hoursAfter(T0, -48) });
    const pending = conversation({ id: 'pending', contactId: 'c', heldAt: hoursAfter(T0, -2) });
    const result = onTimeThankYouRate([held('a', 2), late, pending], T0);
    expect(result).toEqual({ sent: 1, onTime: 1, missed: 1, rate: 0.5 });
  });

  it('ignores cancelled and not-yet-held conversations', () => {
    const result = onTimeThankYouRate([
      held('x', 1, { cancelledAt: T0 }),
      conversation({ id: 'y', contactId: 'c', scheduledAt: T0, thankYouSentAt: T0 }),
    ]);
    expect(result.rate).toBeNull();
  });
});

describe('draftCloseTheLoop', () => {
  it('recalls the action and leaves a placeholder for how it went', () => {
    const text = draftCloseTheLoop({ contactName: 'Jane Doe', action: 'Rewrite my portfolio' });
    expect(text).toMatch(/^Hi Jane,/);
    expect(text).toContain('Rewrite my portfolio');
    expect(text).toContain(OUTCOME_PLACEHOLDER);
  });

  it('uses the outcome when given', () => {
    const text = draftCloseTheLoop({
      contactName: 'Jane',
      action: 'rewrite my portfolio',
      outcome: 'two companies asked me to interview.',
      senderFirstName: 'Ana',
    });
    expect(text).toContain('Here is how it went: two companies asked me to interview.');
    expect(text).not.toContain(OUTCOME_PLACEHOLDER);
    expect(text).toMatch(/\nAna$/);
  });
});

describe('draftKeepInTouch', () => {
  it('says hello with no request in it', () => {
    const text = draftKeepInTouch({
      contactName: 'Jane Doe',
      lastTopic: 'your advice on research portfolios',
      news: 'I started a part-time research role',
    });
    expect(text).toContain('your advice on research portfolios');
    expect(text).toContain('I started a part-time research role.');
    expect(text).toContain('No need to reply');
    expect(text).not.toMatch(/could you|would you|minutes/i);
  });

  it('works with only a name', () => {
    expect(draftKeepInTouch({ contactName: 'Jane' })).toMatch(/^Hi Jane,\n\nI wanted to say hello\./);
  });
});
