// `/coach settings`: when nudges come (timezone, working hours and days), which ones, and a pause.
import type { InputBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import { NUDGE_KINDS, type NudgeKind } from '../../coaching/types';
import type { NudgeSettings, SettingsField, SettingsInput } from '../../services/settings';
import { readForm, type StateValues } from './form';
import { context, esc, modal, option, plain, section } from './kit';

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

function input(
  blockId: string,
  label: string,
  element: InputBlock['element'],
  opts: { optional?: boolean; hint?: string } = {},
): InputBlock {
  return {
    type: 'input',
    block_id: blockId,
    label: plain(label, 2000),
    optional: opts.optional ?? false,
    ...(opts.hint ? { hint: plain(opts.hint, 2000) } : {}),
    element,
  };
}

export function buildSettingsModal(s: NudgeSettings): ModalView {
  const slackChoice = option(
    `Use my Slack timezone${s.slackTz ? ` (${zoneLabel(s.slackTz)})` : ''}`,
    SLACK_TZ_VALUE,
  );
  const zones = [...COMMON_ZONES];
  if (s.tzOverride && !zones.includes(s.tzOverride)) zones.unshift(s.tzOverride);
  const tzOptions: PlainTextOption[] = [slackChoice, ...zones.map((z) => option(zoneLabel(z), z))].slice(
    0,
    100,
  );
  const tzInitial = tzOptions.find((o) => o.value === (s.tzOverride ?? SLACK_TZ_VALUE)) ?? slackChoice;

  const dayOptions = DAY_NAMES.map((d, i) => option(d, String(i + 1)));
  const dayInitial = dayOptions.filter((o) => s.workDays.includes(Number(o.value)));
  const kindOptions = NUDGE_KINDS.map((k) => option(KIND_LABELS[k], k));
  const kindInitial = kindOptions.filter((o) => s.kindsOn.includes(o.value as NudgeKind));

  return modal({
    callbackId: SETTINGS_CALLBACK_ID,
    title: 'Nudge settings',
    submit: 'Save',
    blocks: [
      section(
        'I only nudge you inside your working hours (a thank-you can come earlier to beat its 24-hour deadline).',
      ),
      input(B.tz.blockId, 'Timezone', {
        type: 'static_select',
        action_id: B.tz.actionId,
        options: tzOptions,
        initial_option: tzInitial,
      }),
      input(B.start.blockId, 'Working day starts', {
        type: 'timepicker',
        action_id: B.start.actionId,
        initial_time: hhmm(s.workdayStartMinute),
      }),
      input(B.end.blockId, 'Working day ends', {
        type: 'timepicker',
        action_id: B.end.actionId,
        initial_time: hhmm(s.workdayEndMinute),
      }),
      input(B.days.blockId, 'Working days', {
        type: 'checkboxes',
        action_id: B.days.actionId,
        options: dayOptions,
        ...(dayInitial.length > 0 ? { initial_options: dayInitial } : {}),
      }),
      input(
        B.kinds.blockId,
        'Nudges I get',
        {
          type: 'checkboxes',
          action_id: B.kinds.actionId,
          options: kindOptions,
          ...(kindInitial.length > 0 ? { initial_options: kindInitial } : {}),
        },
        { optional: true },
      ),
      input(
        B.pause.blockId,
        'Pause nudges until',
        {
          type: 'datepicker',
          action_id: B.pause.actionId,
          ...(s.pausedUntilDate ? { initial_date: s.pausedUntilDate } : {}),
          placeholder: plain('No pause', 150),
        },
        {
          optional: true,
          hint: 'Away for a while? Nothing arrives before this date. Leave it empty to keep nudges on.',
        },
      ),
    ],
  });
}

const time = (what: string) =>
  z.string({ error: `Please pick ${what}.` }).regex(/^\d{2}:\d{2}$/, `Please pick ${what}.`);

export function readSettingsForm(values: StateValues) {
  const form = readForm(values, {
    tz: { ...B.tz, schema: z.string({ error: 'Please pick a timezone.' }) },
    start: { ...B.start, schema: time('a start time') },
    end: { ...B.end, schema: time('an end time') },
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
    pause: {
      ...B.pause,
      schema: z
        .string()
        .regex(/^\d{4}-\d{2}-\d{2}$/, 'Please pick a date.')
        .optional(),
    },
  });
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
  return modal({
    callbackId: 'nudge_settings_saved',
    title: 'Nudge settings',
    close: 'Close',
    blocks: [
      section(`:white_check_mark: Saved.\n${settingsSummary(s)}`),
      context('Change them any time with `/coach settings`.'),
    ],
  });
}
