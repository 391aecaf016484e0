import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CLOSING_QUESTION,
  careerPath,
  chooseQuestions,
  flagSearchableQuestions,
  goalBackground,
  industryTag,
  listSizeProblem,
  QUESTION_BANK,
  QUESTION_THEMES,
  RESEARCH_REMINDER,
  ROLE_FAMILIES,
  roleFamily,
} from '../../src/coaching/questions';
import { PERSONAS } from './quality/personas';

describe('the question bank', () => {
  it('has at least 40 questions with unique ids and texts', () => {
    expect(QUESTION_BANK.length).toBeGreaterThanOrEqual(40);
    expect(new Set(QUESTION_BANK.map((q) => q.id)).size).toBe(QUESTION_BANK.length);
    expect(new Set(QUESTION_BANK.map((q) => q.text)).size).toBe(QUESTION_BANK.length);
  });

  it('covers every theme except the closing one, with generic questions in each', () => {
    for (const theme of QUESTION_THEMES.filter((t) => t !== 'who_else')) {
      const generic = QUESTION_BANK.filter(
        (q) => q.theme === theme && q.roles.includes('any') && !q.industries,
      );
      expect(generic.length, theme).toBeGreaterThanOrEqual(2);
    }
  });

  it('has role-specific questions for every role family', () => {
    for (const family of ROLE_FAMILIES.filter((f) => f !== 'any')) {
      expect(QUESTION_BANK.filter((q) => q.roles.includes(family)).length, family).toBeGreaterThanOrEqual(2);
    }
  });

  it('asks about judgment and experience, not facts: every question is a question', () => {
    for (const q of QUESTION_BANK) expect(q.text).toMatch(/\?$/);
    expect(flagSearchableQuestions(QUESTION_BANK.map((q) => q.text))).toEqual([]);
  });

  it('uses the {background} placeholder exactly in the career-changer questions', () => {
    for (const q of QUESTION_BANK) expect(q.text.includes('{background}')).toBe(q.forChangers === true);
  });
});

describe('roleFamily', () => {
  it.each([
    ['UX Researcher', 'design'],
    ['Senior Product Designer', 'design'],
    ['Data Analyst', 'data'],
    ['Data Engineer', 'data'],
    ['Machine Learning Engineer', 'data_science'],
    ['Data Scientist', 'data_science'],
    ['Software Engineer', 'engineering'],
    ['Frontend developer', 'engineering'],
    ['Site Reliability Engineer (SRE)', 'engineering'],
    ['Product Manager', 'product'],
    ['Product Marketing Manager', 'marketing'],
    ['Sales Engineer', 'solutions'],
    ['Solutions Architect', 'solutions'],
    ['Technical Program Manager', 'program'],
    ['Senior Project Manager', 'program'],
    ['Operations Manager', 'operations'],
    ['Customer Success Manager', 'customer_success'],
    ['Content Strategist', 'content'],
    ['Compliance Analyst', 'compliance'],
    ['Nurse Educator', 'clinical'],
    ['Clinical Informatics Specialist', 'clinical'],
    ['Policy Analyst', 'public_sector'],
    ['Account Executive', 'sales'],
    ['Technical Recruiter', 'people'],
    ['HR Business Partner', 'people'],
    ['Chief of Staff', 'any'],
    ['', 'any'],
    [null, 'any'],
  ])('%s → %s', (role, family) => {
    expect(roleFamily(role)).toBe(family);
  });
});

describe('industryTag', () => {
  it.each([
    ['Healthcare', 'healthcare'],
    ['Digital health', 'healthcare'],
    ['Fintech', 'finance'],
    ['Banking', 'finance'],
    ['EdTech', 'education'],
    ['Non-profit', 'nonprofit'],
    ['Public sector', 'government'],
    ['Design agency', 'agency'],
    ['Gaming', null],
    [null, null],
  ])('%s → %s', (industry, tag) => {
    expect(industryTag(industry)).toBe(tag);
  });
});

describe('goalBackground', () => {
  it.each([
    ['moving from teaching to UX research', 'teaching'],
    ['Switching from retail management into data analysis', 'retail management'],
    ['career changer from nursing', 'nursing'],
    ['aspiring product manager', null],
    ['from a very long and winding background in many things to design', null],
    [null, null],
  ])('%s → %s', (goal, background) => {
    expect(goalBackground(goal)).toBe(background);
  });
});

