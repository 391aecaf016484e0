// Nudge planning: which nudges should exist for one member right now, each with its exact due time.
// Pure: takes a snapshot and `now`, returns plain data. The delivery side inserts the plan idempotently
// by dedupe key, sends what is due, and cancels pending nudges that are no longer in the plan.
//
// Decisions (all times in the member's zone; working hours as in ./time; every number in ./cadence,
// which the App Home's due list uses too):
// - Overdue nudges (their time passed before they were planned or sent, e.g. logged late or the
//   sweeps were down) catch up inside working hours, never in the middle of the night: at the next
//   working moment for referral, follow_up, close_loop, keep_in_touch and weekly_summary; for
//   thank_you and prep at the next working moment when that still leaves room before the deadline
//   (1 h before the thank-you's 24 hours, 1 h before the chat), else at once (the deadline matters
//   more than the hour); wrap_up at once (the member is in the meeting); debrief at its placement
//   of `now`. They stop being planned once stale (see STALE_AFTER_MS in ./cadence and the notes below).
//   The sender folds several due nudges of one kind into one message (see src/nudges/deliver.ts).
// - "N days later" (referral 2, follow_up 7, close_loop 30, keep_in_touch 90) counts local calendar
//   days, keeping the wall-clock time, then moves into working hours. The thank-you 24 h deadline, its
//   2 h breathing room, and the wrap_up/debrief offsets are absolute durations.
// - thank_you: earliest working moment at/after heldAt + 2 h that leaves at least 1 h before the
//   24 h deadline; otherwise deadline − 2 h, even outside working hours, because the deadline matters
//   more than the hour. Logged late: due at once. Stale 7 days after heldAt.
// - prep: workday start on the previous working day; 2 h before the conversation when it was booked
//   after that moment. Only while the conversation is still ahead.
// - wrap_up: scheduledAt + minutes − 2 min at any hour; only until the conversation's planned end.
// - debrief: end + 60 min if that is between 08:00 and 21:00 local (any day) or inside working hours,
//   otherwise the next working moment. Stale 7 days later.
// - follow_up: only the latest sent ask per contact, and never again for a contact once any of its
//   asks was followed up ("one polite follow-up, then stop"). Occurrence = ask id, so once ever.
// - Conversation nudges (prep, wrap_up, debrief) use the scheduled time as occurrence, so a rescheduled
//   conversation gets fresh ones and the old pending ones drop out of the plan.
// - keep_in_touch: contacts met/thanked or with a closed loop, not archived, no upcoming conversation;
//   occurrence = local date of lastTouchAt. Never stale: it fires once per touch.
// - Pause: a due time before pausedUntil moves to the first working moment at/after pausedUntil
//   (a thank-you too, even past its deadline: the member asked for quiet). prep, wrap_up and debrief
//   for a conversation scheduled before pausedUntil are skipped; a prep whose pushed time would be too
//   close to the conversation falls back to 2 h before (or pausedUntil). A pushed weekly summary that
//   leaves its ISO week is skipped (next week's covers it).
// - Staleness after the rule's time: referral and follow_up 14 days, close_loop 30 days, debrief 7 days.
// - weekly_summary: Monday at workday start (09:00 when Monday is not a working day), one per local
//   ISO week; only the current and the next week are considered (even with an unlimited horizon);
//   stale 12 h after its time.
// - referral: staleness (14 days) counts from the later of its time and the contact's creation, so a
//   name added weeks after the conversation is still nudged once, at the next working moment.

