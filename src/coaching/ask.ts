// Outreach drafts: the first ask and the one follow-up. Every draft stays within the word limit,
// names a reason for choosing this person, asks for one short, time-boxed conversation at a time that
// suits them, and never asks for a job.
//
// A draft is `{ subject, body }`: `subject` is set for email only (other channels have none), and the
// body is what gets pasted into the message box. `formatAskDraft` joins them for storing or copying.
import { ASK_WORD_LIMIT } from './ask-checker';
import {
  clipWords,
  countWords,
  cycleIndex,
  firstName,
  squish,
  stripTrailingPunctuation,
  withArticle,
} from './text';
import type { AskChannel, Format } from './types';

export const DEFAULT_ASK_MINUTES = 20;
/** The "Another version" button cycles through this many wordings. */
export const ASK_VARIANT_COUNT = 3;
export const FOLLOW_UP_VARIANT_COUNT = 3;
/** LinkedIn's limit for the note sent with a connection request. */
export const LINKEDIN_NOTE_CHAR_LIMIT = 300;

export interface AskContact {
  name: string;
  role?: string | null;
  company?: string | null;
  why?: string | null;
}

export interface AskDraftInput {
  contact: AskContact;
  /** The member's "about" line, e.g. "moving from teaching to UX research". */
  about: string | null;
  /** Minutes asked for; defaults to 20 and is kept between 10 and 45. */
  minutes?: number;
  channel: AskChannel;
  /** Offer one format instead of "coffee, a call or a video chat". */
  format?: Format | null;
  referredByName?: string | null;
  /** Which wording to use; any integer, taken modulo ASK_VARIANT_COUNT. */
  variant?: number;
  senderFirstName?: string | null;
}

export interface AskDraft {
  /** Email subject line; null for LinkedIn, Slack and other channels. */
  subject: string | null;
  body: string;
}

export interface FollowUpInput {
  contact: AskContact;
  minutes?: number;
  channel: AskChannel;
  referredByName?: string | null;
  variant?: number;
  senderFirstName?: string | null;
}

// Budgets for text the member typed, so even long fields leave a readable message.
const LIMITS = { name: 4, role: 8, company: 6, about: 20, why: 30, referrer: 5 } as const;

/** The first outreach message. */
export function draftAsk(input: AskDraftInput): AskDraft {
  const variant = cycleIndex(input.variant ?? 0, ASK_VARIANT_COUNT);
  const parts = askParts(input);
  let why = parts.why;
  let about = parts.about;
  let body = composeAsk(parts, variant, about, why, input);
  // Long user text could push the message over the limit: shorten "why", then "about", until it fits.
  while (countWords(body) > ASK_WORD_LIMIT && (countWords(why) > 0 || countWords(about) > 3)) {
    if (countWords(why) > 0) why = shorten(why, 5);
    else about = shorten(about, 3);
    body = composeAsk(parts, variant, about, why, input);
  }
  return { subject: input.channel === 'email' ? askSubject(parts, variant) : null, body };
}

/** The one polite follow-up after about a week of silence. Sent as a reply, so it has no subject. */
export function draftFollowUp(input: FollowUpInput): string {
  const variant = cycleIndex(input.variant ?? 0, FOLLOW_UP_VARIANT_COUNT);
  const contact = cleanContact(input.contact);
  const minutes = clampMinutes(input.minutes);
  const where = input.channel === 'email' ? 'inbox' : 'messages';
  const work = yourWork(contact.role, contact.company);
  const referrer = cleanName(input.referredByName, LIMITS.referrer);
  const suggested = referrer ? ` (${referrer} suggested I reach out)` : '';

  const paragraphs: Record<number, string[]> = {
    0: [
      `I'm bringing my note from last week back to the top of your ${where}, as I know how quickly they fill up. I'd still love to hear about ${work}${suggested}, if you have ${minutes} minutes whenever suits you.`,
      "If the timing isn't right, no problem at all. Thank you either way.",
    ],
    1: [
      `A gentle nudge on my message from last week, in case it got buried. I'm still keen to learn about ${work}${suggested}, and ${minutes} minutes at any time that suits you would be great.`,
      "If now isn't a good time, I completely understand.",
    ],
    2: [
      `Just resurfacing my note from last week${suggested}. If a ${minutes}-minute chat about ${work} fits into your schedule at some point, whenever suits you, I'd really enjoy it.`,
      'And if not, no worries at all. Thanks for reading.',
    ],
  };
  return joinMessage([
    greeting(contact.name),
    ...(paragraphs[variant] ?? []),
    signOff(input.channel, input.senderFirstName, variant, FOLLOW_UP_SIGN_OFFS),
  ]);
}

