// Time helpers for the coaching rules and texts: durations, working hours, local calendars and
// formatting, all in the member's own timezone. Pure: every function takes the moment it works from.
//
// Conventions (the nudge rules rely on them):
// - Working hours are half-open: [workdayStartMinute, workdayEndMinute) on the ISO weekdays in
//   workDays. 09:00 is inside a 09:00–17:30 day, 17:30 is not.
// - "Local day N at HH:MM" is the wall clock in the zone, so 09:00 stays 09:00 across a DST switch.
//   When a wall-clock time happens twice (clocks go back) the first one is used; when it does not
//   exist (clocks go forward) the moment right after the gap is used.
// - An unknown or empty zone falls back to UTC. Unusable working hours (start not before end) fall
//   back to 09:00–17:30, and an empty or invalid set of working days to Monday–Friday, so that there is
//   always a next working moment.
import { DateTime, IANAZone } from 'luxon';
import type { MemberPrefs } from './types';

/** The parts of the preferences that describe when the member works. */
export type WorkingPrefs = Pick<MemberPrefs, 'tz' | 'workdayStartMinute' | 'workdayEndMinute' | 'workDays'>;

const DEFAULT_WORKDAY_START_MINUTE = 9 * 60;
const DEFAULT_WORKDAY_END_MINUTE = 17 * 60 + 30;
const DEFAULT_WORK_DAYS: readonly number[] = [1, 2, 3, 4, 5];
const MINUTES_PER_DAY = 24 * 60;
/** Far enough to pass any week of non-working days. */
const MAX_DAYS_SEARCHED = 15;

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}

// Checking a zone with luxon builds an Intl formatter, which is slow enough to show up in a sweep over
// many members; the answer for a given name never changes, so it is remembered (a bounded cache).
const MAX_CACHED_ZONES = 500;
const zoneValidity = new Map<string, boolean>();

function isKnownZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    valid = IANAZone.isValidZone(zone);
    if (zoneValidity.size >= MAX_CACHED_ZONES) zoneValidity.clear();
    zoneValidity.set(zone, valid);
  }
  return valid;
}

/**
 * The zone to use: the given IANA zone (trimmed) when luxon knows it, else UTC, so that a stale or
 * mistyped zone never breaks a message.
 */
export function resolveZone(tz: string | null | undefined): string {
  if (typeof tz !== 'string') return 'UTC';
  const zone = tz.trim();
  return zone !== '' && isKnownZone(zone) ? zone : 'UTC';
}

export interface WorkingHours {
  zone: string;
  startMinute: number;
  endMinute: number;
  days: ReadonlySet<number>;
}

/** Working hours with the fallbacks described at the top of this file applied. */
export function workingHours(prefs: WorkingPrefs): WorkingHours {
  let start = Math.round(prefs.workdayStartMinute);
  let end = Math.round(prefs.workdayEndMinute);
  if (!Number.isFinite(start) || !Number.isFinite(end)) {
    start = DEFAULT_WORKDAY_START_MINUTE;
    end = DEFAULT_WORKDAY_END_MINUTE;
  }
  start = Math.min(Math.max(start, 0), MINUTES_PER_DAY);
  end = Math.min(Math.max(end, 0), MINUTES_PER_DAY);
  if (start >= end) {
    start = DEFAULT_WORKDAY_START_MINUTE;
    end = DEFAULT_WORKDAY_END_MINUTE;
  }
  const days = new Set(prefs.workDays.filter((d) => Number.isInteger(d) && d >= 1 && d <= 7));
  return {
    zone: resolveZone(prefs.tz),
    startMinute: start,
    endMinute: end,
    days: days.size > 0 ? days : new Set(DEFAULT_WORK_DAYS),
  };
}

export interface LocalParts {
  zone: string;
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  /** Minutes after local midnight by the wall clock, with seconds as a fraction. */
  minuteOfDay: number;
  /** Local calendar date, YYYY-MM-DD. */
  isoDate: string;
  /** Offset from UTC in minutes (+330 for Asia/Kolkata). */
  offsetMinutes: number;
}

function toLocal(d: Date, zone: string): DateTime {
  return DateTime.fromMillis(d.getTime(), { zone });
}

function partsOf(dt: DateTime): LocalParts {
  return {
    zone: dt.zoneName ?? 'UTC',
    year: dt.year,
    month: dt.month,
    day: dt.day,
    hour: dt.hour,
    minute: dt.minute,
    second: dt.second,
    weekday: dt.weekday,
    minuteOfDay: dt.hour * 60 + dt.minute + dt.second / 60 + dt.millisecond / MINUTE_MS,
    isoDate: dt.toISODate() ?? '',
    offsetMinutes: dt.offset,
  };
}

/** `d` as a luxon DateTime in `tz` (invalid zone: UTC). */
export function inZone(d: Date, tz: string | null | undefined): DateTime {
  return toLocal(d, resolveZone(tz));
}

/** The wall-clock parts of `d` in `tz` (invalid zone: UTC). */
export function localParts(d: Date, tz: string | null | undefined): LocalParts {
  return partsOf(toLocal(d, resolveZone(tz)));
}

