// A cohort's week: what each student did (asks sent, conversations held, thank-yous on time, people
// suggested to them, their longest chain of introductions), what the cohort did together, who gets a
// shout-out, where the cohort is in the method, and who has gone quiet. Pure: plain data and moments in,
// plain data out.
//
// What each student chose to share decides what anyone sees of them:
// - "named": counted, shown to facilitators, and named in the channel's shout-outs;
// - "counts": counted and shown to facilitators, never named in the channel;
// - "none": only inside the cohort's totals (and the goal and stage, which are totals too).
//
// The records carry ids and moments only: never a contact's name, a note or any other text, so nothing
// computed here can put one in front of the cohort.

import { THANK_YOU_WITHIN_MS } from './cadence';
import { buildChains, chainStats } from './chain';
import { joinAnd, plural } from './text';
import { atLocalMinute, DAY_MS, inZone, isoWeekKey, resolveZone } from './time';
import type { ContactData } from './types';

export type Sharing = 'counts' | 'named' | 'none';

/** One student's data as the cohort figures need it: ids and moments, nothing a person wrote. */
export interface StudentRecords {
  contacts: readonly { id: string; referredById: string | null; createdAt: Date }[];
  /** Asks marked as sent. */
  asks: readonly { contactId: string; sentAt: Date }[];
  conversations: readonly {
    contactId: string;
    heldAt: Date | null;
    thankYouSentAt: Date | null;
    cancelledAt: Date | null;
    createdAt: Date;
  }[];
}

/** A stretch of time, start included, end excluded. */
export interface Window {
  start: Date;
  end: Date;
}

export interface StudentFigures {
  asksSent: number;
  conversationsHeld: number;
  /** Thank-yous sent in the window within 24 hours of their conversation. */
  thankYousOnTime: number;
  /** People added to the list in the window as suggested by someone. */
  referralsGained: number;
  /** People in the student's longest chain of introductions (0 with nobody on the list). */
  longestChain: number;
  /** Their very first conversation was held in the window. */
  firstConversation: boolean;
  /** They have held a conversation by the end of the window. */
  hasConversation: boolean;
  /**
   * They have sent an ask, after their first conversation, to someone nobody suggested (see
   * cohortStage for why this is the closest the data comes to "cold outreach").
   */
  reachingOutCold: boolean;
  /** Their latest activity up to `now` (a contact added, an ask sent, a chat held or logged, a thank-you). */
  lastActivityAt: Date | null;
}

const inWindow = (d: Date | null, w: Window): d is Date =>
  d !== null && d.getTime() >= w.start.getTime() && d.getTime() < w.end.getTime();

const atOrBefore = (d: Date | null, end: Date): d is Date => d !== null && d.getTime() <= end.getTime();

function latest(dates: readonly (Date | null)[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) if (d && (!best || d.getTime() > best.getTime())) best = d;
  return best;
}

/** The chain helpers work on contacts; only the links and the order matter here, so no name is needed. */
function chainContact(c: StudentRecords['contacts'][number]): ContactData {
  return {
    id: c.id,
    name: '',
    role: null,
    company: null,
    industry: null,
    why: null,
    link: null,
    stage: 'target',
    stageAt: c.createdAt,
    referredById: c.referredById,
    lastTouchAt: null,
    createdAt: c.createdAt,
  };
}

