// Checks an outreach message against the method: short, specific, one time-boxed request, no job ask.
// These are heuristics meant to catch the common slips; every issue comes with a one-line fix.
import { countWords, squish, straightenQuotes } from './text';

export const ASK_WORD_LIMIT = 120;
/** Longest request that still reads as "brief enough to say yes to" (the method: 20–30 minutes). */
export const ASK_MAX_MINUTES = 30;

export const ASK_ISSUE_CODES = [
  'empty',
  'job_ask',
  'too_long',
  'no_time_box',
  'not_specific',
  'multiple_requests',
] as const;
export type AskIssueCode = (typeof ASK_ISSUE_CODES)[number];

export interface AskIssue {
  code: AskIssueCode;
  /** One line: what is wrong. */
  message: string;
  /** One line: how to fix it. */
  fix: string;
}

export interface AskCheck {
  ok: boolean;
  issues: AskIssue[];
  wordCount: number;
}

export interface AskCheckContext {
  contactName?: string;
  role?: string | null;
  company?: string | null;
  /** Why the member picked this person; words from it in the message count as a specific reason. */
  why?: string | null;
}

/** Runs every check; issues come most serious first. */
export function checkAsk(text: string, context: AskCheckContext = {}): AskCheck {
  const wordCount = countWords(text);
  if (wordCount === 0) {
    return {
      ok: false,
      wordCount,
      issues: [
        {
          code: 'empty',
          message: 'There is no message to check yet.',
          fix: 'Write a few lines, or start from a draft.',
        },
      ],
    };
  }

  const original = normalizeForMatching(text);
  const lower = original.toLowerCase();
  const issues: AskIssue[] = [];

  if (jobAskIn(lower) !== null) {
    issues.push({
      code: 'job_ask',
      message: 'This reads like a request for a job, opening or referral.',
      fix: 'Ask only to learn about their path; opportunities tend to come up on their own later.',
    });
  }
  if (wordCount > ASK_WORD_LIMIT) {
    issues.push({
      code: 'too_long',
      message: `It runs to ${wordCount} words; a busy person says yes more easily to ${ASK_WORD_LIMIT} or fewer.`,
      fix: 'Keep three things: who you are, why them, and the time you are asking for.',
    });
  }
  const minutes = minutesIn(lower);
  if (minutes === null) {
    issues.push({
      code: 'no_time_box',
      message: 'It does not say how much of their time you are asking for.',
      fix: 'Ask for a set amount, such as "20 minutes, whenever suits you".',
    });
  } else if (minutes > ASK_MAX_MINUTES) {
    issues.push({
      code: 'no_time_box',
      message: `${minutes} minutes is a lot to ask of someone you have not met.`,
      fix: 'Ask for 20 to 30 minutes; if they want to keep talking, they will.',
    });
  }
  // A stock phrase is judged the same wherever it stands, whatever else the message says.
  const stock = STOCK_PHRASES.map((re) => re.exec(lower)?.[0]).find(Boolean);
  if (stock) {
    issues.push({
      code: 'not_specific',
      message: `"${stock}" could go to anyone; it does not say why you chose them.`,
      fix: specificFix(context),
    });
  } else if (!hasSpecificReason(original, lower, context)) {
    issues.push({
      code: 'not_specific',
      message: GENERIC_PHRASES.some((re) => re.test(lower))
        ? 'Phrases like "pick your brain" could go to anyone; it does not say why you chose them.'
        : 'It does not say why you chose this person in particular.',
      fix: specificFix(context),
    });
  }
  const requests = requestsIn(lower);
  if (requests.length > 1) {
    issues.push({
      code: 'multiple_requests',
      message: `It asks for more than one thing (${requests.join(', ')}).`,
      fix: 'Keep the one short conversation; anything else can wait until you know each other.',
    });
  }

  return { ok: issues.length === 0, issues, wordCount };
}

