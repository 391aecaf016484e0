// Logging a conversation: which contact a log is about, which booked chat it was, when it happened,
// and the thank-you card shown after it (also for `/coach thanks`).

import { thankYouDeadline } from './cadence';
import { matchContacts, nameKey } from './names';
import { draftThankYou, onTimeThankYouRate, type ThankYouInput, type ThankYouRate } from './thanks';
import { isoLocalDate, localDateTimeToUtc, MINUTE_MS } from './time';
import type { ContactData, ConversationData, Stage } from './types';

/** Who `/coach log <name>` (or a typed Person) most likely means. */
export type PersonLookup =
  | { kind: 'none' }
  | { kind: 'one'; contact: ContactData }
  | { kind: 'several'; matches: ContactData[] }
  | { kind: 'new'; name: string };

/** Case-insensitive prefix search: one match is used, several need a choice, none means someone new. */
export function lookUpPerson(contacts: readonly ContactData[], typed: string): PersonLookup {
  const name = typed.replace(/\s+/g, ' ').trim();
  if (!name) return { kind: 'none' };
  const found = matchContacts(contacts, name);
  if (found.exact) return { kind: 'one', contact: found.exact };
  if (found.matches.length === 1 && found.matches[0]) return { kind: 'one', contact: found.matches[0] };
  if (found.matches.length > 1) return { kind: 'several', matches: found.matches };
  return { kind: 'new', name };
}

/**
 * The contact a submitted log is about: the one the modal was opened for while its name is unchanged,
 * else the one whose whole name equals the typed name (archived people included, so nobody is added
 * twice), else null for someone new.
 */
export function resolveLoggedContact(
  contacts: readonly ContactData[],
  typedName: string,
  preselectedId?: string | null,
): ContactData | null {
  const key = nameKey(typedName);
  const preselected = preselectedId ? contacts.find((c) => c.id === preselectedId) : undefined;
  if (preselected && nameKey(preselected.name) === key) return preselected;
  const same = contacts.filter((c) => nameKey(c.name) === key);
  return same.find((c) => c.stage !== 'archived') ?? same[0] ?? null;
}

/** The booked chat a log most likely records: one on the same local day, else the one closest in time. */
export function pickScheduledConversation(
  open: readonly ConversationData[],
  isoDate: string,
  tz: string,
): ConversationData | null {
  const scheduled = open.filter(
    (c): c is ConversationData & { scheduledAt: Date } =>
      c.scheduledAt !== null && !c.heldAt && !c.cancelledAt,
  );
  if (scheduled.length === 0) return null;
  const sameDay = scheduled.find((c) => isoLocalDate(c.scheduledAt, tz) === isoDate);
  if (sameDay) return sameDay;
  const target = localNoon(isoDate, tz).getTime();
  return [...scheduled].sort(
    (a, b) => Math.abs(a.scheduledAt.getTime() - target) - Math.abs(b.scheduledAt.getTime() - target),
  )[0] as ConversationData;
}

/**
 * When a logged conversation happened, from the day the member picked:
 * - a booked chat on that day that has started: its planned end (never later than now);
 * - today otherwise: now (it just happened, so the thank-you clock starts now);
 * - an earlier day: noon local time that day.
 */
export function heldAtFor(input: {
  isoDate: string;
  tz: string;
  now: Date;
  scheduled?: Pick<ConversationData, 'scheduledAt' | 'minutesRequested'> | null;
}): Date {
  const { isoDate, tz, now, scheduled } = input;
  if (scheduled?.scheduledAt && isoLocalDate(scheduled.scheduledAt, tz) === isoDate) {
    const start = scheduled.scheduledAt.getTime();
    if (start <= now.getTime()) {
      return new Date(Math.min(now.getTime(), start + scheduled.minutesRequested * MINUTE_MS));
    }
  }
  if (isoDate >= isoLocalDate(now, tz)) return new Date(now.getTime());
  return localNoon(isoDate, tz);
}

/** Noon on a local date (an invalid date when `isoDate` is not YYYY-MM-DD). */
function localNoon(isoDate: string, tz: string): Date {
  return localDateTimeToUtc(isoDate, '12:00', tz) ?? new Date(Number.NaN);
}