import {
  closeLoopDueAt,
  conversationEnd,
  DEBRIEF_AFTER_MS,
  followUpDueAt,
  KEEP_IN_TOUCH_EVERY_DAYS,
  keepInTouchDueAt,
  PREP_LATE_LEAD_MS,
  referralDueAt,
  STALE_AFTER_MS,
  THANK_YOU_BREATHING_ROOM_MS,
  THANK_YOU_FALLBACK_LEAD_MS,
  THANK_YOU_MIN_LEAD_MS,
  thankYouDeadline,
  thankYouExpiresAt,
  WAKING_END_MINUTE,
  WAKING_START_MINUTE,
  WEEKLY_SUMMARY_FALLBACK_MINUTE,
  wrapUpAt,
} from './cadence';
import {
  addMs,
  atLocalMinute,
  formatLocal,
  HOUR_MS,
  inZone,
  isoLocalDate,
  isoWeekKey,
  isWorkingMoment,
  localParts,
  nextWorkingMoment,
  previousWorkingDayStart,
  resolveZone,
  workingHours,
} from './time';
import type { AskData, ContactData, ConversationData, MemberPrefs, MemberSnapshot, NudgeKind } from './types';

export interface PlannedNudge {
  kind: NudgeKind;
  /** Contact, conversation or ask id; null for the weekly summary. */
  subjectId: string | null;
  /** Makes the dedupe key unique per occurrence (ask id, ISO week, scheduled time, touch date…). */
  occurrence: string;
  /** `${kind}:${subjectId ?? '-'}:${occurrence}`; the caller prefixes the member id. */
  dedupeKey: string;
  dueAt: Date;
}

export interface PlanOptions {
  /** How far ahead to plan; default 36 h. Nudges due earlier than now are always included. */
  horizonMs?: number;
  /** Keep-in-touch cadence in days; default 90. */
  keepInTouchDays?: number;
}

export const DEFAULT_HORIZON_MS = 36 * HOUR_MS;

function dedupeKeyFor(kind: NudgeKind, subjectId: string | null, occurrence: string): string {
  return `${kind}:${subjectId ?? '-'}:${occurrence}`;
}

/** Compact UTC stamp for occurrences, e.g. 20260310T1400Z (no colons, so keys split cleanly). */
function stamp(d: Date): string {
  return d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\d\d\.\d{3}Z$/, 'Z');
}

interface Candidate extends PlannedNudge {
  /** The rule's time for this nudge (after the pause), before any catch-up for being overdue. */
  scheduledFor: Date;
}

/** How an overdue nudge catches up; `before` is the next working moment unless that passes `limit`. */
type Catchup = 'now' | 'working' | 'debrief' | { before: Date };

/** An overdue nudge with a deadline: the next working moment if it leaves room before `limit`, else now. */
function catchUpBefore(now: Date, prefs: MemberPrefs, limit: Date): Date {
  const working = nextWorkingMoment(now, prefs);
  if (working.getTime() <= limit.getTime()) return working;
  return now.getTime() < limit.getTime() ? now : working;
}

interface Context {
  snapshot: MemberSnapshot;
  prefs: MemberPrefs;
  zone: string;
  now: Date;
  paused: Date | null;
  keepInTouchDays: number;
}

function later(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}

/** Where a debrief lands: at `d` when awake (08:00–21:00) or working, else the next working moment. */
function debriefPlacement(d: Date, prefs: MemberPrefs): Date {
  const { minuteOfDay } = localParts(d, resolveZone(prefs.tz));
  const awake = minuteOfDay >= WAKING_START_MINUTE && minuteOfDay < WAKING_END_MINUTE;
  return awake ? d : nextWorkingMoment(d, prefs);
}

function isPausedAt(ctx: Context, d: Date): boolean {
  return ctx.paused !== null && ctx.paused.getTime() > d.getTime();
}

/** Applies the pause: a time inside it moves to the first working moment at/after pausedUntil. */
function afterPause(ctx: Context, d: Date): Date {
  if (ctx.paused === null || !isPausedAt(ctx, d)) return d;
  return nextWorkingMoment(ctx.paused, ctx.prefs);
}

/**
 * Turns a rule's time into a candidate: handles overdue catch-up and staleness. Returns null when
 * the nudge is stale (its time passed too long ago) or its catch-up time is past `expiresAt`.
 */
