// The coaching-quality suite: for every persona, each text the student would send (the ask in every
// wording, the prep list, the thank-you, the ask to someone they were referred to, the update a month
// later), read as its recipient reads it. A failure quotes the sentence at fault.
import { describe, expect, it } from 'vitest';
import {
  ASK_VARIANT_COUNT,
  draftAsk,
  draftConnectionNote,
  draftFollowUp,
  FOLLOW_UP_VARIANT_COUNT,
  LINKEDIN_NOTE_CHAR_LIMIT,
} from '../../../src/coaching/ask';
import { checkAsk } from '../../../src/coaching/ask-checker';
import { nudgeText } from '../../../src/coaching/nudge-text';
import {
  chooseQuestions,
  flagSearchableQuestions,
  industryTag,
  listSizeProblem,
} from '../../../src/coaching/questions';
import { draftCloseTheLoop, draftThankYou, thankYouVersions } from '../../../src/coaching/thanks';
import type { AskChannel } from '../../../src/coaching/types';
import {
  asksForMinutes,
  clipped,
  describe as describeProblems,
  learningPurpose,
  missingSubject,
  type Problem,
  placeholders,
  pronounOverturned,
  readerProblems,
  refersTo,
  repeatedNames,
  subjectRepeatedInBody,
  type TextContext,
  thirdPersonAboutReader,
  withinWords,
  youAgreement,
} from './checks';
import { PERSONAS, type Persona } from './personas';

const SIGNED_CHANNELS: AskChannel[] = ['email', 'linkedin'];

/**
 * Slips found by this suite and reported to the owners of the text, not fixed yet: persona and text
 * → the checks left out for it until then. Every other check runs for them. Remove an entry as soon
 * as its text is fixed.
 */
const OPEN: Record<string, readonly string[]> = {
  // What they said is left out for a generic line though it can be turned ("she tests every page…").
  'content-health/thank-you': ['refers-to'],
  'ds-retail/thank-you': ['refers-to'],
  // "…reading new rules and explaining them to product teams": "them" may be the rules, so what they
  // said is left out rather than turned into "explaining you".
  'bank-to-compliance/thank-you': ['refers-to'],
};

function active(problems: readonly Problem[], key: string): Problem[] {
  const open = OPEN[key] ?? [];
  return problems.filter((x) => !open.includes(x.check));
}

function ok(problems: readonly Problem[]): void {
  expect(describeProblems(problems)).toEqual([]);
}

/** Capitalised words the student wrote mid-sentence (Army, SQL, Epic…): fine to keep capitalised. */
function properWordsOf(p: Persona): string[] {
  const notes = [p.contact.why, p.learned, p.action, p.student.about, p.contact.industry];
  const words = notes.flatMap((n) =>
    n
      .split(/(?<=[.!?])\s+/)
      .flatMap((s) => s.split(/\s+/).slice(1))
      .filter((w) => /^\p{Lu}/u.test(w)),
  );
  return [...words, p.contact.role, p.contact.company, p.contact.name, p.student.realName];
}

function contextFor(p: Persona, greetings: readonly string[], signed: boolean): TextContext {
  return {
    names: [p.contact.company, p.contact.role],
    people: [p.contact.name, p.student.realName],
    properWords: properWordsOf(p),
    greetings,
    ...(signed ? { signedBy: { realName: p.student.realName, handle: p.student.displayName } } : {}),
  };
}

function askFor(p: Persona, channel: AskChannel, variant: number) {
  return draftAsk({
    contact: { name: p.contact.name, role: p.contact.role, company: p.contact.company, why: p.contact.why },
    about: p.student.about,
    minutes: p.minutes,
    channel,
    variant,
    senderFirstName: p.student.realName,
  });
}

function prepFor(p: Persona): string[] {
  return chooseQuestions({
    role: p.contact.role,
    industry: p.contact.industry,
    why: p.contact.why,
    goal: p.student.about,
    seed: p.id,
  }).map((q) => q.text);
}

function thanksFor(p: Persona): string {
  return draftThankYou({
    contactName: p.contact.name,
    action: p.action,
    learned: p.learned,
    suggestedNames: p.referrals.map((r) => r.name),
    senderName: p.student.realName,
  });
}

const WHO_ELSE = /\b(?:who else|anyone else|someone else)\b/i;
// Questions that screen the student rather than teach them.
const SCREENING =
  /\blook for first\b|\bwhen you open someone's\b|\bhesitate about a candidate\b|\bred flags?\b|\bwould you hire\b/i;

