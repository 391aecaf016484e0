// After the conversation: the thank-you inside 24 hours, the "here is how your advice helped" update
// about a month later, and light keep-in-touch notes after that.
// When each is due is in ./cadence.

import { thankYouDeadline } from './cadence';
import { firstTags, inLexicon, wordTags } from './tagger';
import { cycleIndex, joinAnd, squish, stripTrailingPunctuation } from './text';
import type { ConversationData } from './types';
import { readerName, turnToReader } from './voice';

export interface ThankYouInput {
  contactName: string;
  /** The one thing the member will act on. */
  action: string;
  /** What they learned, as typed in the log ("She said diary studies taught her…"); turned to the reader. */
  learned?: string | null;
  /** People the contact suggested talking to next. */
  suggestedNames?: readonly string[];
  /** The student's name from Slack, for the sign-off. */
  senderName?: string | null;
  /** The same as `senderName` (older callers). */
  senderFirstName?: string | null;
  /** Which wording (0, 1, 2…; cycles). */
  variant?: number;
}

/** How many wordings of the thank-you there are ("Another version" cycles through them). */
export const THANK_YOU_VERSIONS = 3;

interface ThankYouWording {
  opening: string;
  learned: (said: string) => string;
  noLearned: string;
  action: (action: string) => string;
  noAction: string;
  referral: (names: string) => string;
  close: string;
  signOff: string;
}

const THANK_YOU_WORDINGS: readonly ThankYouWording[] = [
  {
    opening: 'Thank you for making time to talk with me.',
    learned: (said) => `One thing has stayed with me: ${said}`,
    noLearned: 'It helped a lot to hear how the work looks from the inside.',
    action: (action) => `I'm starting with one thing you suggested: ${action}.`,
    noAction: "I'm already working out what to do first with your advice.",
    referral: (names) => `And thank you for pointing me to ${names}; I'll mention you when I reach out.`,
    close: "I'll let you know how it goes.",
    signOff: 'Best wishes,',
  },
  {
    opening: 'Thank you again for your time and for being so open about your path.',
    learned: (said) => `I keep coming back to this: ${said}`,
    noLearned: 'Hearing how you think about the work gave me a much clearer picture.',
    action: (action) => `The first thing I'm doing is what you suggested: ${action}.`,
    noAction: "I'm turning your advice into a first step this week.",
    referral: (names) => `Thank you, too, for pointing me to ${names}.`,
    close: "I'll write again once I've made some progress.",
    signOff: 'Thanks again,',
  },
  {
    opening: 'Thank you for the conversation and for your advice.',
    learned: (said) => `What I'll remember most: ${said}`,
    noLearned: 'It was exactly the kind of honest view I was hoping for.',
    action: (action) => `I'm acting on it straight away: ${action}.`,
    noAction: "I'm acting on your advice straight away.",
    referral: (names) => `I'm also grateful you pointed me to ${names}.`,
    close: "I'll keep you posted.",
    signOff: 'Warmly,',
  },
];

/**
 * A short thank-you in the student's voice, to the person: what stayed with them (their notes turned
 * to "you", shortened at a sentence or clause boundary, left out when they cannot be turned safely),
 * the one action, thanks for any referral by name, and the student's name.
 */
export function draftThankYou(input: ThankYouInput): string {
  const w = THANK_YOU_WORDINGS[cycleIndex(input.variant ?? 0, THANK_YOU_WORDINGS.length)] as ThankYouWording;
  const said = learnedToReader(input.learned, input.contactName);
  const action = actionClause(input.action);
  const names = referralNames(input.suggestedNames ?? []);

  const lines: string[] = [
    w.opening,
    said ? w.learned(said) : w.noLearned,
    action ? w.action(action) : w.noAction,
  ];
  if (names) lines.push(w.referral(names));
  lines.push(w.close);
  return joinMessage([
    greeting(input.contactName),
    lines.join(' '),
    signature(w.signOff, input.senderName ?? input.senderFirstName),
  ]);
}

/** Every wording of the thank-you, in order. */
export function thankYouVersions(input: Omit<ThankYouInput, 'variant'>): string[] {
  return THANK_YOU_WORDINGS.map((_, variant) => draftThankYou({ ...input, variant }));
}

export interface CloseLoopInput {
  contactName: string;
  /** What they advised that the member acted on. */
  action: string;
  /** How it went, in the member's words; without it the draft needs nothing filled in. */
  outcome?: string | null;
  senderName?: string | null;
  /** The same as `senderName` (older callers). */
  senderFirstName?: string | null;
}

