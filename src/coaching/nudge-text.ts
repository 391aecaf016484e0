// The words of each nudge: a title, a short body and at most one button that does the next step.
// Warm, brief, concrete; never guilt. Plain text (the Block Kit builder escapes and lays it out).
import { plural, squish } from './text';
import { actionClause } from './thanks';
import type { NudgeKind } from './types';
import { readerName } from './voice';

/** Action ids for the one button a nudge carries; the Slack side routes these. */
export const NUDGE_ACTIONS = {
  draftThankYou: 'nudge_draft_thank_you',
  draftAsk: 'nudge_draft_ask',
  draftFollowUp: 'nudge_draft_follow_up',
  openPrep: 'nudge_open_prep',
  logConversation: 'nudge_log_conversation',
  draftUpdate: 'nudge_draft_update',
  draftCheckIn: 'nudge_draft_check_in',
  openSummary: 'nudge_open_summary',
} as const;
export type NudgeAction = (typeof NUDGE_ACTIONS)[keyof typeof NUDGE_ACTIONS];

export interface WeeklyNumbers {
  /** Conversations held in the week just ended. */
  conversationsLastWeek: number;
  weeklyConversationGoal: number;
  /** Contacts still at the target stage, and the goal for the list. */
  targets: number;
  targetGoal: number;
  /** People still at 'asked' whose latest sent ask has no reply yet (see ./counts). */
  awaitingReplies: number;
  /** Conversations booked for the coming week. */
  upcoming: number;
}

export interface NudgeTextContext {
  /** The person the nudge is about (the new contact for a referral). */
  contactName?: string | null;
  /** Who suggested the contact (referral). */
  referrerName?: string | null;
  /** The one thing the member said they would act on (thank-you, close the loop). */
  action?: string | null;
  /** Minutes asked for (wrap-up) or agreed (prep). */
  minutes?: number | null;
  /** Prepared questions (prep); the first 7 are shown. */
  questions?: readonly string[] | null;
  /** When it happens, already formatted in the member's zone, e.g. "Tue 14:00" (prep). */
  when?: string | null;
  /** Weekly summary figures. */
  weekly?: WeeklyNumbers | null;
  /** The thank-you's 24 hours have passed (a snoozed or late one): a late note is still welcome. */
  late?: boolean;
}

export interface NudgeText {
  title: string;
  body: string;
  primary?: { label: string; action: NudgeAction };
}

const MAX_QUESTIONS = 7;
const MAX_ACTION_CHARS = 140;
export const WHO_ELSE_QUESTION = 'Is there anyone else you’d suggest I speak with?';

function clean(text: string | null | undefined): string {
  return squish(text ?? '');
}

function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** The action as it reads inside a sentence: tidy, clipped, without a closing full stop. */
/** The action as it reads after a colon mid-sentence ("…what you'll act on: rewrite my case study"). */
function actionPhrase(action: string): string {
  return clip(actionClause(clean(action)) || clean(action).replace(/[.!]+$/, ''), MAX_ACTION_CHARS);
}

function validMinutes(m: number | null | undefined): number | null {
  return typeof m === 'number' && Number.isFinite(m) && m > 0 ? Math.round(m) : null;
}

function weeklyBody(w: WeeklyNumbers | null | undefined): string {
  if (w === null || w === undefined) {
    return 'A fresh week. Pick one next step: a new target, an ask to send, or a conversation to prepare.';
  }
  const lines: string[] = [];
  lines.push(
    `Last week: ${w.conversationsLastWeek} of ${plural(w.weeklyConversationGoal, 'conversation', 'conversations')}.`,
  );
  lines.push(`People on your list: ${w.targets} of ${w.targetGoal}.`);
  if (w.awaitingReplies > 0) lines.push(`Waiting on ${plural(w.awaitingReplies, 'reply', 'replies')}.`);
  if (w.upcoming > 0) lines.push(`Booked this week: ${plural(w.upcoming, 'conversation', 'conversations')}.`);
  let next: string;
  if (w.targets < w.targetGoal) next = 'One step for this week: add a target one or two steps ahead of you.';
  else if (w.conversationsLastWeek < w.weeklyConversationGoal && w.upcoming === 0)
    next = 'One step for this week: send one short ask.';
  else next = 'Nice rhythm. Keep it going: pick this week’s next step from your summary.';
  lines.push(next);
  return lines.join('\n');
}

