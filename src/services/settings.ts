// Nudge settings: timezone, working hours and days, which kinds are on, and a pause (vacation).
import { DateTime } from 'luxon';
import { isoLocalDate, resolveZone } from '../coaching/time';
import { NUDGE_KINDS, type NudgeKind } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { toPrefs } from '../store/mappers';
import { ensureMember, type Member, updateMember } from '../store/members';
import { cancelPendingOfKinds } from '../store/nudges';

export interface NudgeSettings {
  /** The zone Slack reports for the member (null until known). */
  slackTz: string | null;
  /** The member's own choice; null means "use my Slack timezone". */
  tzOverride: string | null;
  /** The zone in use. */
  tz: string;
  workdayStartMinute: number;
  workdayEndMinute: number;
  workDays: number[];
  kindsOn: NudgeKind[];
  /** The local date nudges resume (YYYY-MM-DD), when paused. */
  pausedUntilDate: string | null;
  /** Today in the member's zone (YYYY-MM-DD). */
  today: string;
}

export interface SettingsInput {
  /** An IANA zone, or null for "use my Slack timezone". */
  tzOverride: string | null;
  /** HH:mm. */
  start: string;
  end: string;
  workDays: number[];
  kindsOn: NudgeKind[];
  /** YYYY-MM-DD, or null for no pause. */
  pauseUntil: string | null;
}

export type SettingsField = 'tz' | 'start' | 'end' | 'days' | 'kinds' | 'pause';
export type SaveSettingsResult =
  | { ok: true; settings: NudgeSettings }
  | { ok: false; errors: Partial<Record<SettingsField, string>> };

/** Longest pause accepted: a vacation, not a way to forget the app exists. */
export const MAX_PAUSE_DAYS = 366;

function settingsOf(member: Member, now: Date): NudgeSettings {
  const prefs = toPrefs(member);
  const tz = resolveZone(prefs.tz);
  const paused =
    member.pausedUntil && member.pausedUntil.getTime() > now.getTime() ? member.pausedUntil : null;
  return {
    slackTz: member.slackTz,
    tzOverride: member.tzOverride,
    tz,
    workdayStartMinute: member.workdayStartMinute,
    workdayEndMinute: member.workdayEndMinute,
    workDays: prefs.workDays,
    kindsOn: NUDGE_KINDS.filter((k) => !prefs.kindsOff.includes(k)),
    pausedUntilDate: paused ? isoLocalDate(paused, tz) : null,
    today: isoLocalDate(now, tz),
  };
}

export async function loadNudgeSettings(db: Db, scope: Scope, now: Date): Promise<NudgeSettings> {
  return settingsOf(await ensureMember(db, scope), now);
}

function minuteOf(hhmm: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(hhmm);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  return h < 24 && min < 60 ? h * 60 + min : null;
}

export interface ValidSettings {
  tzOverride: string | null;
  workdayStartMinute: number;
  workdayEndMinute: number;
  workDays: number[];
  kindsOff: NudgeKind[];
  pausedUntil: Date | null;
}

/** Checks a submitted form against the rules (and `now`, in the zone being chosen). Pure. */
export function validateSettings(
  input: SettingsInput,
  slackTz: string | null,
  now: Date,
): { ok: true; value: ValidSettings } | { ok: false; errors: Partial<Record<SettingsField, string>> } {
  const errors: Partial<Record<SettingsField, string>> = {};
  if (input.tzOverride !== null && resolveZone(input.tzOverride) !== input.tzOverride) {
    errors.tz = 'Please pick a timezone from the list.';
  }
  const start = minuteOf(input.start);
  const end = minuteOf(input.end);
  if (start === null) errors.start = 'Please pick a start time.';
  if (end === null) errors.end = 'Please pick an end time.';
  else if (start !== null && end <= start)
    errors.end = 'The end of your working day must be after its start.';
  const days = [...new Set(input.workDays)].filter((d) => Number.isInteger(d) && d >= 1 && d <= 7).sort();
  if (days.length === 0) errors.days = 'Pick at least one working day.';
  const zone = resolveZone(input.tzOverride ?? slackTz);
  let pausedUntil: Date | null = null;
  if (input.pauseUntil) {
    const date = DateTime.fromISO(input.pauseUntil, { zone });
    const today = isoLocalDate(now, zone);
    if (!date.isValid) errors.pause = 'Please pick a date.';
    else if (input.pauseUntil <= today)
      errors.pause = 'Pick a date after today, or leave it empty to keep nudges on.';
    else if (date.diff(DateTime.fromJSDate(now, { zone }), 'days').days > MAX_PAUSE_DAYS)
      errors.pause = 'Pick a date within a year.';
    else pausedUntil = date.startOf('day').toJSDate();
  }
  if (Object.keys(errors).length > 0 || start === null || end === null) return { ok: false, errors };
  const on = new Set(input.kindsOn);
  return {
    ok: true,
    value: {
      tzOverride: input.tzOverride,
      workdayStartMinute: start,
      workdayEndMinute: end,
      workDays: days,
      kindsOff: NUDGE_KINDS.filter((k) => !on.has(k)),
      pausedUntil,
    },
  };
}

export async function saveNudgeSettings(
  db: Db,
  scope: Scope,
  input: SettingsInput,
  now: Date,
): Promise<SaveSettingsResult> {
  const member = await ensureMember(db, scope);
  const checked = validateSettings(input, member.slackTz, now);
  if (!checked.ok) return checked;
  const v = checked.value;
  const updated = await updateMember(db, scope, {
    tzOverride: v.tzOverride,
    workdayStartMinute: v.workdayStartMinute,
    workdayEndMinute: v.workdayEndMinute,
    workDays: v.workDays,
    nudgeKindsOff: v.kindsOff,
    pausedUntil: v.pausedUntil,
  });
  await cancelPendingOfKinds(db, updated, v.kindsOff, 'kind turned off', now);
  return { ok: true, settings: settingsOf(updated, now) };
}