// Words a question for this kind of role should use: proof that the list was picked for them.
const FAMILY_WORDS: Record<string, RegExp> = {
  design: /\b(?:research|design\w*|findings|users?|portfolio|methods?)\b/i,
  engineering: /\b(?:engineer\w*|code|coding|technical|systems?|on-call|pull requests?|reviews?)\b/i,
  data: /\b(?:data|sql|statistics|models?|analys\w+|dashboards?)\b/i,
  program: /\b(?:programs?|launch\w*|schedules?|risks?|dependencies|stakeholders?|teams)\b/i,
  'customer-success': /\b(?:customers?|clients?|onboarding|renewals?|accounts?|churn)\b/i,
  operations: /\b(?:operations|ops|process\w*|logistics|staffing|scheduling|efficien\w+)\b/i,
  content: /\b(?:content|writing|words|copy|editorial|style|plain language|readers?)\b/i,
  compliance: /\b(?:compliance|regulat\w+|rules?|audits?|risk|policies|privacy)\b/i,
  sales: /\b(?:sales|deals?|demos?|customers?|buyers?|pipeline|quota|calls?|prospects?)\b/i,
  clinical: /\b(?:clinic\w*|patients?|nurs\w+|ehr|health\w*|informatics|care)\b/i,
  policy: /\b(?:polic\w+|public|government|legislat\w+|memos?|council|city|agency)\b/i,
  product: /\b(?:product|roadmaps?|features?|customers?|priorit\w+)\b/i,
};

