// What one nudge says, worked out from the member's data at send time (so it is never stale). Pure:
// a nudge, a snapshot and `now` in, plain content out; src/slack/views/nudge.ts lays it out.

import { draftFollowUp } from '../coaching/ask';
import { pipelineCounts } from '../coaching/counts';
import { nudgeDeadline, type SnoozeOption, snoozeOptions } from '../coaching/nudge-rules';
import { nudgeText, type WeeklyNumbers } from '../coaching/nudge-text';
import { type DueItem, dueNow } from '../coaching/pipeline';
import { chooseQuestions } from '../coaching/questions';
import { firstName } from '../coaching/text';
import { draftCloseTheLoop, draftKeepInTouch, draftThankYou, onTimeThankYouRate } from '../coaching/thanks';
import { formatLocal, weekBounds } from '../coaching/time';
import type { ContactData, ConversationData, MemberSnapshot, NudgeKind } from '../coaching/types';

/** The one step the nudge's main button takes. */
export type NudgePrimary =
  | { kind: 'mark_thanks_sent'; contactId: string | null; conversationId: string | null }
  | { kind: 'draft_ask'; contactId: string }
  | { kind: 'follow_up' }
  | { kind: 'open_prep'; contactId: string }
  | { kind: 'log_conversation'; contactId: string }
  | { kind: 'none' };

export interface NudgeContent {
  kind: NudgeKind;
  title: string;
  body: string;
  /** A ready-to-copy message (thank-you, follow-up, the close-the-loop update). */
  draft?: { label: string; text: string };
  /** Extra lines (the weekly summary's thank-you rate). */
  details?: string[];
  /** The weekly summary's "Due now" items, each shown with a button for its next step. */
  due?: DueItem[];
  primary: NudgePrimary;
  /** The snooze choices that fit this nudge now (none: no snooze menu). */
  snooze: SnoozeOption[];
}

/** Several due nudges of one kind for one member, folded into one message. */
export interface FoldedNudgeContent {
  kind: NudgeKind;
  title: string;
  body: string;
  /** One line per nudge, each with its own next step (or a button that shows that nudge in full). */
  items: { nudgeId: string; label: string; primary: NudgePrimary }[];
  snooze: SnoozeOption[];
}

export interface NudgeRef {
  kind: NudgeKind;
  subjectId: string | null;
}

const MAX_DUE_ITEMS = 5;

function contactOf(snapshot: MemberSnapshot, id: string | null | undefined): ContactData | undefined {
  return id ? snapshot.contacts.find((c) => c.id === id) : undefined;
}

function conversationOf(snapshot: MemberSnapshot, id: string | null): ConversationData | undefined {
  return id ? snapshot.conversations.find((c) => c.id === id) : undefined;
}

/** The contact a nudge is about (via its conversation or ask when the subject is one of those). */
function nudgeContact(ref: NudgeRef, snapshot: MemberSnapshot): ContactData | undefined {
  switch (ref.kind) {
    case 'referral':
    case 'keep_in_touch':
      return contactOf(snapshot, ref.subjectId);
    case 'follow_up':
      return contactOf(snapshot, snapshot.asks.find((a) => a.id === ref.subjectId)?.contactId);
    case 'weekly_summary':
      return undefined;
    default:
      return contactOf(snapshot, conversationOf(snapshot, ref.subjectId)?.contactId);
  }
}

export function composeNudge(ref: NudgeRef, snapshot: MemberSnapshot, now: Date): NudgeContent {
  const content = composeBody(ref, snapshot, now);
  return {
    ...content,
    snooze: snoozeOptions(ref.kind, nudgeDeadline(ref.kind, ref.subjectId, snapshot), now, snapshot.prefs),
  };
}

const FOLDED_TITLES: Record<NudgeKind, (n: number) => string> = {
  thank_you: (n) => `${n} thank-yous to send`,
  referral: (n) => `${n} people suggested to you are waiting`,
  follow_up: (n) => `${n} follow-ups are waiting`,
  prep: (n) => `${n} chats to prepare for`,
  wrap_up: (n) => `${n} chats to wrap up`,
  debrief: (n) => `${n} chats to note down`,
  close_loop: (n) => `${n} people to tell how it went`,
  keep_in_touch: (n) => `${n} people to say hello to`,
  weekly_summary: (n) => `${n} weekly summaries`,
};

const FOLDED_BODIES: Partial<Record<NudgeKind, string>> = {
  thank_you: 'A short note to each, naming one thing you’ll act on.',
  referral: 'Mention who suggested them: it tells them why you’re writing.',
  follow_up: 'No reply yet after about a week. One polite follow-up each is fine, then let it rest.',
  close_loop: 'About a month on: a short update on how their advice played out means a lot.',
  keep_in_touch: 'A quick hello or a short update on your path keeps each connection warm.',
  debrief: 'Note each while it’s fresh: one thing learned, one thing to act on, any names suggested.',
};