/** The text of a nudge. Missing names read as "your contact" so a text is never broken. */
export function nudgeText(kind: NudgeKind, ctx: NudgeTextContext = {}): NudgeText {
  const name = clean(ctx.contactName) || 'your contact';
  const referrer = clean(ctx.referrerName);
  const action = clean(ctx.action);
  const when = clean(ctx.when);
  const minutes = validMinutes(ctx.minutes);

  switch (kind) {
    case 'thank_you':
      if (ctx.late) {
        return {
          title: `Thank ${name} when you can`,
          body: action
            ? `The 24 hours have passed, and a late thank-you is still welcome. Keep it short and name what you’ll act on: ${actionPhrase(action)}.`
            : 'The 24 hours have passed, and a late thank-you is still welcome. Keep it short and name one thing from the chat you’ll act on.',
          primary: { label: 'Draft thank-you', action: NUDGE_ACTIONS.draftThankYou },
        };
      }
      return {
        title: `Thank ${name} today`,
        body: action
          ? `A short thank-you within 24 hours, naming what you’ll act on: ${actionPhrase(action)}.`
          : `A short thank-you within 24 hours, naming one thing from the chat you’ll act on.`,
        primary: { label: 'Draft thank-you', action: NUDGE_ACTIONS.draftThankYou },
      };
    case 'referral':
      return {
        title: referrer ? `${referrer} suggested ${name}` : `${name} is on your list`,
        body: referrer
          ? `Ready to draft your ask? Start by saying that ${readerName(referrer).first || referrer} suggested you get in touch — it tells them why you’re writing.`
          : `${name} was suggested to you — ready to draft your ask?`,
        primary: { label: 'Draft ask', action: NUDGE_ACTIONS.draftAsk },
      };
    case 'follow_up':
      return {
        title: `No reply from ${name} yet`,
        body: `It’s been about a week. One polite follow-up is fine — a line or two, easy to say yes to. After that, let it rest.`,
        primary: { label: 'Draft follow-up', action: NUDGE_ACTIONS.draftFollowUp },
      };
    case 'prep': {
      const questions = (ctx.questions ?? []).map(clean).filter(Boolean).slice(0, MAX_QUESTIONS);
      const head = when ? `You’re talking with ${name} ${when}.` : `You’re talking with ${name} soon.`;
      const length = minutes ? ` Keep it to the ${minutes} minutes you asked for.` : '';
      const body =
        questions.length > 0
          ? `${head}${length} Look up what a quick search answers first. Your questions:\n${questions
              .map((q, i) => `${i + 1}. ${q}`)
              .join('\n')}`
          : `${head}${length} Look up what a quick search answers first, then pick 5–7 questions. End with: “${WHO_ELSE_QUESTION}”`;
      return {
        title: `Prep for ${name}`,
        body,
        primary: { label: 'Open prep', action: NUDGE_ACTIONS.openPrep },
      };
    }
    case 'wrap_up': {
      const m = minutes ?? 20;
      return {
        title: `Nearly ${m} minutes`,
        body: `Nearly ${m} minutes — offer to wrap up, as you asked for ${m}. Before you go: “${WHO_ELSE_QUESTION}”`,
      };
    }
    case 'debrief':
      return {
        title: `How did it go with ${name}?`,
        body: 'Note it while it’s fresh: one thing you learned, one thing you’ll act on, and any names they suggested.',
        primary: { label: 'Log conversation', action: NUDGE_ACTIONS.logConversation },
      };
    case 'close_loop':
      return {
        title: `Tell ${name} how it went`,
        body: action
          ? `About a month since you spoke. Tell ${name} how acting on “${actionPhrase(action)}” went — a short update means a lot.`
          : `About a month since you spoke. Tell ${name} how their advice played out — a short update means a lot.`,
        primary: { label: 'Draft update', action: NUDGE_ACTIONS.draftUpdate },
      };
    case 'keep_in_touch':
      return {
        title: `Say hello to ${name}`,
        body: `It’s been a while since you were in touch with ${name}. A quick hello or a short update on your path keeps the connection warm.`,
        primary: { label: 'Draft a note', action: NUDGE_ACTIONS.draftCheckIn },
      };
    case 'weekly_summary':
      return {
        title: 'Your week',
        body: weeklyBody(ctx.weekly),
        primary: { label: 'Open summary', action: NUDGE_ACTIONS.openSummary },
      };
  }
}