function finish(
  ctx: Context,
  kind: NudgeKind,
  subjectId: string | null,
  occurrence: string,
  scheduledFor: Date,
  catchup: Catchup,
  expiresAt: Date,
): Candidate | null {
  const now = ctx.now;
  let dueAt = scheduledFor;
  if (scheduledFor.getTime() < now.getTime()) {
    dueAt =
      catchup === 'now'
        ? now
        : catchup === 'working'
          ? nextWorkingMoment(now, ctx.prefs)
          : catchup === 'debrief'
            ? debriefPlacement(now, ctx.prefs)
            : catchUpBefore(now, ctx.prefs, catchup.before);
  }
  if (dueAt.getTime() >= expiresAt.getTime()) return null;
  return {
    kind,
    subjectId,
    occurrence,
    dedupeKey: dedupeKeyFor(kind, subjectId, occurrence),
    dueAt: new Date(dueAt.getTime()),
    scheduledFor: new Date(scheduledFor.getTime()),
  };
}

function staleAfter(kind: NudgeKind, d: Date): Date {
  const ms = STALE_AFTER_MS[kind];
  return new Date(Number.isFinite(ms) ? d.getTime() + ms : 8.64e15);
}

function isHeld(c: ConversationData): c is ConversationData & { heldAt: Date } {
  return c.heldAt !== null && c.cancelledAt === null;
}

function isUpcoming(c: ConversationData): c is ConversationData & { scheduledAt: Date } {
  return c.scheduledAt !== null && c.heldAt === null && c.cancelledAt === null;
}

// ---- the rules -----------------------------------------------------------------------------------

function thankYou(ctx: Context, c: ConversationData & { heldAt: Date }): Candidate | null {
  if (c.thankYouSentAt !== null) return null;
  const deadline = thankYouDeadline(c.heldAt);
  const earliest = new Date(c.heldAt.getTime() + THANK_YOU_BREATHING_ROOM_MS);
  const working = nextWorkingMoment(earliest, ctx.prefs);
  // No working moment fits: deadline − 2 h (always after the breathing room); "right away" when
  // that has passed too is the overdue catch-up in finish().
  const ideal =
    working.getTime() <= deadline.getTime() - THANK_YOU_MIN_LEAD_MS
      ? working
      : new Date(deadline.getTime() - THANK_YOU_FALLBACK_LEAD_MS);
  // Caught up late (the sweeps were down): in working hours while that still leaves an hour before the
  // deadline; a thank-you already late waits for working hours too.
  const before = new Date(deadline.getTime() - THANK_YOU_MIN_LEAD_MS);
  return finish(
    ctx,
    'thank_you',
    c.id,
    c.id,
    afterPause(ctx, ideal),
    { before },
    thankYouExpiresAt(c.heldAt),
  );
}

function closeLoop(ctx: Context, c: ConversationData & { heldAt: Date }): Candidate | null {
  if (c.loopClosedAt !== null) return null;
  const contact = ctx.snapshot.contacts.find((k) => k.id === c.contactId);
  if (contact !== undefined && contact.stage === 'archived') return null;
  const ideal = nextWorkingMoment(closeLoopDueAt(c.heldAt, ctx.zone), ctx.prefs);
  const scheduled = afterPause(ctx, ideal);
  return finish(ctx, 'close_loop', c.id, c.id, scheduled, 'working', staleAfter('close_loop', scheduled));
}

function referral(ctx: Context, contact: ContactData): Candidate | null {
  if (contact.referredById === null || contact.stage !== 'target') return null;
  if (ctx.snapshot.asks.some((a) => a.contactId === contact.id && a.sentAt !== null)) return null;
  // Someone already met (a target again after an archive, say) gets no cold "reach out" either.
  if (ctx.snapshot.conversations.some((c) => c.contactId === contact.id && isHeld(c))) return null;
  // The conversation where the name came up: the latest held one with the referrer by the time the
  // new contact was added.
  let base = contact.createdAt;
  let best: number | null = null;
  for (const c of ctx.snapshot.conversations) {
    if (c.contactId !== contact.referredById || !isHeld(c)) continue;
    const t = c.heldAt.getTime();
    if (t <= contact.createdAt.getTime() && (best === null || t > best)) best = t;
  }
  if (best !== null) base = new Date(best);
  const ideal = nextWorkingMoment(referralDueAt(base, ctx.zone), ctx.prefs);
  const scheduled = afterPause(ctx, ideal);
  // A name added long after the conversation is still fresh news: staleness counts from the later of
  // the rule's time and when the contact was added.
  return finish(
    ctx,
    'referral',
    contact.id,
    contact.id,
    scheduled,
    'working',
    staleAfter('referral', later(scheduled, contact.createdAt)),
  );
}