function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * The backlog of one kind in one message (after the sweeps were down, or several due at once):
 * "3 follow-ups are waiting: Ana, Ben and Chen", a line and a button for each.
 */
export function composeFoldedNudges(
  nudges: readonly (NudgeRef & { nudgeId: string })[],
  snapshot: MemberSnapshot,
  now: Date,
): FoldedNudgeContent {
  const kind = nudges[0]?.kind ?? 'follow_up';
  const items = nudges
    .map((n) => {
      const name = nudgeContact(n, snapshot)?.name ?? 'Someone';
      const body = composeBody(n, snapshot, now);
      return { nudgeId: n.nudgeId, name, label: body.title, primary: body.primary };
    })
    .sort((a, b) => a.name.localeCompare(b.name) || (a.nudgeId < b.nudgeId ? -1 : 1));
  const firsts = items.map((i) => firstName(i.name) || i.name);
  const deadlines = nudges
    .map((n) => nudgeDeadline(n.kind, n.subjectId, snapshot))
    .filter((d): d is Date => d !== null)
    .sort((a, b) => a.getTime() - b.getTime());
  return {
    kind,
    title: `${FOLDED_TITLES[kind](items.length)}: ${joinNames(firsts)}`,
    body: FOLDED_BODIES[kind] ?? 'Each one is below, with a button to open it.',
    items: items.map(({ nudgeId, label, primary }) => ({ nudgeId, label, primary })),
    snooze: snoozeOptions(kind, deadlines[0] ?? null, now, snapshot.prefs),
  };
}

function composeBody(ref: NudgeRef, snapshot: MemberSnapshot, now: Date): Omit<NudgeContent, 'snooze'> {
  const tz = snapshot.prefs.tz;
  const contact = nudgeContact(ref, snapshot);
  const conversation = conversationOf(snapshot, ref.subjectId);
  const name = contact?.name ?? null;
  // Drafts to someone the student has met are signed with their first name; the follow-up to someone
  // who has not answered yet with the name they signed the ask with.
  const signer = snapshot.prefs.name ? firstName(snapshot.prefs.name) || null : null;

  switch (ref.kind) {
    case 'thank_you': {
      const action = conversation?.action ?? null;
      const late = conversation?.heldAt
        ? now.getTime() > conversation.heldAt.getTime() + 24 * 3_600_000
        : false;
      const text = nudgeText('thank_you', { contactName: name, action, late });
      const suggested = snapshot.contacts
        .filter((c) => contact && c.referredById === contact.id)
        .map((c) => c.name);
      return {
        kind: ref.kind,
        title: text.title,
        body: text.body,
        draft: {
          label: 'A draft to start from',
          text: draftThankYou({
            contactName: name ?? 'there',
            action: action ?? '',
            learned: conversation?.insights ?? conversation?.notes ?? null,
            suggestedNames: suggested,
            senderName: signer,
          }),
        },
        primary: {
          kind: 'mark_thanks_sent',
          contactId: contact?.id ?? null,
          conversationId: conversation?.id ?? null,
        },
      };
    }
    case 'referral': {
      const referrer = contactOf(snapshot, contact?.referredById);
      const text = nudgeText('referral', { contactName: name, referrerName: referrer?.name ?? null });
      return {
        kind: ref.kind,
        title: text.title,
        body: text.body,
        primary: contact ? { kind: 'draft_ask', contactId: contact.id } : { kind: 'none' },
      };
    }
    case 'follow_up': {
      const ask = snapshot.asks.find((a) => a.id === ref.subjectId);
      const referrer = contactOf(snapshot, contact?.referredById);
      const text = nudgeText('follow_up', { contactName: name });
      return {
        kind: ref.kind,
        title: text.title,
        body: text.body,
        draft: {
          label: 'A polite follow-up',
          text: draftFollowUp({
            contact: {
              name: contact?.name ?? 'there',
              role: contact?.role ?? null,
              company: contact?.company ?? null,
              why: contact?.why ?? null,
            },
            minutes: ask?.minutes,
            channel: ask?.channel ?? 'linkedin',
            referredByName: referrer?.name ?? null,
            senderFirstName: snapshot.prefs.name,
          }),
        },
        primary: { kind: 'follow_up' },
      };
    }
    case 'prep': {
      const when = conversation?.scheduledAt
        ? formatLocal(conversation.scheduledAt, tz, 'weekdayTime')
        : null;
      const questions = chooseQuestions({
        role: contact?.role ?? null,
        industry: contact?.industry ?? null,
        goal: snapshot.prefs.about,
        seed: contact?.id ?? ref.subjectId ?? '',
      }).map((q) => q.text);
      const text = nudgeText('prep', {
        contactName: name,
        when: when ? `on ${when}` : null,
        minutes: conversation?.minutesRequested ?? null,
        questions,
      });
      return {
        kind: ref.kind,
        title: text.title,
        body: text.body,
        primary: contact ? { kind: 'open_prep', contactId: contact.id } : { kind: 'none' },
      };
    }
    case 'wrap_up': {
      const text = nudgeText('wrap_up', {
        contactName: name,
        minutes: conversation?.minutesRequested ?? null,
      });
      return { kind: ref.kind, title: text.title, body: text.body, primary: { kind: 'none' } };
    }
    case 'debrief': {
      const text = nudgeText('debrief', { contactName: name });
      return {
        kind: ref.kind,
        title: text.title,
        body: text.body,
        primary: contact ? { kind: 'log_conversation', contactId: contact.id } : { kind: 'none' },
      };
    }
    case 'close_loop': {
      const action = conversation?.action ?? null;
      const text = nudgeText('close_loop', { contactName: name, action });
      return {
        kind: ref.kind,
        title: text.title,
        body: text.body,
        draft: {
          label: 'A short update',
          text: draftCloseTheLoop({ contactName: name ?? 'there', action: action ?? '', senderName: signer }),
        },
        primary: { kind: 'none' },
      };
    }
    case 'keep_in_touch': {
      const text = nudgeText('keep_in_touch', { contactName: name });
      const last = snapshot.conversations
        .filter((c) => c.contactId === contact?.id && c.heldAt !== null && c.cancelledAt === null)
        .sort((a, b) => (b.heldAt?.getTime() ?? 0) - (a.heldAt?.getTime() ?? 0))[0];
      return {
        kind: ref.kind,
        title: text.title,
        body: text.body,
        draft: {
          label: 'A quick hello',
          text: draftKeepInTouch({
            contactName: name ?? 'there',
            lastAction: last?.action ?? null,
            senderName: signer,
          }),
        },
        primary: { kind: 'none' },
      };
    }
    case 'weekly_summary': {
      const text = nudgeText('weekly_summary', { weekly: weeklyNumbers(snapshot, now) });
      return {
        kind: ref.kind,
        title: text.title,
        body: text.body,
        details: weeklyDetails(snapshot, now),
        due: dueNow(snapshot, now).slice(0, MAX_DUE_ITEMS),
        primary: { kind: 'none' },
      };
    }
  }
}