/**
 * The first instant at which the wall clock in `zone` shows `minute` minutes after midnight on the
 * local date of `day`. Ambiguous times take the earlier instant, skipped times the one after the gap.
 */
export function atLocalMinute(day: DateTime, minute: number, zone: string): DateTime {
  const local = day.setZone(zone);
  const hour = Math.floor(minute / 60);
  const min = minute % 60;
  const naive = Date.UTC(local.year, local.month - 1, local.day, hour, min);
  // The offsets in force on that date, and just before it (a gap can swallow midnight itself).
  const dayStart = local.startOf('day');
  const offsets = new Set([
    dayStart.minus({ milliseconds: 1 }).offset,
    dayStart.offset,
    local.endOf('day').offset,
  ]);
  const matches: number[] = [];
  for (const offset of offsets) {
    const instant = naive - offset * MINUTE_MS;
    const back = DateTime.fromMillis(instant, { zone });
    if (
      back.year === local.year &&
      back.month === local.month &&
      back.day === local.day &&
      back.hour === hour &&
      back.minute === min
    ) {
      matches.push(instant);
    }
  }
  if (matches.length > 0) return DateTime.fromMillis(Math.min(...matches), { zone });
  // Inside a DST gap: the first instant whose wall clock on that date reaches `minute` is the end of
  // the gap. Binary search between the two readings of the naive time (a window of the offset change).
  const reaches = (t: number): boolean => {
    const dt = DateTime.fromMillis(t, { zone });
    const date = dt.toISODate() ?? '';
    const target = local.toISODate() ?? '';
    if (date !== target) return date > target;
    return dt.hour * 60 + dt.minute + dt.second / 60 + dt.millisecond / MINUTE_MS >= minute;
  };
  const readings = [...offsets].map((o) => naive - o * MINUTE_MS);
  let lo = Math.min(...readings);
  let hi = Math.max(...readings);
  if (reaches(lo) || !reaches(hi)) {
    // Not a plain gap (minute 1440, or an odd zone): let luxon move it forward.
    return DateTime.fromObject(
      { year: local.year, month: local.month, day: local.day, hour: 0, minute: 0 },
      { zone },
    ).plus({ minutes: minute });
  }
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (reaches(mid)) hi = mid;
    else lo = mid;
  }
  return DateTime.fromMillis(hi, { zone });
}

/**
 * The moment a local date (YYYY-MM-DD) and wall-clock time (HH:mm) name in `tz`. Across a DST switch
 * the rules at the top of this file apply (first of two repeated times, the moment after a skipped
 * one). Null when the date or time is not valid.
 */
export function localDateTimeToUtc(date: string, time: string, tz: string | null | undefined): Date | null {
  const zone = resolveZone(tz);
  const key = `${zone}|${date}|${time}`;
  const known = localMoments.get(key);
  if (known !== undefined) return known === null ? null : new Date(known);
  const moment = computeLocalMoment(date, time, zone);
  remember(localMoments, key, moment ? moment.getTime() : null);
  return moment;
}

// Converting between wall clocks and instants goes through Intl formatters (slow enough to show in a
// burst of logged conversations); the answers never change, so the two conversions every logged
// conversation makes are remembered (bounded caches, emptied when full).
const MAX_CACHED_MOMENTS = 2000;
const localMoments = new Map<string, number | null>();
const localDates = new Map<string, string>();

function remember<T>(cache: Map<string, T>, key: string, value: T): void {
  if (cache.size >= MAX_CACHED_MOMENTS) cache.clear();
  cache.set(key, value);
}