/**
 * A LinkedIn connection note, which LinkedIn caps at 300 characters: who you are, why them and the
 * 20-minute ask, nothing else. Falls back to shorter wordings until it fits.
 */
export function draftConnectionNote(input: Omit<AskDraftInput, 'channel' | 'senderFirstName'>): string {
  const parts = askParts({ ...input, channel: 'linkedin' });
  const work = yourWork(parts.role, parts.company);
  const referral = parts.referrer ? `${parts.referrer} suggested I reach out.` : null;
  const ask = `Would you be open to a ${parts.minutes}-minute chat, whenever suits you?`;
  const about = parts.about ? `I'm ${parts.about}, and ${work}` : capitalize(work);
  const note = (...sentences: (string | null)[]): string => {
    const text = sentences.filter(Boolean).join(' ');
    return `${greeting(parts.contactName)} ${text.replace(/^Your /, 'your ')}`;
  };
  const candidates = [
    note(referral, `${about} stands out to me${parts.why ? `: ${parts.why}` : ''}.`, ask),
    note(referral, `${about} stands out to me.`, ask),
    note(referral, `${capitalize(work)} stands out to me.`, ask),
    note(`${capitalize(work)} stands out to me.`, ask),
  ];
  const fits = candidates.find((text) => text.length <= LINKEDIN_NOTE_CHAR_LIMIT);
  return fits ?? clipToChars(candidates[candidates.length - 1] ?? '', LINKEDIN_NOTE_CHAR_LIMIT);
}

/** Subject and body as one text: what the Ask row stores and what "Copy" puts on the clipboard. */
export function formatAskDraft(draft: AskDraft): string {
  return draft.subject ? `Subject: ${draft.subject}\n\n${draft.body}` : draft.body;
}

// ---------------------------------------------------------------------------------------------

interface AskParts {
  contactName: string;
  role: string | null;
  company: string | null;
  about: string;
  why: string;
  minutes: number;
  formats: string;
  referrer: string | null;
}

function askParts(input: AskDraftInput): AskParts {
  const contact = cleanContact(input.contact);
  return {
    contactName: contact.name,
    role: contact.role,
    company: contact.company,
    about: cleanAbout(input.about),
    why: cleanWhy(input.contact.why),
    minutes: clampMinutes(input.minutes),
    formats: formatPhrase(input.format),
    referrer: cleanName(input.referredByName, LIMITS.referrer),
  };
}

function composeAsk(
  parts: AskParts,
  variant: number,
  about: string,
  why: string,
  input: AskDraftInput,
): string {
  const work = yourWork(parts.role, parts.company);
  const m = parts.minutes;
  const intro = about ? `I'm ${about}.` : "I'm exploring a change of direction in my career.";

  const referralLines = [
    `${parts.referrer} suggested I reach out to you.`,
    `${parts.referrer} suggested I get in touch with you.`,
    `${parts.referrer} suggested I reach out.`,
  ];
  const whyLines = why
    ? [
        `${capitalize(work)} stands out to me: ${why}.`,
        `I'd love to hear more about ${work}. What drew me in: ${why}.`,
        `What caught my eye about ${work}: ${why}.`,
      ]
    : [
        `${capitalize(work)} is exactly where I'm hoping to head.`,
        `I'd love to learn from ${work}, as it's the direction I'm hoping to take.`,
        `${capitalize(work)} is the kind of path I'm hoping to follow.`,
      ];
  const askLines = [
    `Would you be open to a ${m}-minute ${parts.formats}, whenever suits you? I'm happy to fit around your schedule.`,
    `Could I have ${m} minutes of your time for a ${parts.formats}? Whenever suits you works for me.`,
    `If you have ${m} minutes in the coming weeks, I'd love a ${parts.formats}, whenever suits you.`,
  ];
  const closeLines = [
    "No worries at all if now isn't a good time.",
    'If things are busy right now, no problem at all.',
    'No pressure either way, and thank you for reading.',
  ];

  const opening = [parts.referrer ? referralLines[variant] : null, intro, whyLines[variant]]
    .filter(Boolean)
    .join(' ');
  return joinMessage([
    greeting(parts.contactName),
    opening,
    `${askLines[variant]} ${closeLines[variant]}`,
    signOff(input.channel, input.senderFirstName, variant),
  ]);
}

