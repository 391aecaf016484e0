import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ASK_VARIANT_COUNT,
  type AskDraftInput,
  draftAsk,
  draftConnectionNote,
  draftFollowUp,
  FOLLOW_UP_VARIANT_COUNT,
  formatAskDraft,
  LINKEDIN_NOTE_CHAR_LIMIT,
} from '../../src/coaching/ask';
import { ASK_WORD_LIMIT, checkAsk, findJobAsk, requestedMinutes } from '../../src/coaching/ask-checker';
import { countWords } from '../../src/coaching/text';
import { ASK_CHANNELS } from '../../src/coaching/types';
import { toReader } from '../../src/coaching/voice';

const jane = {
  name: 'Jane Doe',
  role: 'UX researcher',
  company: 'Acme Health',
  why: 'she moved from teaching into research, like I hope to',
};

const base: AskDraftInput = {
  contact: jane,
  about: 'moving from teaching to UX research',
  channel: 'linkedin',
};

describe('draftAsk', () => {
  it('says who the student is, why this person, and asks for 20 minutes at their convenience', () => {
    const { body } = draftAsk(base);
    expect(body).toMatch(/^Hi Jane,/);
    expect(body).toContain("I'm moving from teaching to UX research.");
    expect(body).toContain('a UX researcher at Acme Health');
    expect(body).toContain('you moved from teaching into research');
    expect(body).toContain('20-minute');
    expect(body).toContain('whenever suits you');
    expect(body).toMatch(/coffee, phone call or video chat/);
  });

  it('passes the checker in every variant and channel', () => {
    for (const channel of ASK_CHANNELS) {
      for (let variant = 0; variant < ASK_VARIANT_COUNT; variant += 1) {
        const draft = draftAsk({ ...base, channel, variant, senderFirstName: 'Sam' });
        expect(checkAsk(draft.body, jane), `${channel} ${variant}`).toEqual(
          expect.objectContaining({ ok: true, issues: [] }),
        );
      }
    }
  });

  it('has at least three distinct wordings and cycles through them', () => {
    const bodies = Array.from(
      { length: ASK_VARIANT_COUNT },
      (_, variant) => draftAsk({ ...base, variant }).body,
    );
    expect(ASK_VARIANT_COUNT).toBeGreaterThanOrEqual(3);
    expect(new Set(bodies).size).toBe(ASK_VARIANT_COUNT);
    expect(draftAsk({ ...base, variant: ASK_VARIANT_COUNT }).body).toBe(bodies[0]);
    expect(draftAsk({ ...base, variant: -1 }).body).toBe(bodies[ASK_VARIANT_COUNT - 1]);
    expect(draftAsk({ ...base, variant: 1.7 }).body).toBe(bodies[1]);
  });

  it('opens with the referrer when someone suggested the contact', () => {
    for (let variant = 0; variant < ASK_VARIANT_COUNT; variant += 1) {
      const { body } = draftAsk({ ...base, variant, referredByName: 'Priya Patel' });
      const firstParagraph = body.split('\n\n')[1] ?? '';
      expect(firstParagraph).toMatch(/^Priya Patel suggested I (reach out|get in touch)/);
    }
  });

  it('gives email a subject line and other channels none', () => {
    expect(draftAsk({ ...base, channel: 'email' }).subject).toMatch(/\S/);
    expect(draftAsk({ ...base, channel: 'email', referredByName: 'Priya' }).subject).toBe(
      'Priya suggested I reach out',
    );
    for (const channel of ['linkedin', 'slack', 'other'] as const) {
      expect(draftAsk({ ...base, channel }).subject).toBeNull();
    }
  });

  it("signs off with the student's name in every channel", () => {
    expect(draftAsk({ ...base, channel: 'email', senderFirstName: 'Sam Rivera' }).body).toMatch(
      /\nSam Rivera$/,
    );
    expect(draftAsk({ ...base, channel: 'slack', senderFirstName: 'Sam Rivera' }).body).toMatch(
      /\nSam Rivera$/,
    );
    expect(draftAsk({ ...base, channel: 'slack', senderFirstName: null }).body).not.toMatch(/Thank you,$/);
  });

  it('names the referrer once in an email: in the subject, not again in the body', () => {
    const draft = draftAsk({ ...base, channel: 'email', referredByName: 'Priya Natarajan' });
    expect(draft.subject).toBe('Priya Natarajan suggested I reach out');
    expect(draft.body).not.toContain('Priya Natarajan');
  });

  it('weaves the why note in grammatically and says what the student hopes to learn', () => {
    const { body } = draftAsk({
      ...base,
      contact: {
        name: 'Dr. Aisha Khan (Clinical UX, Mayo Clinic)',
        role: 'Backend Engineer',
        company: 'Shopify',
        why: 'she taught herself to code while managing a café and now builds checkout services at Shopify',
      },
      about: "I manage a retail store and I'm moving into customer success",
    });
    expect(body).toMatch(/^Hi Dr\. Khan,/);
    expect(body).toContain("I manage a retail store and I'm moving into customer success.");
    expect(body).not.toContain("I'm I");
    expect(body).toContain(
      'you taught yourself to code while managing a café and now build checkout services.',
    );
    expect(body.match(/Shopify/g)?.length).toBe(1);
    expect(body).toContain('how you made that move');
    expect(body).not.toMatch(/\b(?:she|her|herself)\b/i);
  });

  it('uses the minutes asked for, kept within a short range', () => {
    expect(draftAsk({ ...base, minutes: 15 }).body).toContain('15-minute');
    expect(draftAsk({ ...base, minutes: 90 }).body).toContain('45-minute');
    expect(draftAsk({ ...base, minutes: 2 }).body).toContain('10-minute');
    expect(draftAsk({ ...base, minutes: Number.NaN }).body).toContain('20-minute');
  });

  it('offers one format when asked to', () => {
    expect(draftAsk({ ...base, format: 'phone' }).body).toContain('20-minute phone call');
    expect(draftAsk({ ...base, format: 'coffee' }).body).not.toContain('video');
  });

  it('tidies the about line and speaks to the contact', () => {
    const { body } = draftAsk({
      ...base,
      about: "I'm Moving from retail into data analysis.",
      contact: { ...jane, why: 'He built the analytics team from scratch' },
    });
    expect(body).toContain("I'm moving from retail into data analysis.");
    expect(body).toContain('you built the analytics team from scratch');
  });

  it('uses "an" where it sounds right', () => {
    expect(draftAsk({ ...base, contact: { ...jane, role: 'engineer' } }).body).toContain('an engineer');
    expect(draftAsk({ ...base, contact: { ...jane, role: 'SRE' } }).body).toContain('an SRE');
    expect(draftAsk({ ...base, contact: { ...jane, role: 'UX designer' } }).body).toContain('a UX designer');
  });

  it('still drafts something sensible with very little to go on', () => {
    const { body } = draftAsk({ contact: { name: '' }, about: null, channel: 'other' });
    expect(body).toMatch(/^Hi,/);
    expect(requestedMinutes(body)).toBe(20);
    expect(findJobAsk(body)).toBeNull();
  });

  it('keeps long inputs under the word limit by shortening them', () => {
    const long = Array.from({ length: 80 }, (_, i) => `detail${i}`).join(' ');
    const { body } = draftAsk({
      ...base,
      about: long,
      contact: { ...jane, why: long },
      referredByName: long,
    });
    expect(countWords(body)).toBeLessThanOrEqual(ASK_WORD_LIMIT);
    expect(requestedMinutes(body)).toBe(20);
  });

  it('formats subject and body together for copying', () => {
    const draft = draftAsk({ ...base, channel: 'email' });
    expect(formatAskDraft(draft)).toBe(`Subject: ${draft.subject}\n\n${draft.body}`);
    expect(formatAskDraft({ subject: null, body: 'Hello' })).toBe('Hello');
  });
});