function computeLocalMoment(date: string, time: string, zone: string): Date | null {
  const match = /^(\d{2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return null;
  const day = DateTime.fromISO(date, { zone });
  if (!day.isValid || !/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
  return atLocalMinute(day, hour * 60 + minute, zone).toJSDate();
}

function isWorkingIn(dt: DateTime, wh: WorkingHours): boolean {
  if (!wh.days.has(dt.weekday)) return false;
  const minuteOfDay = dt.hour * 60 + dt.minute + dt.second / 60 + dt.millisecond / MINUTE_MS;
  return minuteOfDay >= wh.startMinute && minuteOfDay < wh.endMinute;
}

/** True when `d` is inside the member's working hours (start inclusive, end exclusive). */
export function isWorkingMoment(d: Date, prefs: WorkingPrefs): boolean {
  const wh = workingHours(prefs);
  return isWorkingIn(toLocal(d, wh.zone), wh);
}

/** The earliest moment at or after `from` inside working hours (`from` itself when it is inside). */
export function nextWorkingMoment(from: Date, prefs: WorkingPrefs): Date {
  const wh = workingHours(prefs);
  const local = toLocal(from, wh.zone);
  if (isWorkingIn(local, wh)) return new Date(from.getTime());
  const firstDay = local.startOf('day');
  for (let i = 0; i < MAX_DAYS_SEARCHED; i++) {
    const day = firstDay.plus({ days: i });
    if (!wh.days.has(day.weekday)) continue;
    const start = atLocalMinute(day, wh.startMinute, wh.zone);
    // A whole working window can fall in a DST gap (e.g. 00:00–00:30 on the night clocks jump): skip that day.
    if (start.toMillis() >= from.getTime() && isWorkingIn(start, wh)) return start.toJSDate();
  }
  // Unreachable with a non-empty set of working days; keep the contract (a moment ≥ from) anyway.
  return new Date(from.getTime());
}

/** Workday start on the last working day strictly before the local date of `d`. */
export function previousWorkingDayStart(d: Date, prefs: WorkingPrefs): Date {
  const wh = workingHours(prefs);
  const today = toLocal(d, wh.zone).startOf('day');
  for (let i = 1; i <= MAX_DAYS_SEARCHED; i++) {
    const day = today.minus({ days: i });
    // On a day whose window fell in a DST gap this is the moment just after the gap: better than a week early.
    if (wh.days.has(day.weekday)) return atLocalMinute(day, wh.startMinute, wh.zone).toJSDate();
  }
  return atLocalMinute(today.minus({ days: 1 }), wh.startMinute, wh.zone).toJSDate();
}

/** Adds whole local calendar days, keeping the wall-clock time (zone-aware, not 24 h multiples). */
export function addLocalDays(d: Date, days: number, tz: string | null | undefined): Date {
  return toLocal(d, resolveZone(tz)).plus({ days }).toJSDate();
}

/** ISO week of `d` in `tz`, e.g. "2026-W48" (week-numbering year, so 2027-01-01 is "2026-W53"). */
export function isoWeekKey(d: Date, tz: string | null | undefined): string {
  const local = toLocal(d, resolveZone(tz));
  return `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`;
}

/** Local calendar date of `d` in `tz`, YYYY-MM-DD (with `now`: the member's today). */
export function isoLocalDate(d: Date, tz: string | null | undefined): string {
  const zone = resolveZone(tz);
  const ms = d.getTime();
  if (!Number.isFinite(ms)) return '';
  // Offsets change on whole minutes (in every zone since 1970), so a minute has one local date.
  const key = `${zone}|${Math.floor(ms / MINUTE_MS)}`;
  let local = localDates.get(key);
  if (local === undefined) {
    local = toLocal(d, zone).toISODate() ?? '';
    remember(localDates, key, local);
  }
  return local;
}

/**
 * The local week `now` is in: Monday 00:00 up to the next Monday 00:00 in `tz`. `offsetWeeks` moves
 * to an earlier (-1: last week) or later week.
 */
export function weekBounds(
  now: Date,
  tz: string | null | undefined,
  offsetWeeks = 0,
): { start: Date; end: Date } {
  const start = inZone(now, tz).startOf('week').plus({ weeks: offsetWeeks });
  return { start: start.toJSDate(), end: start.plus({ weeks: 1 }).toJSDate() };
}

/** "today", "yesterday", "3 days ago": whole 24-hour days from `from` to `now` (never negative). */
export function daysAgo(from: Date, now: Date): string {
  const days = Math.max(0, Math.floor((now.getTime() - from.getTime()) / DAY_MS));
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

export type SnoozeChoice = '1d' | '3d' | '1w';

/**
 * When a snoozed nudge comes back: the same wall-clock time 1 day, 3 days or 1 week later (local
 * calendar days), then moved to the next working moment.
 */
export function snoozeUntil(now: Date, choice: SnoozeChoice, prefs: WorkingPrefs): Date {
  const zone = resolveZone(prefs.tz);
  const days = choice === '1d' ? 1 : choice === '3d' ? 3 : 7;
  return nextWorkingMoment(toLocal(now, zone).plus({ days }).toJSDate(), prefs);
}

/**
 * Local formats for texts:
 * - weekdayTime "Tue 14:00", time "14:00", date "Tue 3 Mar", dateTime "Tue 3 Mar, 14:00",
 *   monthDay "Mar 3", isoDate "2026-03-03".
 */
export type LocalFormatStyle = 'weekdayTime' | 'time' | 'date' | 'dateTime' | 'monthDay' | 'isoDate';

const FORMATS: Record<LocalFormatStyle, string> = {
  weekdayTime: 'ccc HH:mm',
  time: 'HH:mm',
  date: 'ccc d LLL',
  dateTime: 'ccc d LLL, HH:mm',
  monthDay: 'LLL d',
  isoDate: 'yyyy-MM-dd',
};

export function formatLocal(
  d: Date,
  tz: string | null | undefined,
  style: LocalFormatStyle = 'weekdayTime',
): string {
  return toLocal(d, resolveZone(tz)).setLocale('en-US').toFormat(FORMATS[style]);
}

/** "Tue 14:00" when within six days of `now`, else "Tue 3 Mar, 14:00" (also without `now`). */
export function formatWhen(date: Date, tz: string | null | undefined, now?: Date): string {
  const near = now !== undefined && Math.abs(date.getTime() - now.getTime()) < 6 * DAY_MS;
  return formatLocal(date, tz, near ? 'weekdayTime' : 'dateTime');
}
