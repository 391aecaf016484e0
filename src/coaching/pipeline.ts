// Where each person stands and what the member could do next: the pipeline, goals for the week and
// the short list of things due now. When each step is due comes from ./cadence, as for the nudges.

import {
  CLOSE_LOOP_STALE_MS,
  closeLoopDueAt,
  FOLLOW_UP_STALE_MS,
  followUpDueAt,
  SOON_MS,
  thankYouDeadline,
  thankYouExpiresAt,
  UPCOMING_WINDOW_MS,
} from './cadence';
import { stageEmoji, stageLabel } from './stages';
import { clipChars, firstName } from './text';
import { onTimeThankYouRate, type ThankYouRate } from './thanks';
import { addMs, daysAgo, formatWhen, weekBounds } from './time';
import type { AskData, ContactData, ConversationData, MemberSnapshot, Stage } from './types';
import { STAGES } from './types';

export { stageEmoji, stageLabel };

export type NextAction = 'ask' | 'follow_up' | 'prep' | 'log' | 'thanks' | 'close_loop' | 'none';

export interface NextStep {
  label: string;
  action: NextAction;
}

export interface ContactActivity {
  asks: readonly AskData[];
  conversations: readonly ConversationData[];
}

export interface NextStepOptions {
  /** The member's timezone for times in labels; UTC when missing or unknown. */
  tz?: string | null;
}

/** The one next step for a contact. `data` may hold everyone's asks and chats; only theirs are used. */
export function nextStep(
  contact: ContactData,
  data: ContactActivity,
  now: Date,
  options: NextStepOptions = {},
): NextStep {
  const asks = data.asks.filter((a) => a.contactId === contact.id);
  const conversations = data.conversations.filter((c) => c.contactId === contact.id && !c.cancelledAt);
  const tz = options.tz;
  const first = firstName(contact.name);

  switch (contact.stage) {
    case 'archived':
      return { label: 'Archived', action: 'none' };
    case 'declined':
      // A no for now is not a no forever; nothing is asked of the member.
      return { label: `${first} said no for now; nothing to do`, action: 'none' };
    case 'target':
      return asks.some((a) => !a.sentAt)
        ? { label: 'Send the ask you drafted', action: 'ask' }
        : { label: 'Draft your ask', action: 'ask' };
    case 'asked':
      return askedStep(contact, asks, now, tz);
    case 'scheduled':
      return scheduledStep(conversations, now, tz);
    case 'met': {
      const held = latestHeld(conversations);
      if (!held?.heldAt) return { label: 'Log your notes from the chat', action: 'log' };
      if (!held.thankYouSentAt) {
        const deadline = thankYouDeadline(held.heldAt);
        return now.getTime() <= deadline.getTime()
          ? { label: `Send your thank-you (by ${formatWhen(deadline, tz, now)})`, action: 'thanks' }
          : { label: 'Send your thank-you; a late one is still welcome', action: 'thanks' };
      }
      return thankedStep(contact, held, now, first, tz);
    }
    case 'thanked':
      return thankedStep(contact, latestHeld(conversations), now, first, tz);
  }
}

function askedStep(
  contact: ContactData,
  asks: readonly AskData[],
  now: Date,
  tz: string | null | undefined,
): NextStep {
  const ask = latestSentAsk(asks);
  if (ask?.repliedAt) return { label: 'They replied: add the time you agreed', action: 'log' };
  if (ask?.followedUpAt) {
    return { label: `Followed up ${daysAgo(ask.followedUpAt, now)}; nothing more to send`, action: 'none' };
  }
  const sentAt = ask?.sentAt ?? contact.stageAt;
  if (now.getTime() >= followUpDueAt(sentAt, tz).getTime()) {
    return { label: 'Send your one follow-up', action: 'follow_up' };
  }
  return { label: `Waiting for a reply (sent ${daysAgo(sentAt, now)})`, action: 'none' };
}

function scheduledStep(
  conversations: readonly ConversationData[],
  now: Date,
  tz: string | null | undefined,
): NextStep {
  const booked = conversations.filter((c) => !c.heldAt && c.scheduledAt);
  const upcoming = booked
    .filter((c) => (c.scheduledAt?.getTime() ?? 0) >= now.getTime())
    .sort((a, b) => (a.scheduledAt?.getTime() ?? 0) - (b.scheduledAt?.getTime() ?? 0))[0];
  if (upcoming?.scheduledAt) {
    return { label: `Prepare questions for ${formatWhen(upcoming.scheduledAt, tz, now)}`, action: 'prep' };
  }
  if (booked.length > 0) return { label: 'Log how the chat went', action: 'log' };
  return { label: 'Add the time you agreed', action: 'log' };
}