/** What one student did in `window`, with what they have done by its end, and when they last did anything. */
export function studentFigures(records: StudentRecords, window: Window, now: Date): StudentFigures {
  const held = records.conversations.filter(
    (c): c is typeof c & { heldAt: Date } => c.heldAt !== null && !c.cancelledAt,
  );
  const heldByEnd = held.filter((c) => c.heldAt.getTime() < window.end.getTime());
  const first = heldByEnd.reduce<Date | null>(
    (min, c) => (min === null || c.heldAt.getTime() < min.getTime() ? c.heldAt : min),
    null,
  );
  const referred = new Set(records.contacts.filter((c) => c.referredById).map((c) => c.id));
  const reachingOutCold =
    first !== null &&
    records.asks.some(
      (a) =>
        !referred.has(a.contactId) &&
        a.sentAt.getTime() > first.getTime() &&
        a.sentAt.getTime() < window.end.getTime(),
    );
  const contactsByEnd = records.contacts.filter((c) => c.createdAt.getTime() < window.end.getTime());
  return {
    asksSent: records.asks.filter((a) => inWindow(a.sentAt, window)).length,
    conversationsHeld: held.filter((c) => inWindow(c.heldAt, window)).length,
    thankYousOnTime: held.filter(
      (c) =>
        inWindow(c.thankYouSentAt, window) &&
        c.thankYouSentAt.getTime() - c.heldAt.getTime() <= THANK_YOU_WITHIN_MS,
    ).length,
    referralsGained: records.contacts.filter((c) => c.referredById && inWindow(c.createdAt, window)).length,
    longestChain:
      contactsByEnd.length === 0 ? 0 : chainStats(buildChains(contactsByEnd.map(chainContact))).longest,
    firstConversation: inWindow(first, window),
    hasConversation: first !== null,
    reachingOutCold,
    lastActivityAt: latest(
      [
        ...records.contacts.map((c) => c.createdAt),
        ...records.asks.map((a) => a.sentAt),
        ...records.conversations.flatMap((c) => [
          c.cancelledAt ? null : c.heldAt,
          c.createdAt,
          c.thankYouSentAt,
        ]),
      ].filter((d): d is Date => atOrBefore(d, now)),
    ),
  };
}

/** A current student of the cohort, with what they chose to share and their figures. */
export interface CohortStudent {
  memberId: string;
  slackUserId: string;
  sharing: Sharing;
  joinedAt: Date;
  figures: StudentFigures;
}

export interface CohortTotals {
  students: number;
  /** Students who did at least one of the counted things in the window. */
  activeStudents: number;
  asksSent: number;
  conversationsHeld: number;
  thankYousOnTime: number;
  referralsGained: number;
  /** The longest chain of introductions of anyone in the cohort (people in it). */
  longestChain: number;
}

export interface GoalProgress {
  /** Conversations each student aims for in a week. */
  weeklyGoal: number;
  /** Students who held that many conversations in the window. */
  met: number;
  of: number;
}

export type ShoutOutReason = 'first_conversation' | 'goal_met' | 'thank_you_on_time' | 'new_referral';

export interface ShoutOut {
  slackUserId: string;
  reasons: ShoutOutReason[];
}

export type CohortStageKey = 'first_conversations' | 'ready_for_cold' | 'cold_outreach';

export interface CohortStage {
  key: CohortStageKey;
  label: string;
  /** Where the cohort is, in a sentence or two, addressed to the cohort. */
  summary: string;
  /** The one step the method suggests next. */
  next: string;
  /** What the stage was read from (for facilitators). */
  basis: string;
}

export interface CohortDigest {
  totals: CohortTotals;
  goal: GoalProgress;
  /** Only students who chose to be named, in the order they joined. */
  shoutOuts: ShoutOut[];
  stage: CohortStage;
}

export function activeInWindow(f: StudentFigures): boolean {
  return f.asksSent + f.conversationsHeld + f.thankYousOnTime + f.referralsGained > 0;
}

export function metGoal(f: StudentFigures, weeklyGoal: number): boolean {
  return weeklyGoal > 0 && f.conversationsHeld >= weeklyGoal;
}

export function cohortTotals(students: readonly CohortStudent[]): CohortTotals {
  const sum = (pick: (f: StudentFigures) => number) => students.reduce((n, s) => n + pick(s.figures), 0);
  return {
    students: students.length,
    activeStudents: students.filter((s) => activeInWindow(s.figures)).length,
    asksSent: sum((f) => f.asksSent),
    conversationsHeld: sum((f) => f.conversationsHeld),
    thankYousOnTime: sum((f) => f.thankYousOnTime),
    referralsGained: sum((f) => f.referralsGained),
    longestChain: students.reduce((n, s) => Math.max(n, s.figures.longestChain), 0),
  };
}