function askSubject(parts: AskParts, variant: number): string {
  if (parts.referrer) return `${parts.referrer} suggested I reach out`;
  const at = parts.company ? ` at ${parts.company}` : '';
  const subjects = [
    `A ${parts.minutes}-minute chat about your path${at}?`,
    parts.role ? `Learning from your work as ${withArticle(parts.role)}` : `Learning from your path${at}`,
    `Hoping to learn from your experience${at}`,
  ];
  return subjects[variant] ?? subjects[0] ?? '';
}

function greeting(name: string): string {
  const first = firstName(name);
  return first ? `Hi ${first},` : 'Hi,';
}

const ASK_SIGN_OFFS = ['Thank you,', 'Thanks so much,', 'Best wishes,'];
const FOLLOW_UP_SIGN_OFFS = ['All the best,', 'Best wishes,', 'Warm regards,'];

function signOff(
  channel: AskChannel,
  sender: string | null | undefined,
  variant: number,
  words: readonly string[] = ASK_SIGN_OFFS,
): string | null {
  const name = cleanName(sender, 3);
  if (channel === 'slack' || !name) return null;
  return `${words[variant] ?? words[0]}\n${name}`;
}

function joinMessage(paragraphs: (string | null | undefined)[]): string {
  return paragraphs.filter((p): p is string => Boolean(p)).join('\n\n');
}

function yourWork(role: string | null, company: string | null): string {
  if (role) return `your work as ${withArticle(role)}${company ? ` at ${company}` : ''}`;
  if (company) return `your work at ${company}`;
  return 'your path';
}

function formatPhrase(format: Format | null | undefined): string {
  switch (format) {
    case 'coffee':
      return 'coffee';
    case 'phone':
      return 'phone call';
    case 'video':
      return 'video call';
    default:
      return 'coffee, phone call or video chat';
  }
}

function clampMinutes(minutes: number | undefined): number {
  if (minutes === undefined || !Number.isFinite(minutes)) return DEFAULT_ASK_MINUTES;
  return Math.min(45, Math.max(10, Math.round(minutes)));
}

function cleanContact(contact: AskContact): { name: string; role: string | null; company: string | null } {
  return {
    name: cleanName(contact.name, LIMITS.name) ?? '',
    role: cleanField(contact.role, LIMITS.role),
    company: cleanField(contact.company, LIMITS.company),
  };
}

function cleanName(name: string | null | undefined, maxWords: number): string | null {
  return cleanField(name, maxWords);
}

function cleanField(value: string | null | undefined, maxWords: number): string | null {
  if (!value) return null;
  const clean = stripTrailingPunctuation(squish(value));
  if (countWords(clean) === 0) return null;
  return clipWords(clean, maxWords).replace(/…$/, '');
}

/** "I'm moving from teaching to UX research." → "moving from teaching to UX research". */
function cleanAbout(about: string | null | undefined): string {
  if (!about) return '';
  let clean = stripTrailingPunctuation(squish(about)).replace(/^(?:i['\u2019]m|i\s+am)\s+/i, '');
  clean = lowerFirstWord(clean);
  return countWords(clean) === 0 ? '' : clipWords(clean, LIMITS.about).replace(/…$/, '');
}

/**
 * The member writes "why" as a note to self, often about the person ("she moved from nursing into
 * design"). The draft speaks to that person, so a leading he/she/they becomes "you".
 */
function cleanWhy(why: string | null | undefined): string {
  if (!why) return '';
  let clean = stripTrailingPunctuation(squish(why));
  clean = clean
    .replace(/^(?:she|he|they)['\u2019]s\s+/i, "you're ")
    .replace(/^(?:she|he|they)\s+(?:is|are)\s+/i, 'you are ')
    .replace(/^(?:she|he|they)\s+(?:was|were)\s+/i, 'you were ')
    .replace(/^(?:she|he|they)\s+(?:has|have)\s+/i, 'you have ')
    .replace(/^(?:she|he|they)\s+/i, 'you ')
    .replace(/\bhis\b/gi, 'your');
  return countWords(clean) === 0 ? '' : clipWords(clean, LIMITS.why).replace(/…$/, '');
}

// Lower-case an ordinary capitalised first word ("Moving" → "moving") but keep acronyms, mixed case
// and possessives ("UX", "iOS", "Google's").
function lowerFirstWord(text: string): string {
  const first = text.split(' ')[0] ?? '';
  if (/^[A-Z][a-z]+$/.test(first)) {
    return first.toLowerCase() + text.slice(first.length);
  }
  return text;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function clipToChars(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

function shorten(text: string, by: number): string {
  const words = squish(text).split(' ').filter(Boolean);
  return words.slice(0, Math.max(0, words.length - by)).join(' ');
}