function followUps(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const byContact = new Map<string, AskData[]>();
  for (const ask of ctx.snapshot.asks) {
    const list = byContact.get(ask.contactId) ?? [];
    list.push(ask);
    byContact.set(ask.contactId, list);
  }
  for (const [contactId, asks] of byContact) {
    if (asks.some((a) => a.followedUpAt !== null)) continue; // one follow-up per contact, then stop
    const contact = ctx.snapshot.contacts.find((k) => k.id === contactId);
    if (contact === undefined) continue;
    if (contact.stage === 'archived' || contact.stage === 'scheduled' || contact.stage === 'met') continue;
    if (contact.stage === 'thanked') continue;
    let latest: AskData | null = null;
    for (const a of asks) {
      if (a.sentAt === null) continue;
      if (latest === null || latest.sentAt === null || a.sentAt.getTime() > latest.sentAt.getTime()) {
        latest = a;
      }
    }
    if (latest === null || latest.sentAt === null || latest.repliedAt !== null) continue;
    const sentAt = latest.sentAt;
    // A conversation booked or held since the ask means they answered somewhere else.
    const answered = ctx.snapshot.conversations.some(
      (c) =>
        c.contactId === contactId &&
        c.cancelledAt === null &&
        (c.scheduledAt !== null || c.heldAt !== null) &&
        c.createdAt.getTime() >= sentAt.getTime(),
    );
    if (answered) continue;
    const ideal = nextWorkingMoment(followUpDueAt(sentAt, ctx.zone), ctx.prefs);
    const scheduled = afterPause(ctx, ideal);
    const candidate = finish(
      ctx,
      'follow_up',
      latest.id,
      latest.id,
      scheduled,
      'working',
      staleAfter('follow_up', scheduled),
    );
    if (candidate !== null) out.push(candidate);
  }
  return out;
}

function conversationNudges(ctx: Context, c: ConversationData & { scheduledAt: Date }): Candidate[] {
  const out: Candidate[] = [];
  const start = c.scheduledAt;
  const end = conversationEnd(start, c.minutesRequested);
  const occurrence = stamp(start);
  // A conversation that falls inside the pause gets none of these.
  if (ctx.paused !== null && ctx.paused.getTime() > start.getTime()) return out;

  // prep
  if (start.getTime() > ctx.now.getTime()) {
    const lateTime = new Date(start.getTime() - PREP_LATE_LEAD_MS);
    const dayBefore = previousWorkingDayStart(start, ctx.prefs);
    let prep =
      c.createdAt.getTime() <= dayBefore.getTime() && dayBefore.getTime() <= lateTime.getTime()
        ? dayBefore
        : lateTime;
    if (isPausedAt(ctx, prep) && ctx.paused !== null) {
      const pushed = nextWorkingMoment(ctx.paused, ctx.prefs);
      prep = pushed.getTime() <= lateTime.getTime() ? pushed : later(lateTime, ctx.paused);
    }
    const candidate = finish(ctx, 'prep', c.id, occurrence, prep, { before: addMs(start, -HOUR_MS) }, start);
    if (candidate !== null) out.push(candidate);
  }

  // wrap_up: whatever the hour, the member is in the meeting.
  const wrap = finish(ctx, 'wrap_up', c.id, occurrence, wrapUpAt(start, c.minutesRequested), 'now', end);
  if (wrap !== null) out.push(wrap);

  // debrief: only while the conversation is not logged as held (this function only sees those).
  const debriefAt = debriefPlacement(new Date(end.getTime() + DEBRIEF_AFTER_MS), ctx.prefs);
  const debrief = finish(
    ctx,
    'debrief',
    c.id,
    occurrence,
    debriefAt,
    'debrief',
    staleAfter('debrief', debriefAt),
  );
  if (debrief !== null) out.push(debrief);
  return out;
}