function normalizeForMatching(text: string): string {
  return squish(straightenQuotes(text).replace(/[\u2010-\u2014]/g, '-'));
}

// ---------------------------------------------------------------------------------------------
// Job asks. Talking about hiring ("how does hiring work on your team?") is a fine learning
// question; asking to be hired, referred or considered is not.

const JOB_ASK_PATTERNS: RegExp[] = [
  /\b(?:any|some)\s+(?:current\s+|job\s+|open\s+|new\s+)*(?:openings?|vacanc(?:y|ies)|open\s+(?:roles?|positions?|reqs?|jobs?))\b/,
  /\b(?:are|is)\s+there\s+(?:any\s+|an?\s+)?(?:current\s+|job\s+|open\s+)*(?:openings?|vacanc(?:y|ies))\b/,
  /\b(?:are|is)\s+there\s+(?:any\s+|an?\s+)?(?:\w+\s+)?(?:positions?|roles?|jobs?|internships?)\s+(?:open|available|going)\b/,
  /\b(?:positions?|roles?|jobs?|internships?|openings?)\s+(?:open\s+|available\s+)?(?:on|in|at)\s+your\s+(?:team|company|org|organi[sz]ation|department|firm|group)\b/,
  /\b(?:job|internship|career|employment)\s+(?:openings?|opportunit(?:y|ies)|vacanc(?:y|ies))\b/,
  /\bopportunit(?:y|ies)\s+(?:on|at|in|with)\s+your\s+(?:team|company|org|firm|group)\b/,
  /\b(?:a|any|an)\s+(?:[\w-]+\s+)?(?:roles?|positions?|jobs?|places?|spots?|openings?|seats?)\s+for\s+(?:me|someone like me)\b/,
  /\bhire\s+me\b/,
  /\b(?:consider|keep)\s+me\s+(?:in\s+mind\s+)?for\b/,
  /\bkeep\s+me\s+in\s+mind\b/,
  /\brefer(?:ring)?\s+me\b/,
  /\b(?:a|your)\s+referral\s+(?:for|to|into)\b/,
  /\b(?:get|give|provide|offer|write)\s+(?:me\s+)?(?:a\s+)?referral\b/,
  /\bput\s+(?:in\s+)?a\s+(?:good\s+)?word\b/,
  /\bput\s+me\s+forward\b/,
  /\brecommend\s+me\s+(?:for|to)\b/,
  /\b(?:pass|forward|send|hand|share|submit|circulate|give)\s+(?:you\s+|along\s+|on\s+)*my\s+(?:resume|résumé|cv)\b/,
  /\b(?:attached|attaching|enclosed|enclosing)\s+(?:is\s+|are\s+)?my\s+(?:resume|résumé|cv)\b/,
  /\bmy\s+(?:resume|résumé|cv)\s+(?:is\s+)?(?:attached|enclosed)\b/,
  /\bhelp\s+me\s+(?:get|land|find|secure)\s+(?:a|an|the|my)\s+(?:\w+\s+)?(?:job|internship|position|role|interview|offer)\b/,
  /\b(?:get|land|find|secure)\s+me\s+(?:a|an|the)\s+(?:\w+\s+)?(?:job|internship|position|role|interview)\b/,
  /\b(?:i'm|i\s+am|currently)\s+(?:actively\s+)?(?:looking|searching|applying)\s+for\s+(?:a\s+|an\s+)?(?:new\s+|junior\s+|entry[-\s]level\s+|full[-\s]time\s+)?(?:jobs?|internships?|positions?|work|employment)\b/,
  /\b(?:i\s+(?:have\s+|just\s+|recently\s+)*applied|i'm\s+applying|i've\s+applied|i\s+am\s+applying)\s+(?:for|to)\b/,
  /\bmy\s+application\b/,
  /\b(?:job|internship|position)\s+(?:at|on|with)\s+your\s+(?:company|team|firm|org)\b/,
];

const HIRING_VERB =
  /\b(are|is|'re|'s)\s+((?:[\w'-]+\s+){0,3}?)(?:currently\s+|still\s+|actively\s+)?hiring\b(?=\s*(?:[?!.,;:)]|$)|\s+(?:for|right now|now|at the moment|currently|soon|again|any|more|new|junior|juniors|entry|interns?|people|someone|anyone|designers?|engineers?|developers?|analysts?|researchers?|at|in|on)\b)/g;

/** The phrase that asks for a job, opening or referral, or null when there is none. */
export function findJobAsk(text: string): string | null {
  return jobAskIn(normalizeForMatching(text).toLowerCase());
}

function jobAskIn(lower: string): string | null {
  for (const pattern of JOB_ASK_PATTERNS) {
    const found = pattern.exec(lower);
    if (found) return found[0];
  }
  for (const found of lower.matchAll(HIRING_VERB)) {
    if (isHiringAsSubject(lower, found)) continue;
    return found[0];
  }
  return null;
}

// "Is hiring for juniors hard?" and "how's hiring at Acme?" talk about hiring as a topic; "Acme is
// hiring" and "are you hiring?" ask about openings. With no words between the verb and "hiring", the
// word before the verb tells them apart.
function isHiringAsSubject(lower: string, found: RegExpMatchArray): boolean {
  const between = found[2] ?? '';
  if (between !== '') return false;
  const before = lower.slice(0, found.index ?? 0);
  return /(?:^|[.?!:;]\s*|\b(?:how|what|why|when|where|whether|that|it)\s*)$/.test(before);
}

// ---------------------------------------------------------------------------------------------
// Time box.

const NUMBER_WORDS: Record<string, number> = {
  five: 5,
  ten: 10,
  fifteen: 15,
  twenty: 20,
  'twenty five': 25,
  'twenty-five': 25,
  thirty: 30,
  forty: 40,
  'forty five': 45,
  'forty-five': 45,
  sixty: 60,
};
const NUMBER = `(\\d{1,3}|twenty[-\\s]five|forty[-\\s]five|five|ten|fifteen|twenty|thirty|forty|sixty)`;
const MINUTES = new RegExp(
  `\\b${NUMBER}(?:\\s*(?:-|to|or)\\s*${NUMBER})?\\s*-?\\s*(?:min|mins|minutes?)\\b`,
  'g',
);
const HALF_HOUR = /\b(?:half\s+an\s+hour|half[-\s]hour)\b/;
const QUARTER_HOUR = /\b(?:quarter\s+of\s+an\s+hour|quarter[-\s]hour)\b/;
const HOUR = /\b(?:an|one|1|a\s+full)\s*-?\s*hours?\b|\bhour[-\s]long\b/;

function toMinutes(value: string | undefined): number | null {
  if (value === undefined) return null;
  const digits = Number.parseInt(value, 10);
  if (Number.isFinite(digits)) return digits;
  return NUMBER_WORDS[value.replace(/\s+/g, ' ')] ?? null;
}

/** The shortest amount of time the message asks for, in minutes, or null when it names none. */
export function requestedMinutes(text: string): number | null {
  return minutesIn(normalizeForMatching(text).toLowerCase());
}

function minutesIn(lower: string): number | null {
  const found: number[] = [];
  for (const match of lower.matchAll(MINUTES)) {
    const high = toMinutes(match[2]) ?? toMinutes(match[1]);
    if (high !== null) found.push(high);
  }
  if (QUARTER_HOUR.test(lower)) found.push(15);
  if (HALF_HOUR.test(lower)) found.push(30);
  const withoutHalf = lower.replace(HALF_HOUR, ' ').replace(QUARTER_HOUR, ' ');
  if (HOUR.test(withoutHalf)) found.push(60);
  return found.length === 0 ? null : Math.min(...found);
}

// ---------------------------------------------------------------------------------------------
// A specific reason for choosing this person.

const GENERIC_PHRASES: RegExp[] = [
  /\bpick\s+your\s+brain\b/,
  /\bcame\s+across\s+your\s+profile\b/,
  /\bexpand(?:ing)?\s+my\s+network\b/,
  /\bgrow(?:ing)?\s+my\s+network\b/,
  /\blove\s+to\s+connect\b/,
];

// Lines that sound like a reason but would fit anyone's path: flagged in any sentence.
const STOCK_PHRASES: RegExp[] = [
  /\b(?:is|are|was)\s+exactly\s+where\s+i(?:'m|\s+am)\s+(?:hoping|trying|looking|aiming|wanting)\s+to\s+(?:head|go|be)\b/,
  /\b(?:is|are)\s+the\s+(?:kind|sort|type)\s+of\s+(?:path|career|journey)\s+i(?:'m|\s+am)\s+(?:hoping|trying|looking)\s+to\s+follow\b/,
  /\bthe\s+direction\s+i(?:'m|\s+am)\s+hoping\s+to\s+take\b/,
  /\byour\s+(?:profile|background|experience)\s+(?:is\s+)?(?:really\s+)?(?:impressive|inspiring|amazing)\b/,
];

const PATH_PATTERNS: RegExp[] = [
  /\byour\s+(?:[\w-]+\s+){0,2}?(?:move|switch|transition|path|journey|jump|shift|pivot|career\s+change|route|leap)\s+(?:from|into|to|in|out\s+of)\b/,
  /\byou\s+(?:[\w-]+\s+)?(?:moved|switched|transitioned|pivoted|jumped|went|came|made\s+the\s+(?:jump|switch|move|leap|transition))\s+(?:from|into|to|over)\b/,
  /\byour\s+(?:[\w-]+\s+){0,2}?(?:talk|post|article|piece|podcast|episode|book|newsletter|thread|paper|case\s+study|portfolio|course|workshop|panel|interview|presentation|keynote|essay|blog|research)\s+(?:on|about|at|in|for|from)\b/,
  /\byour\s+(?:work|role|time|experience|years)\s+(?:on|at|in|with|as|leading|building)\b/,
  /\b(?:as|at)\s+(?:a|an)\s+[\w-]+(?:\s+[\w-]+)?\s+(?:at|in|on|for)\s/,
];
// A capitalised name after "at"/"joined" ("your team at Acme"), read from the original casing.
const NAMED_ORGANISATION =
  /\b(?:at|joined|joining|founded|co-founded|leading|led)\s+(?!I\b|I')[A-Z][\w&.'-]*/;

const GENERIC_TITLE_WORDS = new Set([
  'senior',
  'junior',
  'sr',
  'jr',
  'lead',
  'staff',
  'principal',
  'associate',
  'assistant',
  'head',
  'chief',
  'intern',
  'manager',
  'director',
  'vp',
  'of',
  'and',
  'the',
  'at',
  'in',
  'for',
  'ii',
  'iii',
  'iv',
]);
const COMMON_WORDS = new Set([
  'about',
  'after',
  'their',
  'there',
  'which',
  'would',
  'could',
  'should',
  'where',
  'because',
  'really',
  'works',
  'years',
  'people',
  'think',
  'thing',
  'things',
]);

function words(lower: string): string[] {
  return lower.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

function stem(token: string): string {
  return token.length > 5 ? token.slice(0, token.length - 2) : token;
}

function mentionsRole(textWords: readonly string[], role: string): boolean {
  const tokens = words(role.toLowerCase()).filter((t) => t.length >= 2 && !GENERIC_TITLE_WORDS.has(t));
  return tokens.some((token) => {
    if (token.length <= 3) return textWords.includes(token);
    const root = stem(token);
    return textWords.some((w) => w.startsWith(root));
  });
}

function mentionsCompany(lower: string, company: string): boolean {
  const key = words(company.toLowerCase());
  if (key.length === 0) return false;
  const joined = ` ${words(lower).join(' ')} `;
  if (joined.includes(` ${key.join(' ')} `)) return true;
  const first = key[0] ?? '';
  return key.length > 1 && first.length >= 4 && first !== 'the' && joined.includes(` ${first} `);
}

function mentionsWhy(textWords: readonly string[], why: string): boolean {
  const distinctive = words(why.toLowerCase()).filter((t) => t.length >= 3 && !COMMON_WORDS.has(t));
  // Long words say the most; a short reason ("Acme", "SRE work") still counts by its short words.
  const long = distinctive.filter((t) => t.length >= 5);
  const tokens = long.length > 0 ? long : distinctive;
  return tokens.some((token) => textWords.some((w) => w.startsWith(stem(token))));
}

function hasSpecificReason(original: string, lower: string, context: AskCheckContext): boolean {
  const textWords = words(lower);
  if (context.role && mentionsRole(textWords, context.role)) return true;
  if (context.company && mentionsCompany(lower, context.company)) return true;
  if (context.why && mentionsWhy(textWords, context.why)) return true;
  if (PATH_PATTERNS.some((re) => re.test(lower))) return true;
  return NAMED_ORGANISATION.test(original);
}

function specificFix(context: AskCheckContext): string {
  const where = [context.role, context.company].filter(Boolean).join(' at ');
  return where
    ? `Add one line on what stands out about their work as ${where}.`
    : 'Add one line on what stands out about their path, such as a move you want to make too.';
}

// ---------------------------------------------------------------------------------------------
// Several requests in one message.

const REQUEST_KINDS: { label: string; pattern: RegExp }[] = [
  {
    label: 'a conversation',
    pattern: /\b(?:call|chat|coffee|conversation|meet|meeting|talk|zoom|video)\b|\b\d{1,3}\s*-?\s*min/,
  },
  {
    label: 'a review of your work',
    pattern:
      /\b(?:look\s+(?:at|over|through)|review|glance\s+(?:at|over)|critique|feedback\s+on|thoughts\s+on|check\s+out|go\s+over)\s+(?:my|our)\s+(?:[\w-]+\s+)?(?:portfolio|resume|résumé|cv|website|site|work|projects?|case\s+stud(?:y|ies)|github|code|deck|cover\s+letter|linkedin|profile|app|designs?)\b/,
  },
  {
    label: 'an introduction',
    pattern:
      /\b(?:you|and|also|maybe|perhaps|possibly|even|then)\s+(?:[\w']+\s+){0,2}?(?:introduce|intro|connect)\s+me\b|\bput\s+me\s+in\s+touch\b|\ban?\s+(?:quick\s+|warm\s+)?intro(?:duction)?\s+to\b/,
  },
  {
    label: 'mentoring',
    pattern:
      /\b(?:be\s+my\s+mentor|mentor\s+me|ongoing\s+mentor(?:ing|ship)|(?:regular|weekly|monthly|ongoing)\s+(?:calls|chats|check-?ins|meetings))\b/,
  },
  { label: 'shadowing', pattern: /\bshadow\s+(?:you|your|someone)\b/ },
  {
    label: 'written answers',
    pattern:
      /\b(?:fill\s+(?:out|in)\s+(?:a|my|this|the)\s+(?:short\s+|quick\s+)?(?:survey|form|questionnaire)|answer\s+(?:a\s+few|some|these|my)\s+questions\s+(?:by|over|via|in)\s+(?:email|writing|message))\b/,
  },
  {
    label: 'an endorsement',
    pattern: /\b(?:endorse\s+me|(?:write|give)\s+me\s+a\s+(?:linkedin\s+)?recommendation)\b/,
  },
];

/** The distinct things the message asks for (a conversation, a review, an intro…). */
export function requestKinds(text: string): string[] {
  return requestsIn(normalizeForMatching(text).toLowerCase());
}

function requestsIn(lower: string): string[] {
  return REQUEST_KINDS.filter((kind) => kind.pattern.test(lower)).map((kind) => kind.label);
}