describe.each(PERSONAS.map((p) => [p.id, p] as const))('%s', (_id, p) => {
  it('the ask reads as a careful student wrote it, in every wording and channel', () => {
    const found: string[] = [];
    for (const channel of SIGNED_CHANNELS) {
      for (let variant = 0; variant < ASK_VARIANT_COUNT; variant += 1) {
        const draft = askFor(p, channel, variant);
        const problems = [
          ...readerProblems(draft.body, contextFor(p, p.greetings, true)),
          ...pronounOverturned(p.contact.why, draft.body),
          ...learningPurpose(draft.body),
          ...asksForMinutes(draft.body, p.minutes),
          ...withinWords(draft.body, 120),
          ...(draft.subject ? subjectRepeatedInBody(draft.subject, draft.body) : []),
        ];
        found.push(...describeProblems(problems).map((d) => `${channel} #${variant}: ${d}`));
      }
    }
    expect(found).toEqual([]);
  });

  it('the checker marks the ask ready only when a careful reader would', () => {
    for (let variant = 0; variant < ASK_VARIANT_COUNT; variant += 1) {
      const { body } = askFor(p, 'email', variant);
      const check = checkAsk(body, {
        contactName: p.contact.name,
        role: p.contact.role,
        company: p.contact.company,
        why: p.contact.why,
      });
      if (p.minutes > 30) {
        expect(check.ok, body).toBe(false);
        expect(check.issues.map((i) => i.code)).toContain('no_time_box');
      } else {
        expect(check, body).toEqual(expect.objectContaining({ ok: true, issues: [] }));
      }
    }
  });

  it('the prep list: 5–7 learning questions for this role, ending with who else', () => {
    const questions = prepFor(p);
    expect(questions.length).toBeGreaterThanOrEqual(5);
    expect(questions.length).toBeLessThanOrEqual(7);
    expect(questions[questions.length - 1]).toMatch(WHO_ELSE);
    expect(questions.slice(0, -1).filter((q) => WHO_ELSE.test(q))).toEqual([]);
    expect(questions.filter((q) => SCREENING.test(q))).toEqual([]);
    for (const q of questions) {
      expect(q.trim().endsWith('?'), q).toBe(true);
      ok([...thirdPersonAboutReader(q), ...youAgreement(q), ...clipped(q), ...placeholders(q)]);
    }
    const family = FAMILY_WORDS[p.family];
    expect(family, `no words for ${p.family}`).toBeDefined();
    expect(
      questions.filter((q) => family?.test(q)),
      `a question for a ${p.contact.role}:\n${questions.join('\n')}`,
    ).not.toEqual([]);
    if (p.family === 'program') {
      expect(questions.filter((q) => /\bproduct\b/i.test(q))).toEqual([]);
    }
  });

  it('the thank-you: to them, in the student’s words, the one action, any referral by name, signed', () => {
    const text = thanksFor(p);
    expect(
      describeProblems(
        active(
          [
            ...readerProblems(text, contextFor(p, p.greetings, true)),
            ...pronounOverturned(p.learned, text),
            ...refersTo(p.learned, text),
          ],
          `${p.id}/thank-you`,
        ),
      ),
      text,
    ).toEqual([]);
    // The action, named (its distinctive words are there).
    const actionWords = p.action
      .toLowerCase()
      .split(/[^\p{L}-]+/u)
      .filter((w) => w.length >= 5);
    expect(
      actionWords.some((w) => text.toLowerCase().includes(w)),
      text,
    ).toBe(true);
    for (const referral of p.referrals) {
      expect(text, `thanks for ${referral.name}`).toMatch(
        new RegExp(`${referral.greetings.map((g) => g.replace('.', '\\.')).join('|')}|${referral.name}`),
      );
    }
    // What they said, rephrased: the student's note is not pasted whole.
    const learned = p.learned.replace(/[.\s]+$/, '');
    expect(text.includes(learned), text).toBe(false);
  });

  it('every other version of the thank-you reads as well', () => {
    const versions = thankYouVersions({
      contactName: p.contact.name,
      action: p.action,
      learned: p.learned,
      suggestedNames: p.referrals.map((r) => r.name),
      senderName: p.student.realName,
    });
    expect(versions.length).toBeGreaterThanOrEqual(2);
    expect(new Set(versions).size).toBe(versions.length);
    const found = versions.flatMap((text, i) =>
      describeProblems(
        active(
          [...readerProblems(text, contextFor(p, p.greetings, true)), ...pronounOverturned(p.learned, text)],
          `${p.id}/thank-you`,
        ),
      ).map((d) => `#${i}: ${d}`),
    );
    expect(found).toEqual([]);
  });

  it('the follow-up a week later and the LinkedIn connection note read as well', () => {
    const found: string[] = [];
    for (let variant = 0; variant < FOLLOW_UP_VARIANT_COUNT; variant += 1) {
      const text = draftFollowUp({
        contact: p.contact,
        minutes: p.minutes,
        channel: 'email',
        variant,
        senderFirstName: p.student.realName,
      });
      const problems = [
        ...readerProblems(text, contextFor(p, p.greetings, true)),
        ...asksForMinutes(text, p.minutes),
      ];
      found.push(
        ...describeProblems(active(problems, `follow-up#${variant}`)).map((d) => `#${variant}: ${d}`),
      );
    }
    const note = draftConnectionNote({ contact: p.contact, about: p.student.about, minutes: p.minutes });
    expect(note.length).toBeLessThanOrEqual(LINKEDIN_NOTE_CHAR_LIMIT);
    const { signedBy: _signed, ...unsigned } = contextFor(p, p.greetings, false);
    found.push(
      ...describeProblems([
        ...readerProblems(note, unsigned),
        ...pronounOverturned(p.contact.why, note),
        ...asksForMinutes(note, p.minutes),
      ]).map((d) => `note: ${d}`),
    );
    expect(found).toEqual([]);
  });

  it('the ask to each person they suggested, and the nudge that offers it', () => {
    for (const referral of p.referrals) {
      const draft = draftAsk({
        contact: { name: referral.name, role: referral.role, company: referral.company, why: null },
        about: p.student.about,
        minutes: 20,
        channel: 'email',
        referredByName: p.contact.name,
        senderFirstName: p.student.realName,
      });
      const ctx: TextContext = {
        names: [referral.company ?? '', referral.role ?? ''].filter(Boolean),
        people: [referral.name, p.contact.name],
        properWords: properWordsOf(p),
        greetings: referral.greetings,
        signedBy: { realName: p.student.realName, handle: p.student.displayName },
      };
      const problems = [
        ...readerProblems(draft.body, ctx),
        ...learningPurpose(draft.body),
        ...withinWords(draft.body, 120),
        ...subjectRepeatedInBody(draft.subject, draft.body),
      ];
      expect(describeProblems(problems), `${draft.subject}\n\n${draft.body}`).toEqual([]);

      const nudge = nudgeText('referral', { contactName: referral.name, referrerName: p.contact.name });
      expect(
        describeProblems([
          ...repeatedNames(nudge.body, [], [p.contact.name, referral.name]),
          // The title sits right above the body: together they are one breath.
          ...repeatedNames(`${nudge.title}. ${nudge.body}`, [], [p.contact.name]),
          ...placeholders(nudge.body),
          ...clipped(nudge.body),
        ]),
        `${nudge.title}\n${nudge.body}`,
      ).toEqual([]);
    }
  });

  it('closing the loop a month later leaves nothing to fill in', () => {
    for (const outcome of [null, 'I finished it and got two interviews from it']) {
      const text = draftCloseTheLoop({
        contactName: p.contact.name,
        action: p.action,
        outcome,
        senderName: p.student.realName,
      });
      ok([...readerProblems(text, contextFor(p, p.greetings, true)), ...missingSubject(text)]);
    }
  });
});