// ---------------------------------------------------------------------------------------------
// The thank-you card: what the DM after a log and `/coach thanks` show.

export interface ThankYouCard {
  conversationId: string;
  contactId: string;
  contactName: string;
  heldAt: Date;
  /** 24 hours after the conversation. */
  deadline: Date;
  /** The member's timezone, for showing times. */
  tz: string;
  action: string;
  draft: string;
  /** What the draft was made from (without the sign-off name), for other versions. */
  draftInput: Omit<ThankYouInput, 'senderName' | 'variant'>;
  thankYouSentAt: Date | null;
  /** The member's on-time rate over all their conversations. */
  rate: ThankYouRate;
}

/** A thank-you card before its draft is written (the draft is the costly part: it is written off the request). */
export type UndraftedCard = Omit<ThankYouCard, 'draft'>;

/** The card with its draft, signed with the student's name when it is known. */
function withDraft(card: UndraftedCard, senderName: string | null): ThankYouCard {
  return { ...card, draft: draftThankYou({ ...card.draftInput, senderName }) };
}

/** What a thank-you card is made from. */
export interface CardFacts {
  conversation: ConversationData & { heldAt: Date };
  contact: Pick<ContactData, 'id' | 'name'>;
  /** People this contact suggested, named in the draft. */
  suggestedNames: readonly string[];
  allConversations: readonly Pick<ConversationData, 'heldAt' | 'thankYouSentAt' | 'cancelledAt'>[];
  tz: string;
  now: Date;
}

/** The card with its draft; `senderName` (the student's name from Slack) signs it. */
export function thankYouCard(input: CardFacts & { senderName?: string | null }): ThankYouCard {
  return withDraft(undraftedCard(input), input.senderName ?? null);
}

/** The card's facts, without the draft. */
export function undraftedCard(input: CardFacts): UndraftedCard {
  const { conversation, contact } = input;
  const action = conversation.action ?? '';
  const draftInput = {
    contactName: contact.name,
    action,
    learned: conversation.notes,
    suggestedNames: input.suggestedNames.slice(0, 5),
  };
  return {
    conversationId: conversation.id,
    contactId: contact.id,
    contactName: contact.name,
    heldAt: conversation.heldAt,
    deadline: thankYouDeadline(conversation.heldAt),
    tz: input.tz,
    action,
    draftInput,
    thankYouSentAt: conversation.thankYouSentAt,
    rate: onTimeThankYouRate(input.allConversations, input.now),
  };
}

/** One person the logged contact suggested, and where the student already is with them. */
export interface LoggedReferral {
  id: string;
  name: string;
  /** New on the list with this log. */
  created: boolean;
  stage: Stage;
  /** This contact is their first introducer ('introducer'), or suggested them after someone else or after the student reached out ('also'). */
  link: 'introducer' | 'also';
  /** The latest conversation held with them, when the student has met them already. */
  metAt: Date | null;
  /** The latest ask sent to them. */
  askedAt: Date | null;
  /** Their first introducer's name, when that is someone else. */
  introducedBy: string | null;
}

/** Someone the student has already reached out to or met: no cold ask for them. */
export function alreadyReached(r: Pick<LoggedReferral, 'stage' | 'metAt' | 'askedAt'>): boolean {
  return r.metAt !== null || r.askedAt !== null || (r.stage !== 'target' && r.stage !== 'archived');
}

/** What the DM after a log shows. */
export interface LoggedSummary {
  card: ThankYouCard;
  contactStage: Stage;
  createdContact: boolean;
  referrals: LoggedReferral[];
  skillsAdded: string[];
  keywordsAdded: string[];
}

/** What saving a log gives: the summary before its thank-you is drafted. */
export interface SavedLog {
  card: UndraftedCard;
  contactStage: Stage;
  createdContact: boolean;
  referrals: LoggedReferral[];
  skillsAdded: string[];
  keywordsAdded: string[];
}

/** Why there is no single thank-you to show for `/coach thanks [name]`. */
export type ThanksLookupProblem =
  | { kind: 'no_match'; name: string }
  | { kind: 'several'; name: string; matches: { id: string; name: string }[] }
  | { kind: 'no_conversation'; contact: { id: string; name: string } }
  | { kind: 'all_sent' }
  | { kind: 'nothing_logged' };
