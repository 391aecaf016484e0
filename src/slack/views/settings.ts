// `/coach settings`: when nudges come (timezone, working hours and days), which ones, and a pause.
import type { ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import { NUDGE_KINDS, type NudgeKind } from '../../coaching/types';
import type { NudgeSettings, SettingsField, SettingsInput } from '../../services/settings';
import { pickedDate, pickedTime, readForm, type StateValues } from './form';
import {
  checkboxesInput,
  context,
  datepickerInput,
  esc,
  modal,
  noticeModal,
  option,
  section,
  selectInput,
  timepickerInput,
} from './kit';

export const SETTINGS_CALLBACK_ID = 'nudge_settings';

export const SETTINGS_BLOCKS = {
  tz: { blockId: 'settings_tz', actionId: 'value' },
  start: { blockId: 'settings_start', actionId: 'value' },
  end: { blockId: 'settings_end', actionId: 'value' },
  days: { blockId: 'settings_days', actionId: 'value' },
  kinds: { blockId: 'settings_kinds', actionId: 'value' },
  pause: { blockId: 'settings_pause', actionId: 'value' },
} as const;

const B = SETTINGS_BLOCKS;

/** The "use my Slack timezone" choice. */
export const SLACK_TZ_VALUE = 'slack';

export const COMMON_ZONES: readonly string[] = [
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Vancouver',
  'America/Denver',
  'America/Phoenix',
  'America/Chicago',
  'America/Mexico_City',
  'America/New_York',
  'America/Toronto',
  'America/Bogota',
  'America/Halifax',
  'America/Sao_Paulo',
  'America/Argentina/Buenos_Aires',
  'UTC',
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Amsterdam',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Europe/Athens',
  'Europe/Istanbul',
  'Africa/Lagos',
  'Africa/Cairo',
  'Africa/Johannesburg',
  'Africa/Nairobi',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Singapore',
  'Asia/Manila',
  'Asia/Shanghai',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Australia/Perth',
  'Australia/Brisbane',
  'Australia/Sydney',
  'Pacific/Auckland',
];

export const KIND_LABELS: Readonly<Record<NudgeKind, string>> = {
  thank_you: 'Thank-you reminders',
  referral: 'Reach out to people you were referred to',
  follow_up: 'One follow-up when an ask gets no reply',
  prep: 'Prep before a conversation',
  wrap_up: 'Wrap-up reminder during a conversation',
  debrief: 'Log it after a conversation',
  close_loop: 'Tell them how their advice played out',
  keep_in_touch: 'Keep in touch every few months',
  weekly_summary: 'Weekly summary on Mondays',
};

const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function zoneLabel(zone: string): string {
  return zone.replace(/_/g, ' ');
}

function hhmm(minute: number): string {
  const m = Math.max(0, Math.min(24 * 60 - 1, Math.round(minute)));
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}

export function buildSettingsModal(s: NudgeSettings): ModalView {
  const slackChoice = option(
    `Use my Slack timezone${s.slackTz ? ` (${zoneLabel(s.slackTz)})` : ''}`,
    SLACK_TZ_VALUE,
  );
  const zones = [...COMMON_ZONES];
  if (s.tzOverride && !zones.includes(s.tzOverride)) zones.unshift(s.tzOverride);
  const tzOptions: PlainTextOption[] = [slackChoice, ...zones.map((z) => option(zoneLabel(z), z))];

  const dayOptions = DAY_NAMES.map((d, i) => option(d, String(i + 1)));
  const kindOptions = NUDGE_KINDS.map((k) => option(KIND_LABELS[k], k));

  return modal({
    callbackId: SETTINGS_CALLBACK_ID,
    title: 'Nudge settings',
    submit: 'Save',
    blocks: [
      section(
        'I only nudge you inside your working hours (a thank-you can come earlier to beat its 24-hour deadline).',
      ),
      selectInput(B.tz.blockId, B.tz.actionId, 'Timezone', tzOptions, {
        initial: s.tzOverride ?? SLACK_TZ_VALUE,
      }),
      timepickerInput(B.start.blockId, B.start.actionId, 'Working day starts', {
        initial: hhmm(s.workdayStartMinute),
      }),
      timepickerInput(B.end.blockId, B.end.actionId, 'Working day ends', {
        initial: hhmm(s.workdayEndMinute),
      }),
      checkboxesInput(B.days.blockId, B.days.actionId, 'Working days', dayOptions, {
        initial: s.workDays.map(String),
      }),
      checkboxesInput(B.kinds.blockId, B.kinds.actionId, 'Nudges I get', kindOptions, {
        initial: s.kindsOn,
        optional: true,
      }),
      datepickerInput(B.pause.blockId, B.pause.actionId, 'Pause nudges until', {
        initial: s.pausedUntilDate,
        placeholder: 'No pause',
        optional: true,
        hint: 'Away for a while? Nothing arrives before this date. Leave it empty to keep nudges on.',
      }),
    ],
  });
}

export function readSettingsForm(values: StateValues) {
  const form = readForm(
    values,
    {
      tz: { ...B.tz, schema: z.string({ error: 'Please pick a timezone.' }) },
      start: { ...B.start, schema: pickedTime('Please pick a start time.') },
      end: { ...B.end, schema: pickedTime('Please pick an end time.') },
      days: {
        ...B.days,
        schema: z
          .array(z.string(), { error: 'Pick at least one working day.' })
          .min(1, 'Pick at least one working day.')
          .transform((v) => v.map(Number)),
      },
      kinds: {
        ...B.kinds,
        schema: z
          .array(z.enum(NUDGE_KINDS))
          .optional()
          .transform((v) => v ?? []),
      },
      pause: { ...B.pause, schema: pickedDate('Please pick a date.').optional() },
    },
    (d) => ({
      // Said with the other problems at once (the settings service checks it again, with the pause date).
      end:
        d.start && d.end && d.end <= d.start ? 'The end of your working day must be after its start.' : null,
    }),
  );
  if (!form.ok) return form;
  const d = form.data;
  const value: SettingsInput = {
    tzOverride: d.tz === SLACK_TZ_VALUE ? null : d.tz,
    start: d.start,
    end: d.end,
    workDays: d.days,
    kindsOn: d.kinds,
    pauseUntil: d.pause ?? null,
  };
  return { ok: true as const, data: value };
}

/** Errors from the settings service, on the block they belong to. */
export function settingsErrors(errors: Partial<Record<SettingsField, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, message] of Object.entries(errors) as [SettingsField, string][]) {
    out[B[field].blockId] = message;
  }
  return out;
}