function keepInTouch(ctx: Context, contact: ContactData): Candidate | null {
  if (contact.lastTouchAt === null || contact.stage === 'archived') return null;
  const mine = ctx.snapshot.conversations.filter((c) => c.contactId === contact.id);
  const loopClosed = mine.some((c) => isHeld(c) && c.loopClosedAt !== null);
  if (!(contact.stage === 'met' || contact.stage === 'thanked' || loopClosed)) return null;
  // Already meeting again: nothing to keep warm.
  if (mine.some((c) => isUpcoming(c) && c.scheduledAt.getTime() > ctx.now.getTime())) return null;
  const due = keepInTouchDueAt(contact.lastTouchAt, ctx.zone, ctx.keepInTouchDays);
  const scheduled = afterPause(ctx, nextWorkingMoment(due, ctx.prefs));
  return finish(
    ctx,
    'keep_in_touch',
    contact.id,
    isoLocalDate(contact.lastTouchAt, ctx.zone),
    scheduled,
    'working',
    staleAfter('keep_in_touch', scheduled),
  );
}

function weeklySummaries(ctx: Context): Candidate[] {
  const out: Candidate[] = [];
  const wh = workingHours(ctx.prefs);
  const minute = wh.days.has(1) ? wh.startMinute : WEEKLY_SUMMARY_FALLBACK_MINUTE;
  const thisMonday = inZone(ctx.now, ctx.zone).startOf('week');
  for (const weeks of [0, 1]) {
    const monday = atLocalMinute(thisMonday.plus({ weeks }), minute, ctx.zone).toJSDate();
    const week = isoWeekKey(monday, ctx.zone);
    const scheduled = afterPause(ctx, monday);
    if (isoWeekKey(scheduled, ctx.zone) !== week) continue;
    const candidate = finish(
      ctx,
      'weekly_summary',
      null,
      week,
      scheduled,
      'working',
      staleAfter('weekly_summary', scheduled),
    );
    if (candidate !== null) out.push(candidate);
  }
  return out;
}

// ---- public API ----------------------------------------------------------------------------------

function contextOf(snapshot: MemberSnapshot, now: Date, opts?: PlanOptions): Context {
  const days = opts?.keepInTouchDays;
  return {
    snapshot,
    prefs: snapshot.prefs,
    zone: resolveZone(snapshot.prefs.tz),
    now,
    paused: snapshot.prefs.pausedUntil,
    keepInTouchDays:
      days !== undefined && Number.isFinite(days) && days > 0 ? days : KEEP_IN_TOUCH_EVERY_DAYS,
  };
}

/** Every nudge the rules warrant now, whatever its due time, kinds turned off excluded. */
function allCandidates(snapshot: MemberSnapshot, now: Date, opts?: PlanOptions): Candidate[] {
  const ctx = contextOf(snapshot, now, opts);
  const out: Candidate[] = [];
  const push = (c: Candidate | null): void => {
    if (c !== null) out.push(c);
  };
  for (const c of snapshot.conversations) {
    if (isHeld(c)) {
      push(thankYou(ctx, c));
      push(closeLoop(ctx, c));
    } else if (isUpcoming(c)) {
      out.push(...conversationNudges(ctx, c));
    }
  }
  for (const contact of snapshot.contacts) {
    push(referral(ctx, contact));
    push(keepInTouch(ctx, contact));
  }
  out.push(...followUps(ctx));
  out.push(...weeklySummaries(ctx));
  const off = new Set<NudgeKind>(snapshot.prefs.kindsOff);
  const seen = new Set<string>();
  return out.filter((c) => {
    if (off.has(c.kind) || seen.has(c.dedupeKey)) return false;
    seen.add(c.dedupeKey);
    return true;
  });
}

