import { describe, expect, it } from 'vitest';
import {
  ASK_WORD_LIMIT,
  type AskCheckContext,
  type AskIssueCode,
  checkAsk,
  findJobAsk,
  requestedMinutes,
  requestKinds,
} from '../../src/coaching/ask-checker';

const JANE: AskCheckContext = { contactName: 'Jane Doe', role: 'UX researcher', company: 'Acme Health' };

const intro = "Hi Jane, I'm moving from teaching to UX research.";
const why = 'Your work as a UX researcher at Acme Health stands out to me.';
const timeBox = 'Would you be open to a 20-minute video call, whenever suits you?';
const good = (...parts: string[]): string => [intro, ...parts].join(' ');

interface Row {
  name: string;
  text: string;
  context?: AskCheckContext;
  expected: AskIssueCode[];
}

const longAsk = good(
  why,
  timeBox,
  Array.from({ length: 12 }, () => 'I have been reading about research ops and it fascinates me.').join(' '),
);

const rows: Row[] = [
  // Asks that pass.
  { name: 'a clear, specific, time-boxed ask', text: good(why, timeBox), context: JANE, expected: [] },
  {
    name: 'talking about hiring as a topic is fine',
    text: good(why, 'Could I have 20 minutes to hear how hiring works on your team, whenever suits you?'),
    context: JANE,
    expected: [],
  },
  {
    name: '"twenty minutes" in words',
    text: good(why, 'Could you spare twenty minutes for a call, whenever suits you?'),
    context: JANE,
    expected: [],
  },
  {
    name: '"20-minute" with a hyphen',
    text: good(why, 'Might you have time for a 20-minute coffee?'),
    context: JANE,
    expected: [],
  },
  {
    name: '"quick 15-min call"',
    text: good(why, 'Open to a quick 15-min call next week?'),
    context: JANE,
    expected: [],
  },
  {
    name: '"half an hour"',
    text: good(why, 'Could I take half an hour of your time, whenever suits you?'),
    context: JANE,
    expected: [],
  },
  {
    name: 'a range with an en dash',
    text: good(why, 'Would 15–20 minutes on the phone work, at a time that suits you?'),
    context: JANE,
    expected: [],
  },
  {
    name: 'shouting in capitals changes nothing',
    text: 'HI JANE, I AM MOVING INTO UX RESEARCH. YOUR WORK AS A UX RESEARCHER AT ACME HEALTH STANDS OUT TO ME. COULD I HAVE 20 MINUTES?',
    context: JANE,
    expected: [],
  },
  {
    name: 'curly apostrophes',
    text: 'Hi Jane, I’m moving into UX research and your move from teaching into research stands out. I’d love a 20-minute chat.',
    expected: [],
  },
  {
    name: 'a path described without context',
    text: 'Hi Sam, your switch from nursing into product design is the move I hope to make. Could we talk for 20 minutes?',
    expected: [],
  },
  {
    name: 'a named company without context',
    text: 'Hi Sam, I saw your research work at Globex and would love 20 minutes to learn how you got there.',
    expected: [],
  },
  {
    name: 'the "why" words count as specific',
    text: 'Hi Sam, I loved your podcast episode about accessibility audits. Could I have 20 minutes sometime?',
    context: { why: 'podcast episode on accessibility audits' },
    expected: [],
  },

  // Job asks.
  {
    name: '"are you hiring?"',
    text: good(why, timeBox, 'Also, are you hiring?'),
    context: JANE,
    expected: ['job_ask'],
  },
  {
    name: '"any openings"',
    text: good(why, timeBox, 'Do you know of any openings on your team?'),
    context: JANE,
    expected: ['job_ask'],
  },
  {
    name: '"pass my resume"',
    text: good(why, timeBox, 'Could you pass my resume to your manager?'),
    context: JANE,
    expected: ['job_ask'],
  },
  {
    name: 'a referral to a role',
    text: good(why, timeBox, 'I would be grateful for a referral for the junior researcher role.'),
    context: JANE,
    expected: ['job_ask'],
  },
  {
    name: '"is your team hiring right now"',
    text: good(why, timeBox, 'Is your team hiring right now?'),
    context: JANE,
    expected: ['job_ask'],
  },
  {
    name: '"refer me"',
    text: good(why, timeBox, 'Could you refer me?'),
    context: JANE,
    expected: ['job_ask'],
  },
  {
    name: 'announcing a job search',
    text: good(why, timeBox, "I'm actively looking for a job in UX."),
    context: JANE,
    expected: ['job_ask'],
  },
  {
    name: 'attaching a resume',
    text: good(why, timeBox, 'I’ve attached my resume for context.'),
    context: JANE,
    expected: ['job_ask'],
  },
  {
    name: 'mentioning an application',
    text: good(why, timeBox, 'I applied for the Junior Researcher role last week.'),
    context: JANE,
    expected: ['job_ask'],
  },

  // Time box.
  {
    name: '"a quick call" with no time',
    text: good(why, 'Would you be up for a quick call?'),
    context: JANE,
    expected: ['no_time_box'],
  },
  {
    name: '"a few minutes" is not a number',
    text: good(why, 'Could I steal a few minutes of your time?'),
    context: JANE,
    expected: ['no_time_box'],
  },
  {
    name: 'an hour is too much to ask',
    text: good(why, 'Could we meet for an hour next week?'),
    context: JANE,
    expected: ['no_time_box'],
  },
  {
    name: '60 minutes is too much to ask',
    text: good(why, 'Could we book a 60-minute call?'),
    context: JANE,
    expected: ['no_time_box'],
  },

  // Length.
  { name: 'over the word limit', text: longAsk, context: JANE, expected: ['too_long'] },

  // Specific reason.
  {
    name: '"pick your brain" with nothing about them',
    text: "Hi Jane, I'm new to the industry and would love to pick your brain. Do you have 20 minutes?",
    context: JANE,
    expected: ['not_specific'],
  },
  {
    name: 'generic without context',
    text: 'Hi there, I came across your profile and would love to connect. Could we chat for 15 minutes?',
    expected: ['not_specific'],
  },
  {
    name: 'greeting by name alone is not a reason',
    text: 'Hi Jane Doe, I would love 20 minutes of your time to learn more.',
    context: JANE,
    expected: ['not_specific'],
  },

  // Several requests.
  {
    name: 'a call, a portfolio review and an intro',
    text: good(
      why,
      timeBox,
      'Could you also look over my portfolio and maybe introduce me to your design lead?',
    ),
    context: JANE,
    expected: ['multiple_requests'],
  },
  {
    name: 'a call and mentoring',
    text: good(why, timeBox, 'I was also hoping you might be my mentor.'),
    context: JANE,
    expected: ['multiple_requests'],
  },
  {
    name: 'a referral opener is not a request for an introduction',
    text: `Jane suggested I reach out. ${good(why, timeBox)}`,
    context: JANE,
    expected: [],
  },

  // Empty.
  { name: 'blank', text: '   \n  ', expected: ['empty'] },
  { name: 'only punctuation', text: '… — !', expected: ['empty'] },

  // Everything at once.
  {
    name: 'a covert application',
    text: 'Hi, I would love to pick your brain. Are you hiring? I have attached my resume.',
    expected: ['job_ask', 'no_time_box', 'not_specific'],
  },
];