describe('chooseQuestions', () => {
  it('returns 6 by default, ending with the "who else" question', () => {
    const questions = chooseQuestions({ role: 'UX researcher', seed: 'c1' });
    expect(questions).toHaveLength(6);
    expect(questions.at(-1)).toEqual(CLOSING_QUESTION);
    expect(CLOSING_QUESTION.text).toMatch(/who else/i);
  });

  it('clamps the count to 5–7', () => {
    expect(chooseQuestions({ count: 1 })).toHaveLength(5);
    expect(chooseQuestions({ count: 5 })).toHaveLength(5);
    expect(chooseQuestions({ count: 7 })).toHaveLength(7);
    expect(chooseQuestions({ count: 40 })).toHaveLength(7);
    expect(chooseQuestions({ count: Number.NaN })).toHaveLength(6);
  });

  it('covers a different theme with every question, in conversation order', () => {
    const questions = chooseQuestions({ role: 'Data analyst', seed: 'abc', count: 7 });
    const themes = questions.map((q) => q.theme);
    expect(new Set(themes).size).toBe(themes.length);
    const order = themes.map((t) => QUESTION_THEMES.indexOf(t));
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it('always asks how they broke in and which skills matter', () => {
    for (const seed of ['a', 'b', 'c', 'd', 'e', 'f']) {
      const themes = chooseQuestions({ seed, count: 5 }).map((q) => q.theme);
      expect(themes).toContain('breaking_in');
      expect(themes).toContain('skills');
    }
  });

  it('is deterministic for a seed and varies across seeds', () => {
    const first = chooseQuestions({ seed: 'contact-1' });
    expect(chooseQuestions({ seed: 'contact-1' })).toEqual(first);
    const lists = new Set(
      Array.from({ length: 20 }, (_, i) =>
        chooseQuestions({ seed: `contact-${i}`, count: 7 })
          .map((q) => q.id)
          .join(','),
      ),
    );
    expect(lists.size).toBeGreaterThan(3);
  });

  it('prefers questions written for the role family', () => {
    const questions = chooseQuestions({ role: 'Software Engineer', seed: 'x' });
    expect(questions.some((q) => q.roles.includes('engineering'))).toBe(true);
    for (const q of questions) {
      expect(q.roles.includes('any') || q.roles.includes('engineering')).toBe(true);
    }
  });

  it('never picks a question written for another role family', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('UX designer', 'Data scientist', 'Recruiter', 'Account executive'),
        fc.string(),
        (role, seed) => {
          const family = roleFamily(role);
          for (const q of chooseQuestions({ role, seed, count: 7 })) {
            expect(q.roles.includes('any') || q.roles.includes(family)).toBe(true);
          }
        },
      ),
    );
  });

  it('brings in an industry question when one fits, even in a short list', () => {
    const questions = chooseQuestions({
      role: 'Data analyst',
      industry: 'Digital health',
      seed: 's',
      count: 6,
    });
    expect(questions.some((q) => q.industries?.includes('healthcare'))).toBe(true);
    expect(questions).toHaveLength(6);
    expect(questions.at(-1)).toEqual(CLOSING_QUESTION);
  });

  it('leaves industry questions out for other industries', () => {
    const questions = chooseQuestions({ industry: 'Gaming', seed: 's', count: 7 });
    expect(questions.some((q) => q.industries)).toBe(false);
  });

  it('fills in a career changer’s background', () => {
    const all = Array.from({ length: 12 }, (_, i) =>
      chooseQuestions({ goal: 'moving from teaching to UX research', seed: `s${i}` }),
    ).flat();
    const changer = all.filter((q) => q.forChangers);
    expect(changer.length).toBeGreaterThan(0);
    for (const q of changer) {
      expect(q.text).toContain('teaching');
      expect(q.text).not.toContain('{background}');
    }
    // The bank itself is left untouched.
    expect(QUESTION_BANK.filter((q) => q.forChangers).every((q) => q.text.includes('{background}'))).toBe(
      true,
    );
  });

  it('leaves career-changer questions out without a background', () => {
    for (let i = 0; i < 20; i += 1) {
      expect(chooseQuestions({ seed: `s${i}`, count: 7 }).some((q) => q.forChangers)).toBe(false);
    }
  });

  it('leans towards pay or credentials when the goal mentions them', () => {
    expect(
      chooseQuestions({ goal: 'worried about salary', seed: 'q', count: 7 }).map((q) => q.theme),
    ).toContain('pay');
    expect(
      chooseQuestions({ goal: 'wondering if I need a certificate', seed: 'q', count: 7 }).map((q) => q.theme),
    ).toContain('credentials');
  });

  it('always returns well-formed lists', () => {
    fc.assert(
      fc.property(
        fc.option(fc.string(), { nil: null }),
        fc.option(fc.string(), { nil: null }),
        fc.option(fc.string(), { nil: null }),
        fc.string(),
        fc.integer({ min: -10, max: 20 }),
        (role, industry, goal, seed, count) => {
          const questions = chooseQuestions({ role, industry, goal, seed, count });
          expect(questions.length).toBeGreaterThanOrEqual(5);
          expect(questions.length).toBeLessThanOrEqual(7);
          expect(questions.at(-1)?.theme).toBe('who_else');
          expect(new Set(questions.map((q) => q.theme)).size).toBe(questions.length);
        },
      ),
    );
  });
});

