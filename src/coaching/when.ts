// Dates as the coaching texts show them, always in the member's own timezone.
import { DateTime, IANAZone } from 'luxon';

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** The zone if luxon knows it, else UTC (a stale or mistyped zone must never break a message). */
export function safeZone(tz: string | null | undefined): string {
  const zone = tz?.trim();
  return zone && IANAZone.isValidZone(zone) ? zone : 'UTC';
}

export function inZone(date: Date, tz: string | null | undefined): DateTime {
  return DateTime.fromJSDate(date, { zone: safeZone(tz) });
}

/** "Tue 14:00" when within six days of `now`, else "Tue 3 Mar, 14:00". */
export function formatWhen(date: Date, tz: string | null | undefined, now?: Date): string {
  const local = inZone(date, tz).setLocale('en-GB');
  const near = now !== undefined && Math.abs(date.getTime() - now.getTime()) < 6 * DAY_MS;
  return local.toFormat(near ? 'ccc HH:mm' : 'ccc d LLL, HH:mm');
}

/** "Mar 3". */
export function formatDay(date: Date, tz: string | null | undefined): string {
  return inZone(date, tz).setLocale('en-US').toFormat('LLL d');
}

/** Whole days between two instants (floored, never negative). */
export function daysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / DAY_MS));
}

/** "today", "yesterday", "3 days ago". */
export function daysAgo(from: Date, now: Date): string {
  const days = daysBetween(from, now);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** The member's current week: Monday 00:00 up to the next Monday 00:00, in their zone. */
export function weekBounds(now: Date, tz: string | null | undefined): { start: Date; end: Date } {
  const start = inZone(now, tz).startOf('week');
  return { start: start.toJSDate(), end: start.plus({ weeks: 1 }).toJSDate() };
}

export function addMs(date: Date, ms: number): Date {
  return new Date(date.getTime() + ms);
}
