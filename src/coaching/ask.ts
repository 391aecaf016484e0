// Outreach drafts: the first ask and the one follow-up. Every draft stays within the word limit,
// names a reason for choosing this person, asks for one short, time-boxed conversation at a time that
// suits them, and never asks for a job.
//
// A draft is `{ subject, body }`: `subject` is set for email only (other channels have none), and the
// body is what gets pasted into the message box. `formatAskDraft` joins them for storing or copying.
import { ASK_WORD_LIMIT } from './ask-checker';
import { clipWords, countWords, cycleIndex, squish, stripTrailingPunctuation, withArticle } from './text';
import type { AskChannel, Format } from './types';
import {
  type AboutText,
  aboutClause,
  type ReaderText,
  readerName,
  sentenceCase,
  turnToReader,
} from './voice';

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
const LIMITS = { role: 8, company: 6, why: 30, referrer: 5 } as const;

/** The first outreach message. */
export function draftAsk(input: AskDraftInput): AskDraft {
  const variant = cycleIndex(input.variant ?? 0, ASK_VARIANT_COUNT);
  const parts = askParts(input);
  // Long user text could push the message over the limit: say "why" more briefly, then leave it out.
  let body = composeAsk(parts, variant, input, LIMITS.why);
  for (const budget of [20, 14, 8, 0]) {
    if (countWords(body) <= ASK_WORD_LIMIT) break;
    body = composeAsk(parts, variant, input, budget);
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
      `I'm bringing my note from last week back to the top of your ${where}, as I know how quickly ${where === 'inbox' ? 'an inbox fills' : 'messages pile'} up. I'd still love to hear about ${work}${suggested}, if you have ${minutes} minutes whenever suits you.`,
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
    signOff(input.senderFirstName, variant, FOLLOW_UP_SIGN_OFFS),
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
  const intro = parts.about ? parts.about.sentence : null;
  const note = (...sentences: (string | null)[]): string =>
    `${greeting(parts.contactName)} ${sentences.filter(Boolean).join(' ')}`;
  const why = whyText(parts, 20);
  const short = whyText(parts, 10);
  const candidates = [
    note(referral, intro, whyLine(work, why, 0, parts.company, parts.role), ask),
    note(referral, intro, whyLine(work, short, 0, parts.company, parts.role), ask),
    note(referral, intro, `${sentenceCase(work)} stands out to me.`, ask),
    note(referral, `${sentenceCase(work)} stands out to me.`, ask),
    note(`${sentenceCase(work)} stands out to me.`, ask),
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
  about: AboutText | null;
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
    about: aboutClause(input.about),
    why: input.contact.why ? squish(input.contact.why) : '',
    minutes: clampMinutes(input.minutes),
    formats: formatPhrase(input.format),
    referrer: cleanName(input.referredByName, LIMITS.referrer),
  };
}

function composeAsk(parts: AskParts, variant: number, input: AskDraftInput, whyWords: number): string {
  const work = yourWork(parts.role, parts.company);
  const m = parts.minutes;
  const intro = parts.about ? parts.about.sentence : "I'm exploring a change of direction in my career.";
  const why = whyWords > 0 ? whyText(parts, whyWords) : null;

  // In an email the subject names the referrer already; the body does not say it again.
  const referral =
    parts.referrer && input.channel !== 'email'
      ? [
          `${parts.referrer} suggested I reach out to you.`,
          `${parts.referrer} suggested I get in touch.`,
          `${parts.referrer} suggested I reach out.`,
        ][variant]
      : null;
  const opening = [referral, intro, whyLine(work, why, variant, parts.company, parts.role)]
    .filter(Boolean)
    .join(' ');
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
  return joinMessage([
    greeting(parts.contactName),
    opening,
    learnLine(parts, why, variant),
    `${askLines[variant]} ${closeLines[variant]}`,
    signOff(input.senderFirstName, variant),
  ]);
}

/** The "why them" note, turned to speak to the reader; null when it cannot be turned safely. */
function whyText(parts: AskParts, maxWords: number): ReaderText | null {
  if (!parts.why) return null;
  return turnToReader(
    parts.why,
    { name: parts.contactName, role: parts.role, company: parts.company },
    { alreadySaid: [parts.company, parts.role], maxWords },
  );
}

function whyLine(
  work: string,
  why: ReaderText | null,
  variant: number,
  company: string | null = null,
  role: string | null = null,
): string {
  const Work = sentenceCase(work);
  if (!why) {
    return [
      `${Work} is what I'd like to understand better.`,
      `I'd love to learn from ${work}.`,
      `${Work} caught my eye as I look at where to head next.`,
    ][variant] as string;
  }
  const text = why.text;
  // The note names the company or role itself: the line leaves "your work as…" out.
  const namesWork = [company, role].some((n) => n && text.toLowerCase().includes(n.toLowerCase()));
  if (namesWork) variant = 1;
  if (why.kind === 'phrase') {
    return [
      `${Work} stands out to me, especially ${text}.`,
      `I was struck by ${text}.`,
      `What caught my eye is ${text}.`,
    ][variant] as string;
  }
  if (why.kind === 'clause' && !/^(?:I|I'm|I've|I'd|we|my|our)\b/.test(text)) {
    return [
      `${Work} stands out to me because ${text}.`,
      `I'm reaching out because ${text}.`,
      `What caught my eye: ${text}.`,
    ][variant] as string;
  }
  // First person, a question or several sentences: their own sentences, after the work they name.
  const own = /[.?!]$/.test(text) ? sentenceCase(text) : `${sentenceCase(text)}.`;
  return variant === 1 ? own : `${Work} stands out to me. ${own}`;
}

// What the student hopes to learn, tied to the person's path: a move they made, or the role itself.
const MOVE =
  /\b(?:from|into|switch|switched|move|moved|transition|transitioned|pivot|pivoted|went|career change|changed careers|taught (?:your|him|her|them)sel(?:f|ves))\b/i;

function learnLine(parts: AskParts, why: ReaderText | null, variant: number): string {
  const moved = why !== null && MOVE.test(why.text);
  if (moved) {
    return [
      "I'd love to learn how you made that move, so I can plan mine.",
      "I'm hoping to learn how you made that change and what helped most along the way.",
      "I'd love to hear how you made that move and what you'd do differently.",
    ][variant] as string;
  }
  const family = roleFamily(parts.role);
  const lines: Record<string, string[]> = {
    lead: [
      "I'd love to learn how you grew into leading a team and what you look for in the work.",
      "I'm hoping to learn what leading the work involves day to day and how you got there.",
      "I'd love to hear how your path led to leading a team.",
    ],
    research: [
      "I'd love to learn how you approach research day to day and how you got into it.",
      "I'm hoping to learn what a research project looks like for you, start to finish.",
      "I'd love to hear how you found your way into research.",
    ],
    design: [
      "I'd love to learn how you approach design work day to day and how you got into it.",
      "I'm hoping to learn what a typical project looks like for you, start to finish.",
      "I'd love to hear how you found your way into design.",
    ],
    engineering: [
      "I'd love to learn how you found your way into engineering and what your work looks like day to day.",
      "I'm hoping to learn what a typical week on your team looks like and how you got there.",
      "I'd love to hear what your path into engineering taught you.",
    ],
    other: [
      "I'd love to learn how you got into this work and what a typical week looks like.",
      "I'm hoping to learn what your work involves day to day and how you got there.",
      "I'd love to hear how your path led you here and what you'd tell someone starting out.",
    ],
  };
  return (lines[family] ?? lines.other ?? [])[variant] as string;
}

function roleFamily(role: string | null): string {
  const r = (role ?? '').toLowerCase();
  if (/\bresearch/.test(r)) return 'research';
  if (/\b(?:design|ux|ui)\b/.test(r)) return 'design';
  if (/\b(?:engineer|developer|sre|devops|programmer)\b/.test(r)) return 'engineering';
  // Product, program, project, account and similar managers run work, not necessarily people.
  if (
    /\b(?:product|program|programme|project|account|community|content|marketing|success|case)\s+manager\b/.test(
      r,
    )
  )
    return 'other';
  if (/\b(?:lead|head|manager|director|vp|chief)\b/.test(r)) return 'lead';
  return 'other';
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
  const hello = readerName(name).greeting;
  return hello ? `Hi ${hello},` : 'Hi,';
}

const ASK_SIGN_OFFS = ['Thank you,', 'Thanks so much,', 'Best wishes,'];
const FOLLOW_UP_SIGN_OFFS = ['All the best,', 'Best wishes,', 'Warm regards,'];

/** Signed with the student's name as Slack has it (real name, else display name). */
function signOff(
  sender: string | null | undefined,
  variant: number,
  words: readonly string[] = ASK_SIGN_OFFS,
): string | null {
  const name = readerName(sender).full;
  if (!name) return null;
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
    name: readerName(contact.name).full,
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

function clipToChars(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}