describe('flagSearchableQuestions', () => {
  it.each([
    ['What does your company do?', true],
    ['What products do you sell?', true],
    ['How big is the company?', true],
    ['How many employees work at Acme?', true],
    ['Where are you headquartered?', true],
    ['Where is the company based?', true],
    ['When was the company founded?', true],
    ['Who is the CEO?', true],
    ['Who are your main competitors?', true],
    ["What is the company's mission?", true],
    ['WHAT DOES YOUR COMPANY DO', true],
    ['What does your team do day to day?', false],
    ['What do you do on a typical day?', false],
    ['What salary range is realistic for a junior researcher?', false],
    ['How does hiring work on your team?', false],
    ['Why did you choose this company?', false],
    ['What is your role like day to day?', false],
  ])('%s → flagged: %s', (question, flagged) => {
    const result = flagSearchableQuestions([question]);
    expect(result.length).toBe(flagged ? 1 : 0);
    if (flagged) {
      expect(result[0]?.question).toBe(question);
      expect(result[0]?.reason.length).toBeGreaterThan(10);
    }
  });

  it('keeps the order and returns only the flagged ones', () => {
    const result = flagSearchableQuestions([
      'How did you break in?',
      'Where are you based?',
      'What does your company do?',
    ]);
    expect(result.map((r) => r.question)).toEqual(['Where are you based?', 'What does your company do?']);
  });
});

describe('RESEARCH_REMINDER', () => {
  it('is a short nudge to do the homework first', () => {
    expect(RESEARCH_REMINDER.split(/\s+/).length).toBeLessThan(45);
    expect(RESEARCH_REMINDER).toMatch(/before/i);
  });
});

describe('prep tailored to the person', () => {
  const first = (input: Parameters<typeof chooseQuestions>[0], n = 3) =>
    chooseQuestions(input)
      .slice(0, n)
      .map((q) => q.text);

  it('opens differently for an edtech and a healthcare contact of the same role', () => {
    for (const role of ['UX Researcher', 'Customer Success Manager', 'Technical Program Manager']) {
      const edtech = first({ role, industry: 'EdTech', seed: 'c1' });
      const health = first({ role, industry: 'Healthcare', seed: 'c1' });
      expect(edtech[0], role).not.toBe(health[0]);
      expect(edtech[0]).toMatch(/teachers|learners|education/);
      expect(health[0]).toMatch(/care|healthcare|clinicians|patients/);
    }
  });

  it('differs between role families in the same industry, each with its own questions', () => {
    const families = [
      'Technical Program Manager',
      'Operations Manager',
      'Customer Success Manager',
      'Content Strategist',
      'Compliance Analyst',
      'Solutions Engineer',
      'Data Scientist',
      'Nurse Educator',
      'Policy Analyst',
      'Product Manager',
      'UX Researcher',
    ];
    const lists = families.map((role) => first({ role, industry: 'Fintech', seed: 'same' }).join('|'));
    expect(new Set(lists).size).toBe(families.length);
    for (const role of families) {
      const family = roleFamily(role);
      const own = chooseQuestions({ role, seed: 'same' }).filter((q) => q.roles.includes(family));
      expect(own.length, role).toBeGreaterThanOrEqual(2);
    }
  });

  it('never gives a Technical Program Manager product-manager questions', () => {
    for (let i = 0; i < 30; i += 1) {
      for (const q of chooseQuestions({ role: 'Technical Program Manager', seed: `s${i}`, count: 7 })) {
        expect(q.roles.includes('product')).toBe(false);
      }
    }
  });

  it('opens with the person’s own path when the note tells it', () => {
    const path = careerPath('She moved from teaching into UX research two years ago.');
    expect(path).toEqual({ from: 'teaching', to: 'UX research' });
    expect(careerPath('Her switch from audit to building forecasting dashboards at Intuit.')).toEqual({
      from: 'audit',
      to: 'building forecasting dashboards',
    });
    expect(careerPath('I admire how he went from Army logistics to supply-chain analytics.')?.from).toBe(
      'Army logistics',
    );
    expect(careerPath('Built the team from scratch')).toBeNull();
    expect(careerPath('ran kitchens for ten years')).toBeNull();
    const list = chooseQuestions({
      role: 'UX Research Lead',
      industry: 'EdTech',
      why: 'She moved from teaching into UX research two years ago.',
      seed: 'c1',
    });
    expect(list[0]?.text).toBe(
      'What made you move from teaching into UX research, and which habits from that time still help you?',
    );
  });

  it('draws on the student’s background from "About you"', () => {
    expect(goalBackground("I manage a retail store and I'm moving into customer success.")).toBe(
      'managing a retail store',
    );
    expect(goalBackground('I was a nurse for eight years')).toBe('my work as a nurse');
    const mine = chooseQuestions({
      role: 'Customer Success Manager',
      goal: "I manage a retail store and I'm moving into customer success.",
      seed: 'c1',
    });
    const none = chooseQuestions({ role: 'Customer Success Manager', seed: 'c1' });
    expect(mine.map((q) => q.text)).not.toEqual(none.map((q) => q.text));
    expect(mine.filter((q) => q.text.includes('managing a retail store'))).toHaveLength(1);
  });

  it('reads well for every persona: 5–7 questions, each a question, the person’s path first, "who else" last', () => {
    for (const p of PERSONAS) {
      const list = chooseQuestions({
        role: p.contact.role,
        industry: p.contact.industry,
        why: p.contact.why,
        goal: p.student.about,
        seed: p.id,
      });
      expect(list.length, p.id).toBeGreaterThanOrEqual(5);
      expect(list.length, p.id).toBeLessThanOrEqual(7);
      expect(list.at(-1)).toEqual(CLOSING_QUESTION);
      for (const q of list) {
        expect(q.text, p.id).toMatch(/^[A-Z].*\?$/);
        expect(q.text, p.id).not.toMatch(/\{|\}|\b(?:she|he|her|his|they|their)\b.*\bfrom\b.*\binto\b/);
        expect(q.text.split(' ').length, p.id).toBeLessThanOrEqual(22);
      }
      expect(new Set(list.map((q) => q.text)).size).toBe(list.length);
    }
  });
});

