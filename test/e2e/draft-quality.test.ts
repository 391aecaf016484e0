// Draft quality through the whole app, over signed HTTP against the Slack stand-in: three students
// add a person, draft the ask, get their prep list, log the chat and get the thank-you; the texts the
// stand-in received (what the student sees in the DM) pass the same checks as the pure suite.
import { afterEach, describe, expect, it } from 'vitest';
import type { StandInUser } from '../../src/sandbox';
import {
  asksForMinutes,
  clipped,
  describe as describeProblems,
  learningPurpose,
  placeholders,
  pronounOverturned,
  readerProblems,
  refersTo,
  subjectRepeatedInBody,
  type TextContext,
  thirdPersonAboutReader,
  withinWords,
  youAgreement,
} from '../coaching/quality/checks';
import { PERSONAS, type Persona } from '../coaching/quality/personas';
import { TEAM } from '../support/fixtures';
import { errorsLogged, useHarness } from '../support/harness';
import { dmTo, openModal, submitModal, visibleText } from '../support/slack-play';

// Tuesday 10 March 2026, 10:00 in New York.
const START = '2026-03-10T14:00:00Z';

const PLAYED = ['teacher-to-ux', 'retail-to-cs', 'sped-to-content'];
const personas = PLAYED.map((id) => {
  const p = PERSONAS.find((x) => x.id === id);
  if (!p) throw new Error(`no persona ${id}`);
  return p;
});

const users: StandInUser[] = personas.map((p, i) => ({
  id: `U0QUAL${i}`,
  teamId: TEAM.id,
  name: p.student.displayName,
  realName: p.student.realName,
  tz: 'America/New_York',
}));

function unescapeMrkdwn(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The draft in a DM: the text inside its ``` block, as the student copies it. */
function codeBlockOf(text: string): string {
  const found = /```([\s\S]*?)```/.exec(text);
  if (!found?.[1]) throw new Error(`no draft in:\n${text}`);
  return unescapeMrkdwn(found[1].trim());
}

/** The draft shown as a quote (">" lines). */
function quotedOf(text: string): string {
  const lines = text
    .split('\n')
    .filter((l) => l.startsWith('>'))
    .map((l) => l.slice(1));
  if (lines.length === 0) throw new Error(`no quoted draft in:\n${text}`);
  return unescapeMrkdwn(lines.join('\n').trim());
}

/** Numbered questions ("*1.* How did you…?"). */
function numberedOf(text: string): string[] {
  return [...text.matchAll(/^\*?\d+\.\*?\s+(.+)$/gm)].map((m) => unescapeMrkdwn(m[1] ?? ''));
}

function contextFor(p: Persona): TextContext {
  return {
    names: [p.contact.company, p.contact.role],
    people: [p.contact.name, p.student.realName],
    properWords: [p.contact.why, p.learned, p.action, p.student.about].flatMap((n) =>
      n.split(/\s+/).filter((w) => /^\p{Lu}/u.test(w)),
    ),
    greetings: p.greetings,
    signedBy: { realName: p.student.realName, handle: p.student.displayName },
  };
}

describe('draft quality, end to end', () => {
  const h = useHarness({ start: START, users });
  afterEach(() => {
    expect(errorsLogged(h)).toEqual([]);
  });

  it.each(personas.map((p, i) => [p.id, p, users[i] as StandInUser] as const))(
    '%s: add → ask → prep → log → thank-you, every text one a careful student would send',
    async (_id, p, user) => {
      // Add the person.
      let view = await openModal(h, user.id, `add ${p.contact.name}`);
      let res = await submitModal(h, user.id, view, {
        Role: p.contact.role,
        Company: p.contact.company,
        Industry: p.contact.industry,
        'Why them (their path)': p.contact.why,
      });
      expect(res.text).toBe('');
      await dmTo(h, user.id);

      // The ask, by email (subject and signature).
      view = await openModal(h, user.id, `ask ${p.contact.name}`);
      res = await submitModal(h, user.id, view, {
        'About you': p.student.about,
        'Minutes to ask for': String(p.minutes),
        Channel: 'Email',
      });
      expect(res.text).toBe('');
      const askDm = visibleText((await dmTo(h, user.id)).args);
      const draft = codeBlockOf(askDm);
      const [subjectLine, ...rest] = draft.split('\n');
      expect(subjectLine).toMatch(/^Subject: /);
      const subject = (subjectLine ?? '').replace(/^Subject: /, '');
      const body = rest.join('\n').trim();
      expect(
        describeProblems([
          ...readerProblems(body, contextFor(p)),
          ...learningPurpose(body),
          ...asksForMinutes(body, p.minutes),
          ...withinWords(body, 120),
          ...subjectRepeatedInBody(subject, body),
        ]),
        draft,
      ).toEqual([]);
      // The checker agrees: ready to send.
      expect(askDm).toContain('Ready to send');

      // The prep list.
      h.standIn.clearCalls();
      await h.driver.command(user.id, `prep ${p.contact.name}`);
      const prepDm = visibleText((await dmTo(h, user.id)).args);
      const questions = numberedOf(prepDm);
      expect(questions.length, prepDm).toBeGreaterThanOrEqual(5);
      expect(questions.length, prepDm).toBeLessThanOrEqual(7);
      expect(questions[questions.length - 1]).toMatch(/\b(?:who|anyone) else\b/i);
      for (const q of questions) {
        expect(
          describeProblems([
            ...thirdPersonAboutReader(q),
            ...youAgreement(q),
            ...clipped(q),
            ...placeholders(q),
          ]),
        ).toEqual([]);
      }

      // Log the chat; the answer carries the thank-you.
      view = await openModal(h, user.id, `log ${p.contact.name}`);
      res = await submitModal(h, user.id, view, {
        Minutes: String(p.minutes),
        'What I learned': p.learned,
        "One thing I'll act on": p.action,
        'Who else they suggested': p.referrals.map((r) => r.line).join('\n'),
      });
      expect(res.text).toBe('');
      const logDm = visibleText((await dmTo(h, user.id)).args);
      const thanks = quotedOf(logDm);
      expect(
        describeProblems([
          ...readerProblems(thanks, contextFor(p)),
          ...pronounOverturned(p.learned, thanks),
          ...refersTo(p.learned, thanks),
        ]),
        thanks,
      ).toEqual([]);
      for (const referral of p.referrals) {
        expect(
          referral.greetings.some((g) => thanks.includes(g)) || thanks.includes(referral.name),
          thanks,
        ).toBe(true);
      }
      expect(thanks).not.toContain(p.learned.replace(/[.\s]+$/, ''));
    },
  );
});