function thankedStep(
  contact: ContactData,
  held: ConversationData | undefined,
  now: Date,
  first: string,
  tz: string | null | undefined,
): NextStep {
  if (held?.loopClosedAt) return { label: 'Keep in touch now and then', action: 'none' };
  const since = held?.heldAt ?? contact.stageAt;
  if (now.getTime() >= closeLoopDueAt(since, tz).getTime()) {
    return { label: `Tell ${first} how their advice played out`, action: 'close_loop' };
  }
  const action = held?.action?.trim();
  return action
    ? { label: `Work on: ${clipChars(action, 60)}`, action: 'none' }
    : { label: 'Put what you learned to work', action: 'none' };
}

function latestSentAsk(asks: readonly AskData[]): AskData | undefined {
  const sent = asks.filter((a) => a.sentAt);
  const pool = sent.length > 0 ? sent : asks;
  return [...pool].sort(
    (a, b) => (b.sentAt ?? b.createdAt).getTime() - (a.sentAt ?? a.createdAt).getTime(),
  )[0];
}

function latestHeld(conversations: readonly ConversationData[]): ConversationData | undefined {
  return conversations
    .filter((c) => c.heldAt && !c.cancelledAt)
    .sort((a, b) => (b.heldAt?.getTime() ?? 0) - (a.heldAt?.getTime() ?? 0))[0];
}

// ---------------------------------------------------------------------------------------------
// The pipeline.

export interface PipelineEntry {
  contact: ContactData;
  next: NextStep;
}

export interface PipelineStage {
  stage: Stage;
  label: string;
  emoji: string;
  count: number;
  /** Longest in this stage first. */
  contacts: PipelineEntry[];
}

/** Every stage in order (archived last), with its people and each person's next step. */
export function pipelineByStage(snapshot: MemberSnapshot, now: Date): PipelineStage[] {
  const data = { asks: snapshot.asks, conversations: snapshot.conversations };
  const tz = snapshot.prefs.tz;
  return STAGES.map((stage) => {
    const contacts = snapshot.contacts
      .filter((c) => c.stage === stage)
      .sort((a, b) => a.stageAt.getTime() - b.stageAt.getTime() || a.name.localeCompare(b.name))
      .map((contact) => ({ contact, next: nextStep(contact, data, now, { tz }) }));
    return { stage, label: stageLabel(stage), emoji: stageEmoji(stage), count: contacts.length, contacts };
  });
}

// ---------------------------------------------------------------------------------------------
// Goals.

export interface Progress {
  have: number;
  goal: number;
}

export interface GoalProgressReport {
  /** People on the list (everyone not archived) against the target goal. */
  targets: Progress;
  /**
   * Conversations held this week (Monday to Sunday in the member's timezone), and those booked for this
   * week and not held yet (not logged yet, whether or not their time has come). Both count towards the
   * weekly goal; see toGoalProgress in ./goals.
   */
  conversationsThisWeek: Progress & { booked: number };
  onTimeThankYou: ThankYouRate;
  week: { start: Date; end: Date };
}

export function goalProgress(snapshot: MemberSnapshot, now: Date): GoalProgressReport {
  const week = weekBounds(now, snapshot.prefs.tz);
  const inWeek = (d: Date | null): boolean =>
    d !== null && d.getTime() >= week.start.getTime() && d.getTime() < week.end.getTime();
  const live = snapshot.conversations.filter((c) => !c.cancelledAt);
  return {
    targets: {
      have: snapshot.contacts.filter((c) => c.stage !== 'archived').length,
      goal: snapshot.prefs.targetGoal,
    },
    conversationsThisWeek: {
      have: live.filter((c) => inWeek(c.heldAt)).length,
      goal: snapshot.prefs.weeklyConversationGoal,
      booked: live.filter((c) => !c.heldAt && inWeek(c.scheduledAt)).length,
    },
    onTimeThankYou: onTimeThankYouRate(snapshot.conversations, now),
    week,
  };
}

// ---------------------------------------------------------------------------------------------
// Due now.

export type DueKind = 'thank_you' | 'upcoming_chat' | 'log_chat' | 'follow_up' | 'referral' | 'close_loop';

export interface DueItem {
  kind: DueKind;
  contactId: string;
  contactName: string;
  /** The conversation, ask or contact the item is about. */
  subjectId: string;
  label: string;
  /** The deadline or the moment it became due. */
  dueAt: Date;
  /** True only when a real deadline has passed (a thank-you after 24 hours). */
  overdue: boolean;
  action: NextAction;
}