/** Why a student is cheered in the channel this week (empty when there is nothing to cheer). */
export function shoutOutReasons(f: StudentFigures, weeklyGoal: number): ShoutOutReason[] {
  const reasons: ShoutOutReason[] = [];
  if (f.firstConversation) reasons.push('first_conversation');
  else if (metGoal(f, weeklyGoal)) reasons.push('goal_met');
  if (f.thankYousOnTime > 0) reasons.push('thank_you_on_time');
  if (f.referralsGained > 0) reasons.push('new_referral');
  return reasons;
}

const STAGES: Record<CohortStageKey, Omit<CohortStage, 'basis'>> = {
  first_conversations: {
    key: 'first_conversations',
    label: 'First conversations',
    summary:
      "Most of you are still on first conversations: mentors and warm contacts, people who know you or were introduced to you. That's exactly where to start.",
    next: 'One warm ask this week: a mentor, a former colleague, or someone a classmate can introduce you to.',
  },
  ready_for_cold: {
    key: 'ready_for_cold',
    label: 'Ready to reach out cold',
    summary:
      "Most of you have had a first conversation. The next stage is reaching people in your target role who don't know you yet.",
    next: 'Pick one person a step or two ahead on your path and send them a short, specific ask.',
  },
  cold_outreach: {
    key: 'cold_outreach',
    label: 'Reaching out cold',
    summary:
      'Many of you are reaching out cold to people in your target role. Keep each ask short and specific, and thank people within 24 hours.',
    next: 'End every chat with "Is there anyone else you\'d suggest I speak with?": each name is a warm lead.',
  },
};

/**
 * The method's stage the cohort is in: first conversations with mentors and warm contacts, then cold
 * outreach to people in the target role.
 *
 * The data cannot tell a warm contact from a cold one: a person on the list is either suggested by
 * someone (referredById, so warm) or not, and "not" may be a mentor the student already knew as much as
 * a stranger. So the stage is read from what it can tell:
 * - a student has started once they have held a conversation (first conversations come from warm
 *   contacts in the method);
 * - a student is reaching out cold once, after that first conversation, they send an ask to someone
 *   nobody suggested.
 * Fewer than half started: first conversations. At least half started and at least half reaching out
 * cold: cold outreach. In between: ready for cold outreach.
 */
export function cohortStage(students: readonly CohortStudent[]): CohortStage {
  const n = students.length;
  const started = students.filter((s) => s.figures.hasConversation).length;
  const cold = students.filter((s) => s.figures.reachingOutCold).length;
  const key: CohortStageKey =
    n === 0 || started * 2 < n ? 'first_conversations' : cold * 2 >= n ? 'cold_outreach' : 'ready_for_cold';
  const basis =
    n === 0
      ? 'No students in the cohort yet.'
      : `${started} of ${plural(n, 'student has', 'students have')} held a conversation; ` +
        `${cold} reached out after it to someone nobody suggested (the closest the data comes to cold outreach).`;
  return { ...STAGES[key], basis };
}

/** The cohort's figures for the window; shout-outs only for students who chose to be named. */
/**
 * Beside each sharing student's own figures, a facilitator may see the cohort's totals only when the
 * students who keep their progress private are none, or enough that no one of them can be worked out by
 * subtracting the shown figures from the totals. Fewer than this, and the totals shown are the sharers'.
 */
export const PRIVATE_GROUP_MIN = 3;

/** Whose figures a facilitator's totals may cover, next to the per-student list. */
export function facilitatorTotalsCover(students: readonly CohortStudent[]): 'everyone' | 'sharers' {
  const privateCount = students.filter((s) => s.sharing === 'none').length;
  return privateCount === 0 || privateCount >= PRIVATE_GROUP_MIN ? 'everyone' : 'sharers';
}