describe('checkAsk', () => {
  it('has a thorough table', () => {
    expect(rows.length).toBeGreaterThanOrEqual(25);
  });

  it.each(rows)('$name', ({ text, context, expected }) => {
    const result = checkAsk(text, context);
    expect(result.issues.map((i) => i.code)).toEqual(expected);
    expect(result.ok).toBe(expected.length === 0);
  });

  it('counts words and reports them', () => {
    expect(checkAsk('one two three').wordCount).toBe(3);
    expect(checkAsk(longAsk, JANE).wordCount).toBeGreaterThan(ASK_WORD_LIMIT);
  });

  it('allows exactly the word limit and flags one more', () => {
    const filler = (n: number): string => Array.from({ length: n }, () => 'word').join(' ');
    const base = good(why, timeBox);
    const baseWords = checkAsk(base, JANE).wordCount;
    const atLimit = `${base} ${filler(ASK_WORD_LIMIT - baseWords)}`;
    expect(checkAsk(atLimit, JANE).issues.map((i) => i.code)).not.toContain('too_long');
    expect(checkAsk(`${atLimit} word`, JANE).issues.map((i) => i.code)).toContain('too_long');
  });

  it('gives every issue a one-line message and fix', () => {
    const result = checkAsk(
      'Hi, can you pick your brain, look at my portfolio and introduce me to your boss? Are you hiring?',
    );
    expect(result.issues.length).toBeGreaterThan(2);
    for (const issue of result.issues) {
      expect(issue.message.length).toBeGreaterThan(10);
      expect(issue.fix.length).toBeGreaterThan(10);
      expect(issue.message).not.toContain('\n');
      expect(issue.fix).not.toContain('\n');
    }
  });

  it('names the role and company in the not-specific fix when it knows them', () => {
    const result = checkAsk('Hi Jane, could I have 20 minutes?', JANE);
    const issue = result.issues.find((i) => i.code === 'not_specific');
    expect(issue?.fix).toContain('UX researcher at Acme Health');
  });

  it('says how many minutes were asked for when it is too many', () => {
    const issue = checkAsk(good(why, 'Could we do 90 minutes?'), JANE).issues[0];
    expect(issue?.code).toBe('no_time_box');
    expect(issue?.message).toContain('90 minutes');
  });
});