/**
 * What deserves attention now, most urgent first: thank-yous, chats in the next day, chats to log,
 * follow-ups, people someone suggested, later chats, then updates to send. Items that have gone
 * stale drop off instead of piling up. Archived contacts never appear.
 */
export function dueNow(snapshot: MemberSnapshot, now: Date): DueItem[] {
  const tz = snapshot.prefs.tz;
  const contacts = new Map(snapshot.contacts.filter((c) => c.stage !== 'archived').map((c) => [c.id, c]));
  const allContacts = new Map(snapshot.contacts.map((c) => [c.id, c]));
  const t = now.getTime();
  const items: { item: DueItem; rank: number }[] = [];
  const add = (rank: number, item: DueItem): void => {
    items.push({ rank, item });
  };

  for (const c of snapshot.conversations) {
    const contact = contacts.get(c.contactId);
    if (!contact || c.cancelledAt) continue;
    const base = { contactId: contact.id, contactName: contact.name, subjectId: c.id };

    if (c.heldAt && !c.thankYouSentAt) {
      const deadline = thankYouDeadline(c.heldAt);
      if (t < thankYouExpiresAt(c.heldAt).getTime()) {
        const late = t > deadline.getTime();
        add(0, {
          ...base,
          kind: 'thank_you',
          label: late
            ? `Thank ${contact.name}; a late note is still welcome`
            : `Thank ${contact.name} by ${formatWhen(deadline, tz, now)}`,
          dueAt: deadline,
          overdue: late,
          action: 'thanks',
        });
      }
    }
    if (!c.heldAt && c.scheduledAt) {
      const at = c.scheduledAt.getTime();
      if (at >= t && at <= t + UPCOMING_WINDOW_MS) {
        add(at - t <= SOON_MS ? 1 : 5, {
          ...base,
          kind: 'upcoming_chat',
          label: `Chat with ${contact.name} ${formatWhen(c.scheduledAt, tz, now)}: prepare your questions`,
          dueAt: c.scheduledAt,
          overdue: false,
          action: 'prep',
        });
      } else if (at < t && at >= t - UPCOMING_WINDOW_MS) {
        add(2, {
          ...base,
          kind: 'log_chat',
          label: `Log how your chat with ${contact.name} went`,
          dueAt: c.scheduledAt,
          overdue: false,
          action: 'log',
        });
      }
    }
  }

  for (const contact of contacts.values()) {
    const base = { contactId: contact.id, contactName: contact.name };
    const asks = snapshot.asks.filter((a) => a.contactId === contact.id);

    if (contact.stage === 'asked') {
      const ask = latestSentAsk(asks);
      if (ask?.sentAt && !ask.repliedAt && !ask.followedUpAt) {
        const due = followUpDueAt(ask.sentAt, tz);
        if (t >= due.getTime() && t < addMs(due, FOLLOW_UP_STALE_MS).getTime()) {
          add(3, {
            ...base,
            subjectId: ask.id,
            kind: 'follow_up',
            label: `Send ${contact.name} your one follow-up`,
            dueAt: due,
            overdue: false,
            action: 'follow_up',
          });
        }
      }
    }

    if (contact.stage === 'target' && contact.referredById && !asks.some((a) => a.sentAt)) {
      const referrer = allContacts.get(contact.referredById);
      add(4, {
        ...base,
        subjectId: contact.id,
        kind: 'referral',
        label: referrer
          ? `Reach out to ${contact.name}: ${firstName(referrer.name)} suggested them`
          : `Reach out to ${contact.name}`,
        dueAt: contact.createdAt,
        overdue: false,
        action: 'ask',
      });
    }

    const held = latestHeld(snapshot.conversations.filter((c) => c.contactId === contact.id));
    if (held?.heldAt && held.thankYouSentAt && !held.loopClosedAt) {
      const due = closeLoopDueAt(held.heldAt, tz);
      if (t >= due.getTime() && t < addMs(due, CLOSE_LOOP_STALE_MS).getTime()) {
        add(6, {
          ...base,
          subjectId: held.id,
          kind: 'close_loop',
          label: `Tell ${contact.name} how their advice played out`,
          dueAt: due,
          overdue: false,
          action: 'close_loop',
        });
      }
    }
  }

  return items
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        a.item.dueAt.getTime() - b.item.dueAt.getTime() ||
        a.item.contactName.localeCompare(b.item.contactName) ||
        a.item.subjectId.localeCompare(b.item.subjectId),
    )
    .map((entry) => entry.item);
}