export function cohortDigest(students: readonly CohortStudent[], weeklyGoal: number): CohortDigest {
  const goal = Math.max(0, Math.floor(weeklyGoal));
  const shoutOuts: ShoutOut[] = [];
  for (const s of students) {
    if (s.sharing !== 'named') continue;
    const reasons = shoutOutReasons(s.figures, goal);
    if (reasons.length > 0) shoutOuts.push({ slackUserId: s.slackUserId, reasons });
  }
  return {
    totals: cohortTotals(students),
    goal: {
      weeklyGoal: goal,
      met: students.filter((s) => metGoal(s.figures, goal)).length,
      of: students.length,
    },
    shoutOuts,
    stage: cohortStage(students),
  };
}

// ---------------------------------------------------------------------------------------------
// Gone quiet.

/** A student with no activity for this long (and in the cohort at least that long) has stalled. */
export const STALLED_AFTER_MS = 14 * DAY_MS;

export interface StalledStudent {
  memberId: string;
  slackUserId: string;
  /** Their last activity, or when they joined when that is later (or they have done nothing yet). */
  quietSince: Date;
  /** Whole days since then. */
  daysQuiet: number;
  /** Nothing at all yet since joining. */
  neverActive: boolean;
}

/** When the student went quiet: their last activity, or their joining when that is later. */
export function quietSince(s: Pick<CohortStudent, 'joinedAt' | 'figures'>): Date {
  const last = s.figures.lastActivityAt;
  return last && last.getTime() > s.joinedAt.getTime() ? last : s.joinedAt;
}

export function isStalled(s: Pick<CohortStudent, 'sharing' | 'joinedAt' | 'figures'>, now: Date): boolean {
  return s.sharing !== 'none' && now.getTime() - quietSince(s).getTime() >= STALLED_AFTER_MS;
}

/**
 * Students with no activity for 14 days, among those who share with facilitators ("counts" or
 * "named"), the longest quiet first. Someone who joined less than 14 days ago is not stalled yet.
 */
export function stalledStudents(students: readonly CohortStudent[], now: Date): StalledStudent[] {
  return students
    .filter((s) => isStalled(s, now))
    .map((s) => {
      const since = quietSince(s);
      return {
        memberId: s.memberId,
        slackUserId: s.slackUserId,
        quietSince: since,
        daysQuiet: Math.floor((now.getTime() - since.getTime()) / DAY_MS),
        neverActive: s.figures.lastActivityAt === null || s.figures.lastActivityAt < s.joinedAt,
      };
    })
    .sort((a, b) => a.quietSince.getTime() - b.quietSince.getTime() || a.memberId.localeCompare(b.memberId));
}

// ---------------------------------------------------------------------------------------------
// When the digest goes out.