/** The update a month or so later: what they suggested, and how it played out. */
export function draftCloseTheLoop(input: CloseLoopInput): string {
  const action = actionClause(input.action);
  const outcome = outcomeSentence(input.outcome);
  const opening = !action
    ? 'I wanted to tell you how your advice played out since we spoke.'
    : startsWithVerb(action)
      ? `When we talked, you suggested I ${action}, and that's where I started.`
      : `When we talked, I said I'd start with one thing you suggested: ${action}.`;
  const middle = outcome
    ? `Here is how it went: ${outcome}`
    : 'Having one clear first step made it much easier to get going.';
  const body = [opening, middle, 'Thank you again for taking the time; it made a real difference.'].join(' ');
  return joinMessage([
    greeting(input.contactName),
    body,
    signature('Best wishes,', input.senderName ?? input.senderFirstName),
  ]);
}

export interface KeepInTouchInput {
  contactName: string;
  /** The action they suggested last time ("rebuild my portfolio around one question"). */
  lastAction?: string | null;
  /** The member's own news, if any. */
  news?: string | null;
  senderName?: string | null;
  /** The same as `senderName` (older callers). */
  senderFirstName?: string | null;
}

/** A friendly check-in with no request in it. */
export function draftKeepInTouch(input: KeepInTouchInput): string {
  const action = actionClause(input.lastAction);
  const news = outcomeSentence(input.news);
  const body = [
    action
      ? `I was thinking about your advice ${startsWithVerb(action) ? 'to' : 'on'} ${action} the other day and wanted to say hello.`
      : 'I wanted to say hello.',
    news ? `A quick update from me: ${news}` : null,
    'I hope things are going well for you. No need to reply; I just wanted to keep in touch.',
  ]
    .filter(Boolean)
    .join(' ');
  return joinMessage([
    greeting(input.contactName),
    body,
    signature('Best wishes,', input.senderName ?? input.senderFirstName),
  ]);
}

// ---------------------------------------------------------------------------------------------
// On time.

/** True when a thank-you was sent no later than 24 hours after the conversation. */
export function isThankYouOnTime(heldAt: Date, sentAt: Date | null | undefined): boolean {
  if (!sentAt) return false;
  return sentAt.getTime() <= thankYouDeadline(heldAt).getTime();
}

export interface ThankYouRate {
  /** Held conversations with a thank-you sent. */
  sent: number;
  /** Of those, sent within 24 hours. */
  onTime: number;
  /** Held conversations past their deadline with no thank-you (only counted when `now` is given). */
  missed: number;
  /** onTime / (sent + missed); null when there is nothing to count yet. */
  rate: number | null;
}

/**
 * The share of thank-yous sent on time, over held, non-cancelled conversations. Without `now` only
 * sent thank-yous count; with it, conversations whose 24 hours have passed without one count too.
 */
export function onTimeThankYouRate(
  conversations: readonly Pick<ConversationData, 'heldAt' | 'thankYouSentAt' | 'cancelledAt'>[],
  now?: Date,
): ThankYouRate {
  let sent = 0;
  let onTime = 0;
  let missed = 0;
  for (const conversation of conversations) {
    const { heldAt, thankYouSentAt, cancelledAt } = conversation;
    if (!heldAt || cancelledAt) continue;
    if (thankYouSentAt) {
      sent += 1;
      if (isThankYouOnTime(heldAt, thankYouSentAt)) onTime += 1;
    } else if (now && now.getTime() > thankYouDeadline(heldAt).getTime()) {
      missed += 1;
    }
  }
  const counted = sent + missed;
  return { sent, onTime, missed, rate: counted === 0 ? null : onTime / counted };
}

// ---------------------------------------------------------------------------------------------

function greeting(name: string): string {
  const spoken = readerName(name).greeting;
  return spoken ? `Hi ${spoken},` : 'Hi,';
}

function signature(signOff: string, sender: string | null | undefined): string | null {
  const name = sender ? squish(sender) : '';
  return name ? `${signOff}\n${name}` : null;
}

function joinMessage(parts: (string | null)[]): string {
  return parts.filter((p): p is string => Boolean(p)).join('\n\n');
}

// "I learned that…": the draft says what stayed with the student itself.
const FIRST_PERSON_LEAD_IN = /^i\s+(?:learned|learnt|heard|realised|realized)\s+(?:that\s+)?/i;
const MENTIONS_SOMEONE = /\b(?:i|me|my|you|your|she|he|they|her|him|his|their|them)\b/i;
// An object pronoun turned into a possessive ("taught your more than"): left out rather than sent.
const BROKEN_TURN = /\byour (?:more|less|most|than|and|or|to|a|an|the|that|how)\b/i;
const LEARNED_MAX_WORDS = 28;