function dayList(days: number[]): string {
  const short = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
  const sorted = [...days].sort();
  const contiguous = sorted.length > 2 && sorted.every((d, i) => i === 0 || d === sorted[i - 1]! + 1);
  if (contiguous) return `${short[sorted[0]! - 1]}–${short[sorted.at(-1)! - 1]}`;
  return sorted.map((d) => short[d - 1]).join(', ');
}

/** One paragraph saying what the settings mean. */
export function settingsSummary(s: NudgeSettings): string {
  const lines = [
    `Nudges come ${dayList(s.workDays)}, ${hhmm(s.workdayStartMinute)}–${hhmm(s.workdayEndMinute)} (${esc(zoneLabel(s.tz))}).`,
  ];
  const off = NUDGE_KINDS.filter((k) => !s.kindsOn.includes(k));
  if (off.length === NUDGE_KINDS.length) lines.push('All nudges are off.');
  else if (off.length > 0) lines.push(`Off: ${off.map((k) => KIND_LABELS[k].toLowerCase()).join('; ')}.`);
  if (s.pausedUntilDate) lines.push(`Paused until ${s.pausedUntilDate}.`);
  return lines.join('\n');
}

/** Shown in place of the form after saving. */
export function buildSettingsSavedView(s: NudgeSettings): ModalView {
  return noticeModal(
    'Nudge settings',
    [
      section(`:white_check_mark: Saved.\n${settingsSummary(s)}`),
      context('Change them any time with `/coach settings`.'),
    ],
    { callbackId: 'nudge_settings_saved' },
  );
}