// Reasonable member input: a few ordinary words per field.
const word = fc.constantFrom(
  'teaching',
  'retail',
  'nursing',
  'design',
  'research',
  'analytics',
  'product',
  'accessibility',
  'healthcare',
  'community',
  'Python',
  'Acme',
  'Globex',
  'open-source',
  'mobile',
);
const phrase = (min: number, max: number) =>
  fc.array(word, { minLength: min, maxLength: max }).map((ws) => ws.join(' '));
const personName = fc
  .tuple(
    fc.constantFrom('Jane', 'Sam', 'Priya', 'Lee', 'José', 'Zoë'),
    fc.constantFrom('Doe', 'Patel', 'Ng', ''),
  )
  .map(([a, b]) => `${a} ${b}`.trim());
const roleName = fc.constantFrom(
  'UX researcher',
  'data analyst',
  'software engineer',
  'product manager',
  'Head of Design',
  'SRE',
  'content strategist',
);

describe('draftAsk properties', () => {
  it('always fits the word limit and passes the checker for reasonable input', () => {
    fc.assert(
      fc.property(
        personName,
        fc.option(roleName, { nil: null }),
        fc.option(phrase(1, 3), { nil: null }),
        fc.option(phrase(1, 30), { nil: null }),
        phrase(0, 25),
        fc.constantFrom(...ASK_CHANNELS),
        fc.integer({ min: -5, max: 50 }),
        fc.option(personName, { nil: null }),
        (name, role, company, why, about, channel, variant, referredByName) => {
          // A reason to give: a role, a company, or a note that can be said to them (one that cannot is
          // left out, and then the checker rightly asks for a reason).
          fc.pre(role !== null || company !== null || (why !== null && toReader(why, { name }) !== null));
          const contact = { name, role, company, why };
          const draft = draftAsk({
            contact,
            about,
            channel,
            variant,
            referredByName,
            senderFirstName: 'Ana',
          });
          expect(countWords(draft.body)).toBeLessThanOrEqual(ASK_WORD_LIMIT);
          const result = checkAsk(draft.body, contact);
          expect(result.issues).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never exceeds the word limit, whatever the input', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 400 }),
        fc.string({ maxLength: 400 }),
        fc.string({ maxLength: 400 }),
        fc.string({ maxLength: 400 }),
        fc.string({ maxLength: 400 }),
        (name, role, why, about, referredByName) => {
          const { body } = draftAsk({
            contact: { name, role, why },
            about,
            channel: 'email',
            referredByName,
          });
          expect(countWords(body)).toBeLessThanOrEqual(ASK_WORD_LIMIT);
        },
      ),
    );
  });
});

describe('draftFollowUp', () => {
  it('is one short, guilt-free nudge that restates the time-boxed ask', () => {
    for (let variant = 0; variant < FOLLOW_UP_VARIANT_COUNT; variant += 1) {
      const text = draftFollowUp({ contact: jane, channel: 'email', variant, senderFirstName: 'Sam' });
      expect(text).toMatch(/^Hi Jane,/);
      expect(text).toMatch(/last week/);
      expect(text).not.toMatch(
        /haven't heard|didn't reply|no response|again and again|disappointed|sorry to bother/i,
      );
      expect(checkAsk(text, jane).issues).toEqual([]);
    }
  });

  it('has distinct wordings', () => {
    const texts = Array.from({ length: FOLLOW_UP_VARIANT_COUNT }, (_, variant) =>
      draftFollowUp({ contact: jane, channel: 'linkedin', variant }),
    );
    expect(new Set(texts).size).toBe(FOLLOW_UP_VARIANT_COUNT);
  });

  it('mentions the referrer when there is one, and the right place for the message', () => {
    expect(draftFollowUp({ contact: jane, channel: 'linkedin', referredByName: 'Priya' })).toContain(
      'Priya suggested I reach out',
    );
    expect(draftFollowUp({ contact: jane, channel: 'email' })).toContain('inbox');
    expect(draftFollowUp({ contact: jane, channel: 'slack' })).toContain('messages');
  });
});

describe('draftConnectionNote', () => {
  it('fits the LinkedIn note limit and passes the checker', () => {
    const note = draftConnectionNote({ contact: jane, about: 'moving from teaching to UX research' });
    expect(note.length).toBeLessThanOrEqual(LINKEDIN_NOTE_CHAR_LIMIT);
    expect(note).toContain('you moved from teaching into research');
    expect(checkAsk(note, jane).issues).toEqual([]);
  });

  it('drops the detail, not the ask, when the note would be too long', () => {
    const note = draftConnectionNote({
      contact: { ...jane, why: Array.from({ length: 30 }, () => 'inspiring').join(' ') },
      about: 'moving from eleven years of secondary school teaching into qualitative UX research',
      referredByName: 'Priya Patel',
    });
    expect(note.length).toBeLessThanOrEqual(LINKEDIN_NOTE_CHAR_LIMIT);
    expect(note).toContain('20-minute chat');
    expect(note).not.toContain('inspiring');
  });

  it('never exceeds the limit', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.string({ maxLength: 300 }), (role, about) => {
        const note = draftConnectionNote({ contact: { name: 'Jane', role, company: role }, about });
        expect(note.length).toBeLessThanOrEqual(LINKEDIN_NOTE_CHAR_LIMIT);
      }),
    );
  });
});
