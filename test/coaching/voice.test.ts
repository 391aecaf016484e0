import { describe, expect, it } from 'vitest';
import { aboutClause, clipAtBoundary, readerName, toReader, turnToReader } from '../../src/coaching/voice';

const priya = { name: 'Priya Natarajan', role: 'Backend Engineer', company: 'Shopify' };

describe('toReader', () => {
  it.each([
    [
      'she taught herself to code while managing a café and now builds checkout services at Shopify',
      'you taught yourself to code while managing a café and now build checkout services',
    ],
    ['he was a paramedic for six years', 'you were a paramedic for six years'],
    ['she has mentored three bootcamp grads', 'you have mentored three bootcamp grads'],
    ['They spoke about research ops at a meetup', 'you spoke about research ops at a meetup'],
    ['they are hiring career changers into support', 'you are hiring career changers into support'],
    [
      'I admire how he went from Army logistics to product ops',
      'I admire how you went from Army logistics to product ops',
    ],
    ['I met her at a meetup', 'I met you at a meetup'],
    ["she's built a research team from scratch", "you've built a research team from scratch"],
    ["he's leading the platform group", "you're leading the platform group"],
    [
      'Priya moved from nursing to design and now runs research',
      'you moved from nursing to design and now run research',
    ],
    ["Priya's path from retail to engineering", 'your path from retail to engineering'],
    ['you moved from sales into solutions engineering', 'you moved from sales into solutions engineering'],
    ['her team ships payments and she leads it', 'your team ships payments and you lead it'],
  ])('%s', (note, expected) => {
    expect(toReader(note, priya, { alreadySaid: ['Shopify', 'Backend Engineer'] })).toBe(expected);
  });

  it('gives fragments a subject or a frame', () => {
    expect(
      turnToReader('Her switch from audit to building forecasting dashboards at Intuit.', priya),
    ).toEqual({
      text: 'your switch from audit to building forecasting dashboards at Intuit',
      kind: 'phrase',
    });
    expect(toReader('ran kitchens for ten years', priya)).toBe('you ran kitchens for ten years');
    expect(toReader('was a special-education teacher', priya)).toBe('you were a special-education teacher');
    expect(toReader('Great talk on research ops at Config', priya)).toBe(
      'your great talk on research ops at Config',
    );
    expect(turnToReader('Their talk about onboarding at Config', priya)?.kind).toBe('phrase');
    expect(toReader('Moving from teaching to UX', priya)).toBe("how you've been moving from teaching to UX");
  });

  it('keeps questions and turns the verb before the subject', () => {
    expect(turnToReader('Does she still mentor juniors?', priya)).toEqual({
      text: 'do you still mentor juniors?',
      kind: 'question',
    });
  });

  it('leaves a note out when "her" could be the reader or the reader\'s, or when two people are in it', () => {
    // "taught her more" must never become "taught your more"; "taught her SQL" could be either reading.
    expect(toReader('Diary studies with teachers taught her more than any survey', priya)).toBeNull();
    expect(toReader('Her team taught her SQL', priya)).toBeNull();
    expect(toReader('He asked him to stay', priya)).toBeNull();
    // After other verbs "her" before a noun is hers: turned.
    expect(toReader('She thanked her manager', priya)).toBe('you thanked your manager');
  });

  it('leaves a note out when a they could mean a plural noun before it', () => {
    expect(
      toReader('Spends her days reading new rules and explaining them to product teams', priya),
    ).toBeNull();
    expect(
      toReader('They prefer a chart stakeholders understand over a model they do not', priya),
    ).toBeNull();
    expect(toReader('They moved from teaching to UX and they love it', priya)).toBe(
      'you moved from teaching to UX and you love it',
    );
  });

  it("keeps another subject's verb as it is", () => {
    expect(toReader('She checks the numbers only when a model goes wrong', priya)).toBe(
      'you check the numbers only when a model goes wrong',
    );
  });

  it('turns each sentence of a longer note', () => {
    expect(toReader('I loved her post on career change. She writes so clearly about it.', priya)).toBe(
      'I loved your post on career change. You write so clearly about it',
    );
  });

  it('shortens a long note at a boundary, never mid-clause', () => {
    const text = toReader(
      'she taught herself to code while managing a café, then spent two years on the payments team, and now builds checkout services for merchants all over the world',
      priya,
      { maxWords: 16 },
    );
    expect(text).toBe('you taught yourself to code while managing a café');
  });

  it('gives null rather than a broken sentence', () => {
    expect(toReader('ask her about mentoring', priya)).toBeNull();
    expect(toReader('she worked with him at Google', priya)).toBeNull();
    expect(toReader('   ', priya)).toBeNull();
  });
});