function horizonOf(opts?: PlanOptions): number {
  const h = opts?.horizonMs;
  if (h === undefined || Number.isNaN(h)) return DEFAULT_HORIZON_MS;
  return Math.max(0, h);
}

/**
 * The nudges that should exist for this member: due now (overdue ones included, at their catch-up
 * time) or within the horizon. Sorted by due time, then dedupe key. Same input, same output.
 */
export function planNudges(snapshot: MemberSnapshot, now: Date, opts?: PlanOptions): PlannedNudge[] {
  const until = now.getTime() + horizonOf(opts);
  return allCandidates(snapshot, now, opts)
    .filter((c) => c.dueAt.getTime() <= until)
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || (a.dedupeKey < b.dedupeKey ? -1 : 1))
    .map(({ kind, subjectId, occurrence, dedupeKey, dueAt }) => ({
      kind,
      subjectId,
      occurrence,
      dedupeKey,
      dueAt,
    }));
}

/** A nudge claimed this long after its time still goes out then, even just past working hours. */
export const SEND_GRACE_MS = 15 * 60_000;

export type NudgeRecheck = { action: 'send' } | { action: 'defer'; dueAt: Date } | { action: 'cancel' };

/**
 * Just before sending: `cancel` when the reason is gone (or the kind was turned off, the nudge went
 * stale, or — with `occurrence` given — the occurrence changed, e.g. a rescheduled conversation or a
 * newer touch); `defer` with the new due time when the rules now put it later (a pause, changed
 * working hours or time zone); otherwise `send`. Deferring keeps the outbox row, so nothing is lost.
 */
export function recheckNudge(
  kind: NudgeKind,
  subjectId: string | null,
  snapshot: MemberSnapshot,
  now: Date,
  occurrence?: string,
  opts?: PlanOptions,
): NudgeRecheck {
  return createRechecker(snapshot, now, opts)(kind, subjectId, occurrence);
}

export type Rechecker = (kind: NudgeKind, subjectId: string | null, occurrence?: string) => NudgeRecheck;

/**
 * recheckNudge for many nudges of one member at one moment (a sweep): the member's candidates are
 * worked out once, not once per nudge.
 */
export function createRechecker(snapshot: MemberSnapshot, now: Date, opts?: PlanOptions): Rechecker {
  const candidates = allCandidates(snapshot, now, opts);
  return (kind, subjectId, occurrence) => {
    const matches = candidates.filter(
      (c) =>
        c.kind === kind &&
        c.subjectId === subjectId &&
        (occurrence === undefined || c.occurrence === occurrence),
    );
    if (matches.length === 0) return { action: 'cancel' };
    // Due by the rules, caught up into working hours when it is late (never sent at 01:20 because the
    // sweeps were down).
    // A sweep a few minutes late (SEND_GRACE_MS) still sends at the edge of working hours.
    const late = (c: Candidate) =>
      c.scheduledFor.getTime() <= now.getTime() && now.getTime() - c.scheduledFor.getTime() <= SEND_GRACE_MS;
    if (matches.some((c) => c.dueAt.getTime() <= now.getTime() || late(c))) return { action: 'send' };
    const next = matches.reduce((a, b) => (a.dueAt.getTime() <= b.dueAt.getTime() ? a : b));
    return { action: 'defer', dueAt: next.dueAt };
  };
}

/**
 * True when the reason for this nudge still holds and the member is not paused at `now`. Pass the
 * occurrence from the dedupe key to also catch a changed occurrence. It does not look at the due
 * time; use recheckNudge to tell "later" (defer) from "never" (cancel).
 */