describe('findJobAsk', () => {
  it.each([
    ['Are you hiring?', true],
    ['Is Acme hiring at the moment?', true],
    ["I heard you're hiring designers.", true],
    ['Do you know anyone who’s hiring?', true],
    ['Are there any open roles on your team?', true],
    ['Would you keep me in mind for future roles?', true],
    ['Could you put in a good word for me?', true],
    ['How does hiring work on your team?', false],
    ['Is hiring for juniors hard right now?', false],
    ["What's hiring like at Acme?", false],
    ['What do hiring managers look for in a portfolio?', false],
    ['What is the hiring process like?', false],
    ['Jane referred me to you.', false],
    ['How did you land your first job?', false],
  ])('%s → %s', (text, isJobAsk) => {
    expect(findJobAsk(text) !== null).toBe(isJobAsk);
  });
});

describe('requestedMinutes', () => {
  it.each([
    ['20 minutes', 20],
    ['a 20-minute chat', 20],
    ['20min', 20],
    ['a quick 15-min call', 15],
    ['twenty minutes', 20],
    ['twenty-five minutes', 25],
    ['Twenty Minutes', 20],
    ['15-20 minutes', 20],
    ['15 to 20 minutes', 20],
    ['half an hour', 30],
    ['a half-hour call', 30],
    ['a quarter of an hour', 15],
    ['an hour', 60],
    ['a 1-hour call', 60],
    ['a quick call', null],
    ['a few minutes', null],
    ['', null],
  ])('%s → %s', (text, minutes) => {
    expect(requestedMinutes(text)).toBe(minutes);
  });
});

describe('requestKinds', () => {
  it('counts a conversation once however it is described', () => {
    expect(requestKinds('a 20-minute coffee, phone call or video chat')).toEqual(['a conversation']);
  });

  it('lists each distinct favour', () => {
    expect(
      requestKinds(
        'a 20-minute call, then could you review my portfolio and put me in touch with your manager?',
      ),
    ).toEqual(['a conversation', 'a review of your work', 'an introduction']);
  });

  it('finds nothing in a message with no request', () => {
    expect(requestKinds('Thanks for reading.')).toEqual([]);
  });
});

describe('checkAsk: the same phrase, the same verdict', () => {
  const ctx = { contactName: 'Jo Park', role: 'UX Research Lead', company: 'Khan Academy' };
  const ask = (line: string) =>
    `Hi Jo, I'm moving from teaching to UX research. ${line} Would you be open to a 20-minute call, whenever suits you?`;

  it('flags a stock line wherever it stands', () => {
    for (const line of [
      "Your path is exactly where I'm hoping to head.",
      "Your work as a UX Research Lead at Khan Academy is exactly where I'm hoping to head.",
    ]) {
      expect(checkAsk(ask(line), ctx).issues.map((i) => i.code)).toContain('not_specific');
    }
    expect(
      checkAsk(ask('Your move from teaching into research at Khan Academy stands out to me.'), ctx).ok,
    ).toBe(true);
  });

  it('flags asks over 30 minutes (the method asks for 20 to 30)', () => {
    const text = (m: number) =>
      ask(`Your move from teaching into research stands out to me.`).replace('20', String(m));
    expect(checkAsk(text(30), ctx).ok).toBe(true);
    const long = checkAsk(text(45), ctx).issues.find((i) => i.code === 'no_time_box');
    expect(long?.message).toContain('45 minutes');
    expect(long?.fix).toContain('20 to 30 minutes');
  });
});
