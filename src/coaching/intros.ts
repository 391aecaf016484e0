// Warm intros between classmates: who might know someone at a company or in a role, and the words
// around a request. Pure: plain data in, plain text out.
//
// Privacy is the point of most of this: the requester learns only that their request went out (the
// same words whether nobody or five classmates matched), and a classmate's contacts reach the
// requester only when that classmate accepts, one person at a time.
import { draftAsk, formatAskDraft } from './ask';
import { searchKey } from './names';
import { firstName, plural, squish, stripTrailingPunctuation, withArticle } from './text';
import type { Stage } from './types';

const DAY_MS = 24 * 60 * 60 * 1000;

export const INTRO_RULES = {
  /** Requests (one `/coach who-knows` that went out) a member may make in any 24 hours. */
  perDay: 5,
  windowMs: DAY_MS,
  /** Classmates asked for one request at most; those with the most matching people first. */
  classmatesPerRequest: 10,
  /** A request nobody answered closes after this long, and the requester hears a kind no. */
  expireAfterMs: 7 * DAY_MS,
  /** Longest query kept (a company or a role is a few words). */
  queryMaxChars: 80,
} as const;

/**
 * The stages of people a classmate "knows": those they have had a conversation with. A name still on
 * their own target list is someone they have not met, so it cannot be a warm intro.
 */
export const KNOWN_STAGES: readonly Stage[] = ['met', 'thanked'];

// ---------------------------------------------------------------------------------------------
// Matching.

/**
 * The key text is compared by: lower-cased, accents dropped, anything but letters and digits a space
 * ("Acme, Inc." → "acme inc", "Café-Bar" → "cafe bar").
 */