export function isStillWarranted(
  kind: NudgeKind,
  subjectId: string | null,
  snapshot: MemberSnapshot,
  now: Date,
  occurrence?: string,
  opts?: PlanOptions,
): boolean {
  const paused = snapshot.prefs.pausedUntil;
  if (paused !== null && paused.getTime() > now.getTime()) return false;
  return recheckNudge(kind, subjectId, snapshot, now, occurrence, opts).action !== 'cancel';
}

// ---- snoozing ------------------------------------------------------------------------------------
//
// Snooze choices fit the nudge: never past a deadline. The thank-you (24 hours), prep (before the
// chat) and wrap-up (before the chat's end) have one; their choices are "in 2 hours" and "this
// evening" (or "later today" when the working day ends early), placed in working hours when that
// still leaves room before the deadline, and "tomorrow" only while it does. A choice that would pass
// the deadline is left out, except the thank-you's "tomorrow", which says the 24 hours will have
// passed (a late thank-you is still welcome). "1 week" is never offered where the moment would be
// gone (thank-you, prep, wrap-up, debrief). Follow-up, close-the-loop, keep-in-touch, referral and
// the weekly summary keep 1 day / 3 days / 1 week.

export const SNOOZE_VALUES = ['2h', 'evening', '1d', '3d', '1w'] as const;
export type SnoozeValue = (typeof SNOOZE_VALUES)[number];

export interface SnoozeOption {
  value: SnoozeValue;
  /** What the member reads, with the time it comes back, e.g. "This evening (18:00)". */
  label: string;
  until: Date;
  /** True when it comes back after the nudge's deadline (said in the label). */
  pastDeadline: boolean;
}

/** How much room a snoozed nudge with a deadline leaves before it. */
const SNOOZE_LEAD_MS: Partial<Record<NudgeKind, number>> = {
  thank_you: THANK_YOU_MIN_LEAD_MS,
  prep: HOUR_MS,
  wrap_up: 0,
};
/** "This evening": this local minute, or half an hour before the working day ends when that is earlier. */
const EVENING_MINUTE = 18 * 60;

/** The moment a nudge is about, after which snoozing it makes no sense (null: no deadline). */
export function nudgeDeadline(
  kind: NudgeKind,
  subjectId: string | null,
  snapshot: MemberSnapshot,
): Date | null {
  const c = subjectId ? snapshot.conversations.find((x) => x.id === subjectId) : undefined;
  if (!c) return null;
  if (kind === 'thank_you' && c.heldAt) return thankYouDeadline(c.heldAt);
  if (kind === 'prep' && c.scheduledAt) return c.scheduledAt;
  if (kind === 'wrap_up' && c.scheduledAt) return conversationEnd(c.scheduledAt, c.minutesRequested);
  return null;
}

function snoozeLabel(value: SnoozeValue, until: Date, now: Date, prefs: MemberPrefs): string {
  const zone = resolveZone(prefs.tz);
  const time = formatLocal(until, zone, 'time');
  const today = isoLocalDate(now, zone);
  const day = isoLocalDate(until, zone);
  const tomorrow = isoLocalDate(addLocalDaysSafe(now, 1, zone), zone);
  if (value === '2h' && until.getTime() - now.getTime() <= 2 * HOUR_MS + 60_000) return 'In 2 hours';
  if (day === today)
    return localParts(until, zone).hour >= 17 ? `This evening (${time})` : `Later today (${time})`;
  if (day === tomorrow) return `Tomorrow (${time})`;
  if (value === '3d') return `3 days (${formatLocal(until, zone, 'weekdayTime')})`;
  if (value === '1w') return `1 week (${formatLocal(until, zone, 'date')})`;
  return formatLocal(until, zone, 'weekdayTime');
}

function addLocalDaysSafe(d: Date, days: number, zone: string): Date {
  return inZone(d, zone).plus({ days }).toJSDate();
}

/** Where a snooze lands: in working hours when that leaves room before `limit`, else the moment asked for. */
function placeSnooze(raw: Date, prefs: MemberPrefs, limit: Date | null): Date | null {
  const working = nextWorkingMoment(raw, prefs);
  if (limit === null || working.getTime() <= limit.getTime()) return working;
  if (raw.getTime() <= limit.getTime() && isAwake(raw, prefs)) return raw;
  return null;
}