// Phrasings that turn a learning chat into a screen of the student (or a job ask).
const SCREENING = [
  /\blook for\b/i,
  /\bstand(?:s)? out\b/i,
  /\bcandidates?\b.*\b(?:hesitate|red flag|reject|worth)\b/i,
  /\b(?:hesitate|red flags?)\b/i,
  /\bworth a closer look\b/i,
  /\bsomeone's (?:portfolio|resume|cv|application)\b/i,
  /\bmy (?:portfolio|resume|cv|application)\b/i,
  /\b(?:are you|is your team) hiring\b/i,
  /\b(?:refer|hire|interview) me\b/i,
  /\bopen (?:roles?|positions?)\b/i,
  /\binterviews?\b.*\b(?:find out|test|looking)\b/i,
];

describe('no screening questions in the bank', () => {
  it('asks about their judgment and experience, never how they would judge a candidate', () => {
    const screening = QUESTION_BANK.filter((q) => SCREENING.some((re) => re.test(q.text)));
    expect(screening.map((q) => q.text)).toEqual([]);
  });

  it('the check catches the questions it is for', () => {
    for (const text of [
      "What do you look for first when you open someone's portfolio?",
      'When your team hires, what makes a candidate stand out?',
      'What makes you hesitate about a candidate, even one with a strong resume?',
      'Are you hiring right now?',
    ]) {
      expect(
        SCREENING.some((re) => re.test(text)),
        text,
      ).toBe(true);
    }
  });
});

describe('the 5–7 rule', () => {
  it('says how many to untick or add', () => {
    expect(listSizeProblem(9)).toEqual({ untick: 2 });
    expect(listSizeProblem(8)).toEqual({ untick: 1 });
    expect(listSizeProblem(7)).toBeNull();
    expect(listSizeProblem(5)).toBeNull();
    expect(listSizeProblem(4)).toEqual({ add: 1 });
  });
});

describe('searchable questions get a better one', () => {
  it.each([
    ['What does Duolingo do?', 'What surprised you about how Duolingo works from the inside?'],
    ['Where is your office?', 'How does your team make working together easy, in the office or apart?'],
    ['How many employees does Acme have?', 'How does Acme’s size shape the way your team works day to day?'],
    [
      'When was Khan Academy founded?',
      'How has Khan Academy changed since you joined, and what has that meant for your work?',
    ],
    ['What does your company do?', 'What surprised you about how Globex works from the inside?'],
  ])('%s → %s', (question, better) => {
    expect(flagSearchableQuestions([question], { company: 'Globex' })).toEqual([
      { question, reason: expect.any(String), better },
    ]);
  });

  it('names "your company" when neither the question nor the person names one', () => {
    expect(flagSearchableQuestions(['What does your company do?'])[0]?.better).toBe(
      'What surprised you about how your company works from the inside?',
    );
  });

  it('never flags a better question it offers', () => {
    const better = flagSearchableQuestions(
      ['What does Duolingo do?', 'Where is your office?', 'How big is the company?', 'Who is the CEO?'],
      { company: 'Acme' },
    ).map((f) => f.better);
    expect(better).toHaveLength(4);
    expect(flagSearchableQuestions(better)).toEqual([]);
  });
});