export interface DigestSchedule {
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  digestWeekday: number;
  digestHour: number;
  digestMinute: number;
  tz: string;
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

function clampInt(value: number, min: number, max: number, fallback: number): number {
  return Number.isInteger(value) && value >= min && value <= max ? value : fallback;
}

/** The schedule with out-of-range parts replaced (Monday, 09:00, UTC), so there is always a moment. */
export function normalSchedule(s: DigestSchedule): DigestSchedule {
  return {
    digestWeekday: clampInt(s.digestWeekday, 1, 7, 1),
    digestHour: clampInt(s.digestHour, 0, 23, 9),
    digestMinute: clampInt(s.digestMinute, 0, 59, 0),
    tz: resolveZone(s.tz),
  };
}

/**
 * The digest's moment in the local ISO week of `now` (moved by `offsetWeeks`): the weekday and wall
 * clock time in the cohort's zone (across a DST switch, see atLocalMinute).
 */
export function digestMoment(schedule: DigestSchedule, now: Date, offsetWeeks = 0): Date {
  const s = normalSchedule(schedule);
  const day = inZone(now, s.tz)
    .startOf('week')
    .plus({ weeks: offsetWeeks, days: s.digestWeekday - 1 });
  return atLocalMinute(day, s.digestHour * 60 + s.digestMinute, s.tz).toJSDate();
}

export interface DueDigest {
  /** The ISO week of the cohort's zone, e.g. "2026-W11": one digest per cohort and week. */
  week: string;
  /** This week's digest moment. */
  moment: Date;
  /** What the digest covers: the week up to its moment, from last week's. */
  window: Window;
}

/**
 * This week's digest once its moment has come (later in the same week too: a scheduler that was down
 * posts it when it is back); null before it. A week whose moment has passed is never due again once
 * the next week begins.
 */
export function dueDigest(schedule: DigestSchedule, now: Date): DueDigest | null {
  const moment = digestMoment(schedule, now);
  if (now.getTime() < moment.getTime()) return null;
  return {
    week: isoWeekKey(moment, normalSchedule(schedule).tz),
    moment,
    window: { start: digestMoment(schedule, now, -1), end: moment },
  };
}

export interface DigestSoFar {
  /** Since the last digest moment, up to now: what the next digest holds so far. */
  window: Window;
  /** The moment the next digest goes out. */
  nextAt: Date;
  /** The ISO week it goes out in. */
  week: string;
}

/** What the next digest covers so far, and when it goes out. */
export function digestSoFar(schedule: DigestSchedule, now: Date): DigestSoFar {
  const thisWeek = digestMoment(schedule, now);
  const passed = now.getTime() >= thisWeek.getTime();
  const last = passed ? thisWeek : digestMoment(schedule, now, -1);
  const nextAt = passed ? digestMoment(schedule, now, 1) : thisWeek;
  return { window: { start: last, end: now }, nextAt, week: isoWeekKey(nextAt, normalSchedule(schedule).tz) };
}

/** "Mondays at 09:00 (Europe/Berlin)". */
export function scheduleLabel(schedule: DigestSchedule): string {
  const s = normalSchedule(schedule);
  const time = `${String(s.digestHour).padStart(2, '0')}:${String(s.digestMinute).padStart(2, '0')}`;
  return `${WEEKDAYS[s.digestWeekday - 1]}s at ${time} (${s.tz})`;
}

// ---------------------------------------------------------------------------------------------
// Words for the figures (the views lay them out).

/** "3 conversations · 5 asks sent · 2 thank-yous within 24 hours · 1 new introduction". */
export function figureParts(f: {
  conversationsHeld: number;
  asksSent: number;
  thankYousOnTime: number;
  referralsGained: number;
}): string[] {
  return [
    plural(f.conversationsHeld, 'conversation', 'conversations'),
    plural(f.asksSent, 'ask sent', 'asks sent'),
    plural(f.thankYousOnTime, 'thank-you within 24 hours', 'thank-yous within 24 hours'),
    plural(f.referralsGained, 'new introduction', 'new introductions'),
  ];
}

// Each reads after the student's mention: "@Alice had a first conversation and sent a thank-you…".
const REASON_WORDS: Record<ShoutOutReason, string> = {
  first_conversation: 'had a first conversation',
  goal_met: 'met the weekly goal',
  thank_you_on_time: 'sent a thank-you within 24 hours',
  new_referral: 'got a new introduction',
};

/** "had a first conversation, sent a thank-you within 24 hours and got a new introduction". */
export function reasonWords(reasons: readonly ShoutOutReason[]): string {
  return joinAnd(reasons.map((r) => REASON_WORDS[r]));
}

/** "2 of 9 students met the weekly goal of 1 conversation". */
export function goalLine(goal: GoalProgress): string | null {
  if (goal.weeklyGoal <= 0 || goal.of === 0) return null;
  return `${goal.met} of ${plural(goal.of, 'student', 'students')} met the weekly goal of ${plural(goal.weeklyGoal, 'conversation', 'conversations')}`;
}
