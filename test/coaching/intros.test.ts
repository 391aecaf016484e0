// Warm intros, the pure part: who fits a query (company or role, whole words, any case or accent,
// only people someone has met), how a query reads in a sentence, and the requester's draft.
import { describe, expect, it } from 'vitest';
import { checkAsk } from '../../src/coaching/ask-checker';
import {
  classmateAskText,
  draftIntroAsk,
  fieldMatches,
  type IntroCandidate,
  kindNoText,
  lookingFor,
  matchingContacts,
  matchKey,
  readIntroQuery,
  requestSentText,
  sameQuery,
} from '../../src/coaching/intros';

function candidate(over: Partial<IntroCandidate> & { name: string }): IntroCandidate {
  return { id: over.name, role: null, company: null, stage: 'met', ...over };
}

describe('matching a query', () => {
  it('compares whole words, ignoring case, accents and punctuation', () => {
    const key = matchKey('Acme');
    expect(fieldMatches('Acme Health', key)).toBe(true);
    expect(fieldMatches('ACME Corp.', key)).toBe(true);
    expect(fieldMatches('Acmé', key)).toBe(true);
    expect(fieldMatches('Acme, Inc.', key)).toBe(true);
    expect(fieldMatches('Acmeville Bank', key)).toBe(false);
    expect(fieldMatches('NotAcme', key)).toBe(false);
    expect(fieldMatches(null, key)).toBe(false);
    expect(fieldMatches('Senior UX Researcher', matchKey('ux researcher'))).toBe(true);
    expect(fieldMatches('UX Research Lead', matchKey('ux researcher'))).toBe(false);
    expect(fieldMatches('Café-Bar Group', matchKey('cafe bar'))).toBe(true);
  });

  it('finds people by company or role, and only people someone has met', () => {
    const people = [
      candidate({ name: 'Jane', company: 'Acme Health', role: 'UX Researcher' }),
      candidate({ name: 'Tom', company: 'Globex', role: 'Acme liaison', stage: 'thanked' }),
      candidate({ name: 'Raj', company: 'Acme', stage: 'target' }),
      candidate({ name: 'Ann', company: 'Acme', stage: 'asked' }),
      candidate({ name: 'Kim', company: 'Acme', stage: 'scheduled' }),
      candidate({ name: 'Old', company: 'Acme', stage: 'archived' }),
    ];
    expect(matchingContacts(people, 'acme').map((p) => p.name)).toEqual(['Jane', 'Tom']);
    expect(matchingContacts(people, 'ux researcher').map((p) => p.name)).toEqual(['Jane']);
    expect(matchingContacts(people, '   ')).toEqual([]);
  });
});

describe('reading the query', () => {
  it('tidies what was typed and refuses nothing or too much', () => {
    expect(readIntroQuery('  "Acme"  ')).toMatchObject({ ok: true, query: 'Acme' });
    expect(readIntroQuery('someone at Acme Health?')).toMatchObject({ ok: true, query: 'Acme Health' });
    expect(readIntroQuery('at Globex.')).toMatchObject({ ok: true, query: 'Globex' });
    expect(readIntroQuery('')).toEqual({ ok: false, problem: 'empty' });
    expect(readIntroQuery('?!')).toEqual({ ok: false, problem: 'empty' });
    expect(readIntroQuery('x'.repeat(81))).toEqual({ ok: false, problem: 'too_long' });
    expect(sameQuery('Acme', 'acme.')).toBe(true);
    expect(sameQuery('Acme', 'Acme Health')).toBe(false);
  });

  it('reads as a company unless it ends like a role, from its words alone', () => {
    expect(lookingFor('Acme')).toEqual({ kind: 'company', phrase: 'someone at Acme' });
    expect(lookingFor('Goldman Sachs')).toEqual({ kind: 'company', phrase: 'someone at Goldman Sachs' });
    expect(lookingFor('UX researcher')).toEqual({ kind: 'role', phrase: 'a UX researcher' });
    expect(lookingFor('engineering manager')).toEqual({ kind: 'role', phrase: 'an engineering manager' });
    expect(lookingFor('data scientists')).toEqual({ kind: 'role', phrase: 'data scientists' });
  });

  it('says the same to the requester whoever matched, and counts for the classmate', () => {
    expect(requestSentText(lookingFor('Acme'))).toBe(
      "I've asked classmates who might know someone at Acme. If one of them can introduce you, I'll send you the details in a DM.",
    );
    expect(classmateAskText('<@U1>', lookingFor('Acme'), 1)).toBe(
      '<@U1> is looking for someone at Acme — you know 1 person there. Would you introduce them?',
    );
    expect(classmateAskText('<@U1>', lookingFor('product manager'), 3)).toBe(
      '<@U1> is looking for a product manager — you know 3 people in that role. Would you introduce them?',
    );
    expect(kindNoText(lookingFor('Acme'))).toMatch(/^No introduction to someone at Acme this time: /);
  });
});

describe('the requester’s draft', () => {
  const jane = { name: 'Jane Doe', role: 'UX Researcher', company: 'Acme Health' };

  it('names the classmate once, from my cohort, is signed, and passes the ask check', () => {
    const text = draftIntroAsk({
      contact: jane,
      about: "I'm moving from teaching to UX research.",
      classmateName: 'Bob Meyer',
      senderFirstName: 'Alice',
    });
    expect(text).toBe(
      [
        'Hi Jane,',
        "Bob, from my cohort, suggested I reach out to you. I'm moving from teaching to UX research. Your work as a UX Researcher at Acme Health is what I'd like to understand better.",
        "I'd love to learn how you approach research day to day and how you got into it.",
        "Would you be open to a 20-minute coffee, phone call or video chat, whenever suits you? I'm happy to fit around your schedule. No worries at all if now isn't a good time.",
        'Thank you,\nAlice',
      ].join('\n\n'),
    );
    expect(checkAsk(text, { contactName: jane.name, role: jane.role, company: jane.company }).ok).toBe(true);
  });

  it('still reads well without an "about" line, a role, or the classmate’s name', () => {
    const noAbout = draftIntroAsk({
      contact: { name: 'Tom Berg', role: null, company: 'Globex' },
      about: null,
      classmateName: 'Fay',
      senderFirstName: 'Alice',
    });
    expect(noAbout).toContain(
      "Fay, from my cohort, suggested I reach out to you. I'm exploring a change of direction in my career. Your work at Globex is what I'd like to understand better.",
    );
    expect(noAbout).toContain("I'd love to learn how you got into this work");
    const nobody = draftIntroAsk({
      contact: jane,
      about: null,
      classmateName: null,
      senderFirstName: 'Alice',
    });
    expect(nobody).not.toContain('suggested');
    expect(nobody).not.toContain('cohort');
    expect(nobody.startsWith('Hi Jane,')).toBe(true);
  });
});
