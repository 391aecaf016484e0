// After the conversation: the thank-you inside 24 hours, the "here is how your advice helped" update
// about a month later, and light keep-in-touch notes after that.
// When each is due is in ./cadence.
import { thankYouDeadline } from './cadence';
import { firstName, joinAnd, squish, stripTrailingPunctuation } from './text';
import type { ConversationData } from './types';

/** Shown where the member still has to write a line themselves. */
export const OUTCOME_PLACEHOLDER = '[one line on how it went]';

export interface ThankYouInput {
  contactName: string;
  /** The one thing the member will act on. */
  action: string;
  /** Something specific they learned. */
  learned?: string | null;
  /** People the contact suggested talking to next. */
  suggestedNames?: readonly string[];
  senderFirstName?: string | null;
}

/** A short thank-you naming the one action and something specific learned. */
export function draftThankYou(input: ThankYouInput): string {
  const learned = phrase(input.learned);
  const action = phrase(input.action);
  const names = (input.suggestedNames ?? []).map(squish).filter(Boolean);

  const lines: string[] = [
    learned
      ? `Thank you for making time to talk with me. What stayed with me most: ${learned}.`
      : 'Thank you for making time to talk with me. It helped a lot to hear how the work looks from the inside.',
    action
      ? `I'm starting with one thing you suggested: ${action}.`
      : "I'm already thinking about what to do first with your advice.",
  ];
  if (names.length > 0) {
    lines.push(`Thank you also for suggesting ${joinAnd(names)}. I'll reach out and mention your name.`);
  }
  lines.push("I'll let you know how it goes.");

  return joinMessage([greeting(input.contactName), lines.join(' '), signature(input.senderFirstName)]);
}

export interface CloseLoopInput {
  contactName: string;
  /** What they advised that the member acted on. */
  action: string;
  /** How it went; a placeholder is left when missing. */
  outcome?: string | null;
  senderFirstName?: string | null;
}

/** The update a month or so later: what they suggested, and how it played out. */
export function draftCloseTheLoop(input: CloseLoopInput): string {
  const action = phrase(input.action);
  const outcome = phrase(input.outcome) || OUTCOME_PLACEHOLDER;
  const body = [
    action
      ? `When we talked, I said I'd start with this: ${action}. Here is how it went: ${outcome}.`
      : `I wanted to tell you how your advice played out since we spoke: ${outcome}.`,
    'Thank you again for taking the time; it made a real difference.',
  ].join(' ');
  return joinMessage([greeting(input.contactName), body, signature(input.senderFirstName)]);
}

export interface KeepInTouchInput {
  contactName: string;
  /** Something from the conversation to recall ("your advice on research portfolios"). */
  lastTopic?: string | null;
  /** The member's own news, if any. */
  news?: string | null;
  senderFirstName?: string | null;
}

/** A friendly check-in with no request in it. */
export function draftKeepInTouch(input: KeepInTouchInput): string {
  const topic = phrase(input.lastTopic);
  const news = phrase(input.news);
  const body = [
    topic ? `I was thinking about ${topic} the other day and wanted to say hello.` : 'I wanted to say hello.',
    news ? `A quick update from me: ${news}.` : null,
    'I hope things are going well for you. No need to reply; I just wanted to keep in touch.',
  ]
    .filter(Boolean)
    .join(' ');
  return joinMessage([greeting(input.contactName), body, signature(input.senderFirstName)]);
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
  const first = firstName(name);
  return first ? `Hi ${first},` : 'Hi,';
}

function signature(sender: string | null | undefined): string | null {
  const name = sender ? squish(sender) : '';
  return name ? `Best wishes,\n${name}` : null;
}

function joinMessage(parts: (string | null)[]): string {
  return parts.filter((p): p is string => Boolean(p)).join('\n\n');
}

function phrase(text: string | null | undefined): string {
  return text ? stripTrailingPunctuation(squish(text)) : '';
}