export function matchKey(text: string): string {
  return searchKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** True when the query's words appear in `field` as whole words, in order ("acme" in "Acme Health"). */
export function fieldMatches(field: string | null | undefined, queryKey: string): boolean {
  if (!field || queryKey === '') return false;
  return ` ${matchKey(field)} `.includes(` ${queryKey} `);
}

export interface IntroCandidate {
  id: string;
  name: string;
  role: string | null;
  company: string | null;
  stage: Stage;
}

/** The people in `contacts` someone could introduce for `query`: known to them, company or role matching. */
export function matchingContacts<T extends IntroCandidate>(contacts: readonly T[], query: string): T[] {
  const key = matchKey(query);
  if (key === '') return [];
  return contacts.filter(
    (c) => KNOWN_STAGES.includes(c.stage) && (fieldMatches(c.company, key) || fieldMatches(c.role, key)),
  );
}

// ---------------------------------------------------------------------------------------------
// The query.

export type IntroQuery =
  | { ok: true; query: string; key: string }
  | { ok: false; problem: 'empty' | 'too_long' };

/**
 * What the member typed after `/coach who-knows`, tidied: quotes and trailing punctuation dropped,
 * and a leading "someone at" or "at" (the sentence the member may have typed) taken off.
 */
export function readIntroQuery(text: string): IntroQuery {
  let query = squish(text)
    .replace(/^["'“”‘’]+|["'“”‘’]+$/gu, '')
    .trim();
  query = stripTrailingPunctuation(query)
    .replace(/^(?:someone|somebody|anyone|anybody)\s+(?:at|from|in)\s+/i, '')
    .replace(/^(?:at|from)\s+/i, '')
    .trim();
  const key = matchKey(query);
  if (key === '') return { ok: false, problem: 'empty' };
  if (query.length > INTRO_RULES.queryMaxChars) return { ok: false, problem: 'too_long' };
  return { ok: true, query, key };
}

/** Two queries that ask the same thing ("Acme", "acme.", "ACME"). */
export function sameQuery(a: string, b: string): boolean {
  return matchKey(a) === matchKey(b);
}

/** How a query reads in a sentence: "someone at Acme" or "a UX researcher". */
export interface LookingFor {
  kind: 'company' | 'role';
  phrase: string;
}

// Words a role ends with ("UX researcher", "product manager", "data scientist"). Anything else reads
// as a company: the wording only, matching looks at both fields either way.
const ROLE_NOUNS = new Set([
  'accountant',
  'administrator',
  'advocate',
  'analyst',
  'architect',
  'associate',
  'ceo',
  'cfo',
  'coach',
  'consultant',
  'coordinator',
  'cto',
  'designer',
  'developer',
  'director',
  'editor',
  'engineer',
  'executive',
  'founder',
  'head',
  'intern',
  'lead',
  'manager',
  'marketer',
  'nurse',
  'officer',
  'owner',
  'partner',
  'pm',
  'producer',
  'programmer',
  'recruiter',
  'representative',
  'researcher',
  'scientist',
  'specialist',
  'strategist',
  'teacher',
  'technician',
  'tester',
  'vp',
  'writer',
]);

/** "role" for "UX researcher", "roles" for "data scientists", null for anything else. */
function roleForm(query: string): 'role' | 'roles' | null {
  const words = matchKey(query).split(' ');
  const last = words[words.length - 1] ?? '';
  if (ROLE_NOUNS.has(last)) return 'role';
  return last.endsWith('s') && ROLE_NOUNS.has(last.slice(0, -1)) ? 'roles' : null;
}

/** The query in a sentence, from its words alone (never from who matched, so it tells nothing). */
export function lookingFor(query: string): LookingFor {
  switch (roleForm(query)) {
    case 'role':
      return { kind: 'role', phrase: withArticle(query) };
    case 'roles':
      return { kind: 'role', phrase: query };
    default:
      return { kind: 'company', phrase: `someone at ${query}` };
  }
}

// ---------------------------------------------------------------------------------------------
// Texts. Callers pass the pieces ready for their surface (a Slack mention, an escaped phrase).

/** The requester's answer once a request went out: the same whoever matched. */
export function requestSentText(target: LookingFor): string {
  return `I've asked classmates who might know ${target.phrase}. If one of them can introduce you, I'll send you the details in a DM.`;
}

/** The same query again while the first is still open: nothing new goes out. */
export function requestOpenText(target: LookingFor): string {
  return `I've already asked classmates who might know ${target.phrase}. If one of them can introduce you, I'll send you the details in a DM.`;
}

export const WHILE_YOU_WAIT = 'While you wait, `/coach ask` drafts a cold ask to anyone on your list.';

/** Too many requests in a day; `hours` until the oldest one leaves the window. */
export function requestLimitText(hours: number): string {
  const when = hours <= 1 ? 'in about an hour' : `in about ${plural(hours, 'hour', 'hours')}`;
  return `You've sent ${INTRO_RULES.perDay} intro requests in the last day, which is as many as I pass on, so your classmates aren't flooded. You can ask again ${when}. Meanwhile, \`/coach ask\` drafts a cold ask to anyone on your list.`;
}

/** Whole hours (rounded up) until `until`, at least 1. */
export function hoursUntil(now: Date, until: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / (60 * 60 * 1000)));
}

export const NOT_IN_COHORT_TEXT =
  "You're not in a cohort yet, so there are no classmates I can ask. Once your cohort's channel is set up with `/coach cohort setup`, try `/coach who-knows` again; `/coach cohort` shows what cohorts do.";

export const WHO_KNOWS_USAGE =
  "Tell me a company or a role, like `/coach who-knows Acme` or `/coach who-knows UX researcher`. I'll quietly ask classmates who know someone there and are open to intro requests, and message you if one of them can introduce you.";

export const QUERY_TOO_LONG_TEXT = `That's a lot to look for at once. Try one company or one role, in under ${INTRO_RULES.queryMaxChars} characters, like \`/coach who-knows Acme\`.`;

/** "you know 1 person there", "you know 3 people in that role". */
export function knownCountPhrase(target: LookingFor, count: number): string {
  const where = target.kind === 'company' ? 'there' : 'in that role';
  return `you know ${plural(count, 'person', 'people')} ${where}`;
}

/** The classmate's DM: who asks, for whom, how many of their own people fit. */
export function classmateAskText(requester: string, target: LookingFor, count: number): string {
  return `${requester} is looking for ${target.phrase} — ${knownCountPhrase(target, count)}. Would you introduce them?`;
}

export function classmateAskHowText(requester: string): string {
  return `If you accept, ${requester} gets only that person's name, role and company, and a draft that mentions you; nothing else from your list. If you decline, they won't learn that you were asked.`;
}

export function classmatePickText(requester: string): string {
  return `Who would you introduce to ${requester}? They'll get only that person's name, role and company.`;
}

export function classmateAcceptedText(requester: string, contactName: string): string {
  const first = firstName(contactName);
  return `Thank you! I've sent ${requester} ${contactName}'s name, role and company, and a draft that mentions you. A quick note to ${first} saying ${requester} will be in touch makes it a warm intro.`;
}

export function classmateDeclinedText(requester: string): string {
  return `No problem: ${requester} won't learn that you were asked. If you'd rather not get intro requests, change that any time with \`/coach cohort sharing\`.`;
}

export const REQUEST_CLOSED_TEXT =
  "This request closed after a week without an answer, so there's nothing to do. Thanks for being open to intros; if you'd still like to help, message your classmate directly any time.";

export const REQUEST_NOT_FOUND_TEXT =
  "I couldn't find that intro request among yours, so nothing changed. Requests for you come as DMs from me, each with its own Accept and Decline.";

export const NO_LONGER_MATCHES_TEXT =
  "None of the people on your list fit this request any more, so there's nobody to introduce. You can decline it.";

/** The requester's news: who can introduce them, to whom. */
export function introAcceptedText(input: {
  classmate: string;
  contactName: string;
  role: string | null;
  company: string | null;
  alreadyOnList: boolean;
}): string {
  const company = input.company ? `at ${input.company}` : null;
  const who = input.role
    ? `*${input.contactName}*, ${[input.role, company].filter(Boolean).join(' ')}`
    : company
      ? `*${input.contactName}* ${company}`
      : `*${input.contactName}*`;
  const first = firstName(input.contactName);
  // The classmate is named once (their mention); the list line says "your classmate" rather than
  // their name again.
  const list = input.alreadyOnList
    ? `${first} was already on your list, so I've kept that record.`
    : `I've added ${first} to your list as your classmate's suggestion.`;
  // "ACME Corp." ends the sentence itself: no second full stop.
  return `:handshake: Good news: your classmate ${input.classmate} can introduce you to ${who}${/[.!?]$/.test(who) ? '' : '.'} ${list}`;
}

/** The one kind no for a request nobody could help with. */
export function kindNoText(target: LookingFor): string {
  return `No introduction to ${target.phrase} this time: none of your classmates could make one right now. It happens, and it says nothing about you. A short, specific cold ask works well too: add someone you've found yourself and I'll help you draft it.`;
}

// ---------------------------------------------------------------------------------------------
// The requester's draft.

export interface IntroDraftInput {
  contact: { name: string; role: string | null; company: string | null; why?: string | null };
  /** The requester's "about" line. */
  about: string | null;
  /** The classmate who can introduce them (their name as Slack shows it). */
  classmateName: string | null;
  senderFirstName: string | null;
}

/**
 * The requester's first ask to the person a classmate offered, drafted like every ask: "Bob, from my
 * cohort, suggested I reach out to you." opens it when the classmate's name is known.
 */
export function draftIntroAsk(input: IntroDraftInput): string {
  const referrer = input.classmateName ? stripTrailingPunctuation(firstName(input.classmateName)) : '';
  const text = formatAskDraft(
    draftAsk({
      contact: { ...input.contact, why: input.contact.why ?? null },
      about: input.about,
      channel: 'linkedin',
      referredByName: referrer || null,
      variant: 0,
      senderFirstName: input.senderFirstName,
    }),
  );
  if (!referrer) return text;
  const plainLine = `${referrer} suggested I reach out`;
  return text.includes(plainLine)
    ? text.replace(plainLine, `${referrer}, from my cohort, suggested I reach out`)
    : text;
}