function isAwake(d: Date, prefs: MemberPrefs): boolean {
  if (isWorkingMoment(d, prefs)) return true;
  const { minuteOfDay } = localParts(d, resolveZone(prefs.tz));
  return minuteOfDay >= WAKING_START_MINUTE && minuteOfDay < WAKING_END_MINUTE;
}

/** The raw moment a choice names, before working hours. */
function snoozeRaw(value: SnoozeValue, now: Date, prefs: MemberPrefs): Date {
  const zone = resolveZone(prefs.tz);
  switch (value) {
    case '2h':
      return addMs(now, 2 * HOUR_MS);
    case 'evening': {
      const end = workingHours(prefs).endMinute - 30;
      const minute = Math.min(EVENING_MINUTE, Math.max(end, 0));
      return atLocalMinute(inZone(now, zone), minute, zone).toJSDate();
    }
    case '1d':
      return quarterHour(addLocalDaysSafe(now, 1, zone));
    case '3d':
      return quarterHour(addLocalDaysSafe(now, 3, zone));
    case '1w':
      return quarterHour(addLocalDaysSafe(now, 7, zone));
  }
}

/** Days later at the quarter hour, so the time a menu showed is the time a click minutes later gets. */
function quarterHour(d: Date): Date {
  const q = 15 * 60_000;
  return new Date(Math.floor(d.getTime() / q) * q);
}

const SHORT_CHOICES: readonly SnoozeValue[] = ['2h', 'evening', '1d'];
const DAY_CHOICES: readonly SnoozeValue[] = ['1d', '3d', '1w'];

function choicesFor(kind: NudgeKind): readonly SnoozeValue[] {
  switch (kind) {
    case 'thank_you':
    case 'prep':
      return SHORT_CHOICES;
    case 'wrap_up':
      return [];
    case 'debrief':
      return ['2h', '1d', '3d'];
    default:
      return DAY_CHOICES;
  }
}

/**
 * The snooze choices for one nudge at `now`: each with the moment it comes back. Empty when nothing
 * fits (the wrap-up, a prep with the chat about to start): the message then offers no snooze.
 */
export function snoozeOptions(
  kind: NudgeKind,
  deadline: Date | null,
  now: Date,
  prefs: MemberPrefs,
): SnoozeOption[] {
  const lead = SNOOZE_LEAD_MS[kind] ?? 0;
  const passed = deadline !== null && deadline.getTime() <= now.getTime();
  // A thank-you already past its 24 hours has no deadline left to keep: a late one is still welcome.
  if (passed && kind !== 'thank_you') return [];
  const limit = deadline && !passed ? new Date(deadline.getTime() - lead) : null;
  const values: readonly SnoozeValue[] = passed ? ['evening', '1d', '3d'] : choicesFor(kind);
  const out: SnoozeOption[] = [];
  const seen = new Set<number>();
  for (const value of values) {
    const raw = snoozeRaw(value, now, prefs);
    if (raw.getTime() <= now.getTime() + 30 * 60_000) continue; // "this evening" once evening has come
    const placed = placeSnooze(raw, prefs, limit);
    if (placed !== null) {
      if (seen.has(placed.getTime())) continue;
      seen.add(placed.getTime());
      out.push({ value, label: snoozeLabel(value, placed, now, prefs), until: placed, pastDeadline: false });
      continue;
    }
    // Past the deadline: only the thank-you says so and still offers tomorrow (late is better than never).
    if (kind === 'thank_you' && value === '1d' && deadline && now.getTime() < deadline.getTime()) {
      const until = nextWorkingMoment(raw, prefs);
      if (seen.has(until.getTime())) continue;
      seen.add(until.getTime());
      out.push({
        value,
        label: `${snoozeLabel(value, until, now, prefs)}, after the 24 hours`,
        until,
        pastDeadline: true,
      });
    }
  }
  return out;
}
