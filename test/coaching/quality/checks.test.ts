// The checks themselves: each catches the slips it is for (known-bad sentences from real drafts) and
// passes the careful version, so a green suite means something.
import { describe, expect, it } from 'vitest';
import {
  asksForMinutes,
  clipped,
  doubledI,
  greeting,
  learningPurpose,
  lowercaseStart,
  missingSubject,
  nounAgreement,
  placeholders,
  pronounOverturned,
  readerProblems,
  refersTo,
  repeatedNames,
  runOnList,
  sentencesOf,
  signedBy,
  strayCapital,
  subjectRepeatedInBody,
  thirdPersonAboutReader,
  withinWords,
  youAgreement,
} from './checks';

const checks = (fn: (t: string) => unknown[]) => ({
  catches: (bad: string[]) => {
    for (const text of bad) expect(fn(text), text).not.toEqual([]);
  },
  passes: (good: string[]) => {
    for (const text of good) expect(fn(text), text).toEqual([]);
  },
});

describe('the quality checks', () => {
  it('split sentences without breaking at titles', () => {
    expect(sentencesOf('Hi Dr. Khan,\n\nI met Dr. Lee at a talk. It was great.\n\nThank you,\nLena')).toEqual(
      ['I met Dr. Lee at a talk.', 'It was great.'],
    );
  });

  it('third person about the reader', () => {
    const c = checks(thirdPersonAboutReader);
    c.catches([
      'Your work stands out to me: Her switch from audit to building dashboards.',
      'I admire how he went from Army logistics to running launches.',
      'You taught herself to code.',
      'What stayed with me: diary studies taught him more than surveys.',
      'Their talk about shipping the app stayed with me.',
      'You moved into the policy office and they still work with the same neighborhoods.',
    ]);
    c.passes([
      'You taught yourself to code while managing a café.',
      'Stakeholders trust a chart they understand.',
      'Thank you for suggesting Sam; I will reach out this week.',
    ]);
  });

  it('verbs agree with "you"', () => {
    const c = checks(youAgreement);
    c.catches([
      'You taught yourself to code and now builds checkout services.',
      'You was a nurse for twelve years.',
      'You has led launches across five teams.',
      'You really leads the onboarding team.',
      'I loved how you is so open about it.',
      'You scaled the grading service and you mentors bootcamp grads.',
      'I know that you was there.',
    ]);
    c.passes([
      'You taught yourself to code and now build checkout services.',
      'You were a nurse, and the team builds tools for nurses now.',
      'Thank you for making time; it helps a lot.',
      'What you said about onboarding makes sense.',
      'Whenever suits you works for me.',
      'If it suits you, Friday works.',
    ]);
  });

  it('clipped sentences', () => {
    const c = checks(clipped);
    c.catches([
      'A portfolio case study matters more than a.',
      'You built the dashboards and…',
      'You moved from audit into the.',
      'What stayed with me: more than a; I will start now.',
      'It taught me that the.',
    ]);
    c.passes([
      'A portfolio case study matters more than a certificate.',
      'Who else would you suggest I talk to?',
      'I would love to hear what the work is like.',
    ]);
  });

  it('a note pasted without a subject', () => {
    const c = checks(missingSubject);
    c.catches([
      'Your path stands out to me: was a special-education teacher before this.',
      'Your work stands out to me: ran kitchens for ten years.',
    ]);
    c.passes([
      'Your path stands out to me: you were a special-education teacher before this.',
      'Would you be open to a 20-minute call?',
      'Thank you for your time.',
    ]);
  });

  it('a capital kept where the note joins the sentence', () => {
    const check = (t: string) => strayCapital(t, ['Intuit', 'Sam Whitaker']);
    const c = checks(check);
    c.catches([
      'What stayed with me most: Diary studies with teachers beat surveys.',
      "I'm starting with one thing you suggested: Write up my classroom project.",
    ]);
    c.passes([
      'What stayed with me most: diary studies with teachers beat surveys.',
      'What caught my eye: Intuit hired you straight from audit.',
      'Here is the plan: I will write it up this week.',
    ]);
  });

  it('names and companies said twice in one breath', () => {
    const check = (t: string) => repeatedNames(t, ['Shopify'], ['Priya Natarajan']);
    const c = checks(check);
    c.catches([
      'Your work at Shopify stands out: you now build checkout services at Shopify.',
      'Priya Natarajan suggested Sam. Mention that Priya Natarajan pointed you his way.',
    ]);
    c.passes([
      'Your work at Shopify stands out: you now build its checkout services.',
      'Priya suggested Sam.',
    ]);
    expect(
      subjectRepeatedInBody(
        'Priya Natarajan suggested I reach out',
        'Hi Sam,\n\nPriya Natarajan suggested I reach out to you. I am new.',
      ),
    ).not.toEqual([]);
    expect(
      subjectRepeatedInBody('A 20-minute chat?', 'Hi Sam,\n\nPriya suggested I reach out to you.'),
    ).toEqual([]);
  });

  it('sentences that start lower-case, lists with no "and", other subjects made to agree with "you"', () => {
    checks(lowercaseStart).catches(['You have a PhD. you have spoken about leaving the lab.']);
    checks(lowercaseStart).passes([
      'You have a PhD. You have spoken about leaving the lab.',
      'I use iOS daily.',
    ]);
    checks(runOnList).catches([
      'You have designed booking flows, you write about accessibility, you mentored designers.',
    ]);
    checks(runOnList).passes([
      'You have designed booking flows, you write about accessibility, and you mentored designers.',
      'Research, design, and writing all matter.',
    ]);
    checks(nounAgreement).catches([
      'You use SQL every day but statistics only when a model go wrong.',
      'It breaks whenever a deploy go wrong.',
    ]);
    checks(nounAgreement).passes([
      'You use SQL every day but statistics only when a model goes wrong.',
      'You let the team build it.',
      'I would love a chance to learn.',
    ]);
    expect(
      pronounOverturned(
        'Most of the job is reading new rules and explaining them to product teams',
        'Most of the job is reading new rules and explaining you to product teams.',
      ),
    ).not.toEqual([]);
    expect(
      pronounOverturned(
        'They said stakeholders trust a simple chart they understand',
        'You said stakeholders trust a simple chart you understand.',
      ),
    ).not.toEqual([]);
    expect(
      pronounOverturned(
        'They built the dashboards and they taught themselves SQL',
        'You built the dashboards and you taught yourself SQL.',
      ),
    ).toEqual([]);
    const note = 'Diary studies with teachers taught her more than any survey';
    expect(
      refersTo(note, 'Hi Dr. Khan,\n\nIt helped a lot to hear how the work looks from the inside.'),
    ).not.toEqual([]);
    expect(
      refersTo(note, 'Hi Dr. Khan,\n\nWhat stayed with me: diary studies told you more than surveys.'),
    ).toEqual([]);
  });

  it('small slips', () => {
    expect(doubledI("I'm I manage a retail store and I'm moving into customer success.")).not.toEqual([]);
    expect(doubledI('I’m I’m a teacher.')).not.toEqual([]);
    expect(doubledI("I'm managing a retail store, and I'm moving into customer success.")).toEqual([]);
    expect(placeholders('Here is how it went: [one line on how it went].')).not.toEqual([]);
    expect(placeholders('Coming from {background}, which skills carry over?')).not.toEqual([]);
    expect(placeholders('Here is how it went: I got the interview.')).toEqual([]);
  });

  it('greetings and signatures', () => {
    expect(greeting('Hi Dr.,\n\nHello.', ['Dr. Khan', 'Aisha'])).not.toEqual([]);
    expect(greeting('Hi Robert (Bob),\n\nHello.', ['Bob', 'Robert'])).not.toEqual([]);
    expect(greeting('Hello.\n\nThanks.', ['Aisha'])).not.toEqual([]);
    expect(greeting('Hi María de,\n\nHello.', ['María'])).not.toEqual([]);
    expect(greeting('Hi Dr. Khan,\n\nHello.', ['Dr. Khan', 'Aisha'])).toEqual([]);
    expect(greeting('Hi Aisha,\n\nHello.', ['Dr. Khan', 'Aisha'])).toEqual([]);
    expect(greeting('Hi Aisha, I am moving into UX.', ['Dr. Khan', 'Aisha'])).toEqual([]);
    expect(greeting('Hi Dr., I am moving into UX.', ['Dr. Khan', 'Aisha'])).not.toEqual([]);
    expect(signedBy('Hi Sam,\n\nThanks.\n\nBest wishes,\nlena.o', 'Lena Ortiz', 'lena.o')).not.toEqual([]);
    expect(signedBy('Hi Sam,\n\nThanks. I will let you know how it goes.', 'Lena Ortiz')).not.toEqual([]);
    expect(signedBy('Hi Sam,\n\nThanks.\n\nBest wishes,\nLena Ortiz', 'Lena Ortiz')).toEqual([]);
    expect(signedBy('Hi Sam,\n\nThanks.\n\nBest wishes,\nLena', 'Lena Ortiz')).toEqual([]);
  });

  it('the ask: a learning purpose, the minutes chosen, brief', () => {
    const noPurpose =
      "Hi Jim,\n\nI'm a barista. Your work at Shopify stands out to me. Would you be open to a 25-minute call?\n\nThanks,\nTomás";
    const purpose =
      "Hi Jim,\n\nI'm a barista learning backend development, and I'd love to learn how you made the move. Would you be open to a 25-minute call?\n\nThanks,\nTomás";
    expect(learningPurpose(noPurpose)).not.toEqual([]);
    expect(learningPurpose(purpose)).toEqual([]);
    expect(asksForMinutes(purpose, 20)).not.toEqual([]);
    expect(asksForMinutes('Hi Jim,\n\nCould we talk?', 20)).not.toEqual([]);
    expect(asksForMinutes(purpose, 25)).toEqual([]);
    expect(withinWords('word '.repeat(121), 120)).not.toEqual([]);
    expect(withinWords(purpose, 120)).toEqual([]);
  });

  it('all together pass a careful thank-you', () => {
    const text =
      'Hi Dr. Khan,\n\nThank you for making time to talk with me. What stayed with me most is how diary studies with teachers told you more than any survey. I’m starting with one thing you suggested: writing up my classroom observation project as a case study. Thank you also for suggesting Sam Whitaker; I’ll reach out this week.\n\nBest wishes,\nLena Ortiz';
    expect(
      readerProblems(text, {
        names: ['Dr. Aisha Khan', 'Khan Academy', 'Sam Whitaker'],
        greetings: ['Dr. Khan', 'Aisha'],
        signedBy: { realName: 'Lena Ortiz', handle: 'lena.o' },
      }),
    ).toEqual([]);
  });
});