/** What stayed with the student, said to the reader as one finished sentence; null when it cannot be. */
function learnedToReader(notes: string | null | undefined, contactName: string): string | null {
  const first = squish(notes ?? '').split(/(?<=[.!?])\s+/)[0] ?? '';
  const note = first.replace(FIRST_PERSON_LEAD_IN, '');
  if (!note) return null;
  // "They said you should…": that "you" is the student, and turning the note would blur who is meant.
  if (/^(?:they|she|he)\b/i.test(note) && /\byou(?:r|rs|rself)?\b/i.test(note)) return null;
  const reader = { name: contactName };
  const options = { maxWords: LEARNED_MAX_WORDS };
  let turned = turnToReader(note, reader, options);
  // A plain statement with nobody in it ("portfolios should show one question") is what they said.
  if (!turned && !MENTIONS_SOMEONE.test(note) && !startsWithVerb(note) && !/\?\s*$/.test(note)) {
    turned = turnToReader(`you said that ${note.charAt(0).toLowerCase()}${note.slice(1)}`, reader, options);
  }
  // A question ("do you still mentor?") is not something that stayed with them; leave it out.
  if (!turned || turned.kind === 'question' || turned.kind === 'sentences') return null;
  const sentence = squish(turned.text);
  if (BROKEN_TURN.test(sentence)) return null;
  return /[.!]$/.test(sentence) ? sentence : `${stripTrailingPunctuation(sentence)}.`;
}

/** The one action as it reads after "you suggested:" — no "I'll", lower-case start, no closing stop. */
export function actionClause(text: string | null | undefined): string {
  const clean = stripTrailingPunctuation(squish(text ?? ''))
    .replace(/^(?:i\s*(?:'|’)?ll|i\s+will|i\s+am\s+going\s+to|i'm\s+going\s+to|to)\s+/i, '')
    .replace(/\s*[.;]\s*$/, '');
  if (!clean) return '';
  // An action is usually an instruction ("Practise three calls"): its verb only starts the sentence.
  const first = clean.split(' ')[0] ?? '';
  if (startsWithVerb(clean) && /^\p{Lu}\p{Ll}*$/u.test(first) && first !== 'I') {
    return `${first.toLowerCase()}${clean.slice(first.length)}`;
  }
  return lowerFirst(clean);
}

/** The member's own line ("the case study got me two interviews"), to follow a colon. */
function outcomeSentence(text: string | null | undefined): string | null {
  const clean = stripTrailingPunctuation(squish(text ?? ''));
  if (!clean) return null;
  return `${lowerFirst(clean)}.`;
}

/** "Omar Farouk", "Sam Lee and Priya Patel": each name once, as the student typed it. */
function referralNames(names: readonly string[]): string {
  const clean = names
    .map((n) => readerName(n).full)
    .filter(Boolean)
    .slice(0, 5);
  if (clean.length === 0) return '';
  return joinAnd(clean);
}

/**
 * Lower-cases the first word when it only starts a sentence ("Diary studies…" → "diary studies…"),
 * keeping names, brands, acronyms and "I" as written.
 */
function lowerFirst(text: string): string {
  const first = /^[\p{L}][\p{L}'’-]*/u.exec(text)?.[0];
  if (!first || first === first.toLowerCase()) return text;
  if (/^I(?:$|['’])/.test(first)) return text;
  if (first.slice(1) !== first.slice(1).toLowerCase()) return text;
  if (!isCommonWord(first)) return text;
  return `${first.toLowerCase()}${text.slice(first.length)}`;
}

const PROPER_TAGS = ['ProperNoun', 'Person', 'Place', 'Organization', 'Acronym'];

/** True when a capitalised first word is an ordinary English word rather than a name or brand. */
function isCommonWord(word: string): boolean {
  const lower = word.toLowerCase();
  const tags = wordTags(word);
  if (PROPER_TAGS.some((t) => tags.has(t))) return false;
  if (inLexicon(lower)) return true;
  if (/^re[a-z]{3,}/.test(lower) && inLexicon(lower.slice(2))) return true;
  // Words compromise recognised by their form (plurals, -ing, -ed) are ordinary; unknown singulars may be brands.
  return tags.has('Plural') || tags.has('Gerund') || tags.has('PastTense') || tags.has('Adverb');
}

/** True when the phrase starts with a verb ("rebuild my portfolio"), so it reads after "I" or "to". */
function startsWithVerb(phrase: string): boolean {
  // The first word's tag depends on its neighbours, not on the whole phrase: a few words are enough.
  const first = firstTags(phrase.trim().split(/\s+/).slice(0, 4).join(' '));
  return first.has('Verb') && !first.has('Gerund');
}