/** The figures of the weekly summary, in the member's own week. */
function weeklyNumbers(snapshot: MemberSnapshot, now: Date): WeeklyNumbers {
  const lastWeek = weekBounds(now, snapshot.prefs.tz, -1);
  const lastWeekStart = lastWeek.start.getTime();
  const thisWeekStart = lastWeek.end.getTime();
  const nextWeekStart = weekBounds(now, snapshot.prefs.tz).end.getTime();
  const live = snapshot.conversations.filter((c) => c.cancelledAt === null);
  const counts = pipelineCounts(snapshot);
  return {
    conversationsLastWeek: live.filter(
      (c) => c.heldAt !== null && c.heldAt.getTime() >= lastWeekStart && c.heldAt.getTime() < thisWeekStart,
    ).length,
    weeklyConversationGoal: snapshot.prefs.weeklyConversationGoal,
    targets: counts.onList,
    targetGoal: snapshot.prefs.targetGoal,
    // The same count as the App Home's "Waiting on replies" (./coaching/counts).
    awaitingReplies: counts.waitingOnReplies,
    upcoming: live.filter(
      (c) =>
        c.heldAt === null &&
        c.scheduledAt !== null &&
        c.scheduledAt.getTime() >= now.getTime() &&
        c.scheduledAt.getTime() < nextWeekStart,
    ).length,
  };
}

/**
 * The weekly summary's extra line: the on-time thank-you rate. Its "Due now" items (the same list
 * as the App Home's, so the two never disagree) go in `due`, each with its button.
 */
function weeklyDetails(snapshot: MemberSnapshot, now: Date): string[] {
  const lines: string[] = [];
  const rate = onTimeThankYouRate(snapshot.conversations, now);
  if (rate.rate !== null) {
    lines.push(
      `Thank-yous sent within 24 hours: ${rate.onTime} of ${rate.sent + rate.missed} (${Math.round(rate.rate * 100)}%)`,
    );
  }
  return lines;
}
