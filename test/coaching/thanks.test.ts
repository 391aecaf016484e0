import { describe, expect, it } from 'vitest';
import { thankYouDeadline } from '../../src/coaching/cadence';
import { countWords } from '../../src/coaching/text';
import {
  draftCloseTheLoop,
  draftKeepInTouch,
  draftThankYou,
  isThankYouOnTime,
  onTimeThankYouRate,
  THANK_YOU_VERSIONS,
  thankYouVersions,
} from '../../src/coaching/thanks';
import { conversation, hoursAfter, T0 } from '../support/coaching-fixtures';

describe('draftThankYou', () => {
  const text = draftThankYou({
    contactName: 'Jane Doe',
    action: 'Rewrite my portfolio around two case studies.',
    learned: 'She said that research portfolios should show one question from start to finish.',
    suggestedNames: ['Sam Lee', 'Priya'],
    senderName: 'Ana Lima',
  });

  it('names the one action, lower-case where it joins the sentence, and what they said, to them', () => {
    expect(text).toMatch(/^Hi Jane,/);
    expect(text).toContain(
      "I'm starting with one thing you suggested: rewrite my portfolio around two case studies.",
    );
    expect(text).toContain(
      'One thing has stayed with me: you said that research portfolios should show one question from start to finish.',
    );
  });

  it('thanks them for the names they suggested, by name', () => {
    expect(text).toContain('thank you for pointing me to Sam Lee and Priya');
  });

  it('promises an update, stays brief and is signed with the real name', () => {
    expect(text).toContain("I'll let you know how it goes");
    expect(countWords(text)).toBeLessThanOrEqual(90);
    expect(text).toMatch(/\n\nBest wishes,\nAna Lima$/);
  });

  it('leaves out what it was not given', () => {
    const plain = draftThankYou({ contactName: 'Jane', action: 'apply to the research course' });
    expect(plain).not.toContain('pointing me');
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
    ).toContain('pointing me to Sam, Priya and Lee;');
  });

  it('greets a titled name properly and names a referral once', () => {
    const titled = draftThankYou({
      contactName: 'Dr. Aisha Khan (Clinical UX, Mayo Clinic)',
      action: "I'll write up my classroom research as a case study.",
      suggestedNames: ['Omar Farouk'],
      senderName: 'Ana',
    });
    expect(titled).toMatch(/^Hi Dr\. Khan,/);
    expect(titled).toContain('one thing you suggested: write up my classroom research as a case study.');
    expect(titled.match(/Omar Farouk/g)).toHaveLength(1);
  });

  // Notes as students type them: third person, first person, fragments, long, capitals, punctuation.
  const NOTES = [
    'She taught herself to code while managing a café and now builds checkout services.',
    'I learned that he went from Army logistics to running supply-chain analytics.',
    'Her switch from audit to building forecasting dashboards.',
    'ran kitchens for ten years before moving into operations',
    'They think a portfolio case study matters more than a polished CV!!',
    'Diary studies with teachers taught her more than any survey; a portfolio case study matters more than a polished CV, and recruiters read the first paragraph only, which is why the summary has to carry the whole story of the work.',
    'You should always lead with the outcome.',
    'They said you should write every week.',
    'Research Portfolios Should Show One Question...',
    'Does she still mentor juniors?',
    'ask her about the design system team',
  ];

  it.each(NOTES)('weaves "%s" in to the reader, or leaves it out', (note) => {
    const draft = draftThankYou({
      contactName: 'Jane Doe',
      action: 'Write up my classroom research.',
      learned: note,
      senderName: 'Ana Lima',
    });
    const body = draft.split('\n\n')[1] ?? '';
    // Nothing about the reader in the third person, verbs agree with "you".
    expect(body).not.toMatch(/\b(she|he|her|his|him|herself|himself|they|their|themselves)\b/i);
    expect(body).not.toMatch(/\byou (is|was|has|does|builds|runs|thinks|goes|went\s+went)\b/i);
    expect(body).not.toMatch(/\byour (more|less)\b/);
    // No clipped sentence, no doubled punctuation, no placeholder, nothing pasted with its capital.
    expect(body).not.toMatch(/\b(a|an|the|to|and|of)\.|…|\.\.|[!?]\.|\[/);
    expect(body).not.toMatch(/: [A-Z][a-z]+ [a-z]/);
    expect(draft).toMatch(/\nAna Lima$/);
    expect(countWords(draft)).toBeLessThanOrEqual(110);
  });

  it('turns a third-person note into words to the reader', () => {
    const draft = draftThankYou({
      contactName: 'Jane Doe',
      action: 'x',
      learned: 'She taught herself to code while managing a café and now builds checkout services.',
    });
    expect(draft).toContain('you taught yourself to code while managing a café');
  });

  it('leaves a question or a note to self out rather than pasting it', () => {
    for (const learned of ['Does she still mentor juniors?', 'ask her about the design system team']) {
      const draft = draftThankYou({ contactName: 'Jane', action: 'x', learned });
      expect(draft).not.toContain('stayed with me');
      expect(draft).toContain('It helped a lot to hear how the work looks from the inside.');
    }
  });

  it('has other versions, each complete and signed', () => {
    const versions = thankYouVersions({
      contactName: 'Jane',
      action: 'rebuild my portfolio',
      suggestedNames: ['Omar'],
      senderName: 'Ana',
    });
    expect(versions).toHaveLength(THANK_YOU_VERSIONS);
    expect(new Set(versions).size).toBe(THANK_YOU_VERSIONS);
    for (const v of versions) {
      expect(v).toContain('rebuild my portfolio');
      expect(v).toContain('Omar');
      expect(v).toMatch(/\nAna$/);
    }
    expect(draftThankYou({ contactName: 'Jane', action: 'x', variant: THANK_YOU_VERSIONS })).toBe(
      draftThankYou({ contactName: 'Jane', action: 'x', variant: 0 }),
    );
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
  it('recalls the action and needs nothing filled in when the outcome is unknown', () => {
    const text = draftCloseTheLoop({
      contactName: 'Jane Doe',
      action: 'Rewrite my portfolio',
      senderName: 'Ana',
    });
    expect(text).toMatch(/^Hi Jane,/);
    expect(text).toContain('you suggested I rewrite my portfolio, and that');
    expect(text).not.toMatch(/[[\]]/);
    expect(text).toMatch(/\nAna$/);
  });

  it('reads right when the action is not a verb phrase', () => {
    const text = draftCloseTheLoop({ contactName: 'Jane', action: 'Figma basics.' });
    expect(text).toContain("I said I'd start with one thing you suggested: Figma basics.");
    expect(text).not.toContain('..');
  });

  it('uses the outcome when given', () => {
    const text = draftCloseTheLoop({
      contactName: 'Jane',
      action: 'rewrite my portfolio',
      outcome: 'two companies asked me to interview.',
      senderName: 'Ana',
    });
    expect(text).toContain('Here is how it went: two companies asked me to interview.');
    expect(text).not.toContain('[');
    expect(text).toMatch(/\nAna$/);
  });
});

describe('draftKeepInTouch', () => {
  it('says hello with no request in it', () => {
    const text = draftKeepInTouch({
      contactName: 'Jane Doe',
      lastAction: 'Rebuild my research portfolio.',
      news: 'I started a part-time research role',
    });
    expect(text).toContain('your advice to rebuild my research portfolio the other day');
    expect(text).toContain('I started a part-time research role.');
    expect(text).toContain('No need to reply');
    expect(text).not.toMatch(/could you|would you|minutes/i);
  });

  it('works with only a name', () => {
    expect(draftKeepInTouch({ contactName: 'Jane' })).toMatch(/^Hi Jane,\n\nI wanted to say hello\./);
  });
});