describe('prep lists are tailored', () => {
  it('two people in different industries and kinds of role do not get the same opening questions', () => {
    const lists = PERSONAS.map((p) => ({ p, questions: prepFor(p).slice(0, -1) }));
    const same: string[] = [];
    for (const [i, a] of lists.entries()) {
      for (const b of lists.slice(i + 1)) {
        const differ =
          a.p.family !== b.p.family &&
          industryTag(a.p.contact.industry) !== industryTag(b.p.contact.industry);
        if (!differ) continue;
        const firstTwo = (x: typeof a) => x.questions.slice(0, 2).join(' | ');
        const shared = a.questions.slice(0, 4).filter((q) => b.questions.slice(0, 4).includes(q));
        if (firstTwo(a) === firstTwo(b) || shared.length > 2) {
          same.push(`${a.p.id} / ${b.p.id}: ${shared.join(' | ')}`);
        }
      }
    }
    expect(same).toEqual([]);
  });
});

describe('the student’s own questions', () => {
  it('a question a quick search answers is flagged, with a better one that reads well', () => {
    for (const p of PERSONAS.slice(0, 6)) {
      const own = [`What does ${p.contact.company} do?`, `How big is ${p.contact.company}?`];
      const flags = flagSearchableQuestions(own, { company: p.contact.company });
      expect(flags.map((f) => f.question)).toEqual(own);
      for (const f of flags) {
        expect(f.better.trim().endsWith('?'), f.better).toBe(true);
        ok([...thirdPersonAboutReader(f.better), ...youAgreement(f.better), ...clipped(f.better)]);
      }
    }
    expect(flagSearchableQuestions(['How did you decide what to leave out of your first roadmap?'])).toEqual(
      [],
    );
  });

  it('three of their own on top of six suggestions asks which to untick, to keep 5–7', () => {
    const p = PERSONAS[0] as Persona;
    const total = prepFor(p).length + 3;
    expect(total).toBeGreaterThan(7);
    expect(listSizeProblem(total)).toEqual({ untick: total - 7 });
    expect(listSizeProblem(6)).toBeNull();
  });
});

describe('the checker agrees with a careful reader', () => {
  const ctx = { contactName: 'Dr. Aisha Khan', role: 'UX Research Lead', company: 'Khan Academy' };
  const ask = (middle: string, minutes = 20) =>
    `Hi Dr. Khan,\n\nI'm moving from teaching to UX research. ${middle} I'd love to learn how you made that move. Would you be open to a ${minutes}-minute call, whenever suits you?\n\nThank you,\nLena Ortiz`;

  it('judges the same stock line the same way wherever it stands', () => {
    const bare = checkAsk(ask('Your path is exactly where I’m hoping to head.'), ctx);
    const dressed = checkAsk(
      ask('Your work as a UX Research Lead at Khan Academy is exactly where I’m hoping to head.'),
      ctx,
    );
    expect(bare.ok).toBe(false);
    expect(dressed.ok).toBe(false);
  });

  it('flags more than 30 minutes, job asks and a message with no reason, and passes a careful ask', () => {
    const specific =
      'Your move from classroom research into leading UX research at Khan Academy stands out to me.';
    expect(checkAsk(ask(specific, 45), ctx).ok).toBe(false);
    expect(checkAsk(ask(specific, 60), ctx).ok).toBe(false);
    const jobAsks = [
      'Are you hiring?',
      'Is your team hiring right now?',
      'Could you refer me for a role on your team?',
      'Is Khan Academy hiring researchers?',
      'Do you have any openings?',
      'Are you hiring on your team?',
      'Is there a role for me on your team?',
      'Would there be a junior spot for someone like me?',
    ];
    for (const job of jobAsks) {
      expect(
        checkAsk(ask(`${specific} ${job}`), ctx).issues.map((i) => i.code),
        job,
      ).toContain('job_ask');
    }
    expect(checkAsk(ask('I would love to pick your brain.'), {}).ok).toBe(false);
    expect(checkAsk(ask(specific, 25), ctx)).toEqual(expect.objectContaining({ ok: true, issues: [] }));
  });
});