describe('clipAtBoundary', () => {
  it('keeps whole sentences, then whole clauses', () => {
    const text =
      'Diary studies with teachers taught her more than any survey; a portfolio case study matters more than a polished deck.';
    expect(clipAtBoundary(text, 12)).toBe('Diary studies with teachers taught her more than any survey.');
    expect(clipAtBoundary('One. Two three four five six.', 3)).toBe('One.');
    expect(clipAtBoundary('Short enough.', 5)).toBe('Short enough.');
  });

  it('never ends on a dangling word', () => {
    const clipped = clipAtBoundary(
      'I learned a lot from the team at a small startup and from a mentor who ran a bootcamp',
      12,
    );
    expect(clipped).toBe('I learned a lot from the team at a small startup.');
    expect(clipped).not.toMatch(/\b(?:a|an|the|and|to)\.$/);
  });
});

describe('aboutClause', () => {
  it.each([
    [
      'moving from teaching to UX research',
      'moving from teaching to UX research',
      "I'm moving from teaching to UX research.",
    ],
    ["I'm a nurse…", 'a nurse', "I'm a nurse."],
    ['Career changer from finance', 'a career changer from finance', "I'm a career changer from finance."],
    [
      'Former teacher, now learning UX',
      'a former teacher, now learning UX',
      "I'm a former teacher, now learning UX.",
    ],
    ['nurse moving into UX', 'a nurse moving into UX', "I'm a nurse moving into UX."],
  ])('%s', (about, clause, sentence) => {
    expect(aboutClause(about)).toEqual({ clause, sentence });
  });

  it('keeps a first-person sentence as its own sentence, never "I\'m I…"', () => {
    expect(aboutClause("I manage a retail store and I'm moving into customer success")).toEqual({
      clause: null,
      sentence: "I manage a retail store and I'm moving into customer success.",
    });
  });

  it('never weaves a job ask in', () => {
    expect(aboutClause("I'm looking for a job in UX")).toBeNull();
    expect(aboutClause('career changer, please refer me for the opening')).toBeNull();
    expect(aboutClause('')).toBeNull();
  });
});

describe('readerName', () => {
  it.each([
    ['Dr. Aisha Khan (Clinical UX, Mayo Clinic)', 'Dr. Khan', 'Aisha', 'Dr. Aisha Khan'],
    ['Jim Park Jr.', 'Jim', 'Jim', 'Jim Park'],
    ['María de la Cruz', 'María', 'María', 'María de la Cruz'],
    ['Dr María de la Cruz', 'Dr. de la Cruz', 'María', 'Dr María de la Cruz'],
    ['Ludwig van Beethoven', 'Ludwig', 'Ludwig', 'Ludwig van Beethoven'],
    ["Siobhán O'Neill", 'Siobhán', 'Siobhán', "Siobhán O'Neill"],
    ['Cher', 'Cher', 'Cher', 'Cher'],
    ['Aisha Khan, PhD', 'Aisha', 'Aisha', 'Aisha Khan'],
  ])('%s', (name, greeting, first, full) => {
    expect(readerName(name)).toEqual({ greeting, first, full });
  });
});
