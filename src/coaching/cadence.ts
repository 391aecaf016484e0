// When each step of the method is due: the one source of timing rules for the App Home (each person's
// next step and the due list, ./pipeline) and for the nudges (./nudge-rules). Pure date arithmetic;
// where a nudge then lands (working hours, a pause, catching up when it is overdue) is up to
// ./nudge-rules.
//
// "N days later" counts local calendar days in the member's zone and keeps the wall-clock time, so a
// DST switch never moves it by an hour (an unknown zone counts in UTC). Everything given in hours or
// minutes is an absolute duration.

import { addLocalDays, addMs, DAY_MS, HOUR_MS, MINUTE_MS } from './time';
import type { NudgeKind } from './types';

type Zone = string | null | undefined;

// ---- the thank-you -------------------------------------------------------------------------------

/** The thank-you goes out within 24 hours of the conversation. */
export const THANK_YOU_WITHIN_MS = 24 * HOUR_MS;
/** A late thank-you is still worth sending (and showing as due) until this long after the conversation. */
const THANK_YOU_WORTH_SENDING_MS = 7 * DAY_MS;
/** The thank-you nudge leaves the member this long after the conversation before it reminds them… */
export const THANK_YOU_BREATHING_ROOM_MS = 2 * HOUR_MS;
/** …and, placed in working hours, at least this long before the deadline… */
export const THANK_YOU_MIN_LEAD_MS = 1 * HOUR_MS;
/** …or else this long before the deadline, whatever the hour. */
export const THANK_YOU_FALLBACK_LEAD_MS = 2 * HOUR_MS;

/** When the thank-you is due: 24 hours after the conversation. */
export function thankYouDeadline(heldAt: Date): Date {
  return addMs(heldAt, THANK_YOU_WITHIN_MS);
}

/** After this moment an unsent thank-you is neither nudged nor listed as due any more. */
export function thankYouExpiresAt(heldAt: Date): Date {
  return addMs(heldAt, THANK_YOU_WORTH_SENDING_MS);
}

// ---- people someone suggested ---------------------------------------------------------------------

/** Reaching out to someone suggested in a conversation: nudged this many days after it. */
export const REFERRAL_AFTER_DAYS = 2;
/** The referral nudge is worth sending this long after its time. */
const REFERRAL_STALE_MS = 14 * DAY_MS;

export function referralDueAt(suggestedAt: Date, tz: Zone): Date {
  return addLocalDays(suggestedAt, REFERRAL_AFTER_DAYS, tz);
}

// ---- the one follow-up ----------------------------------------------------------------------------

/** One polite follow-up, this many days after an ask that got no answer (and never a second). */
export const FOLLOW_UP_AFTER_DAYS = 7;
/** After its time, the follow-up stays worth sending (and on the due list) this long. */
export const FOLLOW_UP_STALE_MS = 14 * DAY_MS;

export function followUpDueAt(sentAt: Date, tz: Zone): Date {
  return addLocalDays(sentAt, FOLLOW_UP_AFTER_DAYS, tz);
}

// ---- around the conversation ---------------------------------------------------------------------

/** Chats this far ahead are on the due list (to prepare), and this far back (to log). */
export const UPCOMING_WINDOW_MS = 7 * DAY_MS;
/** A chat within this long ranks with the most urgent items on the due list. */
export const SOON_MS = 24 * HOUR_MS;
/** A chat booked too late for the working day before gets its prep nudge this long before it. */
export const PREP_LATE_LEAD_MS = 2 * HOUR_MS;
/** "Offer to wrap up": this long before the time asked for runs out. */
const WRAP_UP_LEAD_MS = 2 * MINUTE_MS;
/** The debrief: this long after the conversation's planned end… */
export const DEBRIEF_AFTER_MS = 60 * MINUTE_MS;
/** …inside waking hours, local minutes [start, end) (else the next working moment)… */
export const WAKING_START_MINUTE = 8 * 60;
export const WAKING_END_MINUTE = 21 * 60;
/** …and worth sending this long after its time. */
const DEBRIEF_STALE_MS = 7 * DAY_MS;
/** A conversation with no length recorded is taken to last this long. */
const DEFAULT_CONVERSATION_MINUTES = 20;

/** The planned end: the time asked for after the start. */
export function conversationEnd(scheduledAt: Date, minutesRequested: number): Date {
  const minutes =
    Number.isFinite(minutesRequested) && minutesRequested > 0
      ? minutesRequested
      : DEFAULT_CONVERSATION_MINUTES;
  return addMs(scheduledAt, minutes * MINUTE_MS);
}

/** When to offer to wrap up: shortly before the planned end (at the start of a very short chat). */
export function wrapUpAt(scheduledAt: Date, minutesRequested: number): Date {
  const at = conversationEnd(scheduledAt, minutesRequested).getTime() - WRAP_UP_LEAD_MS;
  return new Date(Math.max(scheduledAt.getTime(), at));
}

// ---- closing the loop, then keeping in touch ------------------------------------------------------

/** "Here is how your advice played out": this many days after the conversation. */
export const CLOSE_LOOP_AFTER_DAYS = 30;
/** After its time, closing the loop stays worth doing (and on the due list) this long. */
export const CLOSE_LOOP_STALE_MS = 30 * DAY_MS;
/** A light keep-in-touch note this many days after the last touch. */
export const KEEP_IN_TOUCH_EVERY_DAYS = 90;

export function closeLoopDueAt(heldAt: Date, tz: Zone): Date {
  return addLocalDays(heldAt, CLOSE_LOOP_AFTER_DAYS, tz);
}

export function keepInTouchDueAt(lastTouchAt: Date, tz: Zone, everyDays = KEEP_IN_TOUCH_EVERY_DAYS): Date {
  return addLocalDays(lastTouchAt, everyDays, tz);
}

// ---- the weekly summary ---------------------------------------------------------------------------

/** Monday's summary goes out at workday start, or at this local minute when Monday is not a working day. */
export const WEEKLY_SUMMARY_FALLBACK_MINUTE = 9 * 60;
/** A summary not sent within this long after its time is skipped. */
const WEEKLY_SUMMARY_STALE_MS = 12 * HOUR_MS;

// ---- how long each nudge stays worth sending ------------------------------------------------------

/** After its planned time (for the thank-you: after the conversation); 0 = until the conversation. */
export const STALE_AFTER_MS: Readonly<Record<NudgeKind, number>> = {
  thank_you: THANK_YOU_WORTH_SENDING_MS, // counted from heldAt
  referral: REFERRAL_STALE_MS,
  follow_up: FOLLOW_UP_STALE_MS,
  prep: 0, // until the conversation starts
  wrap_up: 0, // until the conversation's planned end
  debrief: DEBRIEF_STALE_MS,
  close_loop: CLOSE_LOOP_STALE_MS,
  keep_in_touch: Number.POSITIVE_INFINITY, // once per touch
  weekly_summary: WEEKLY_SUMMARY_STALE_MS,
};
