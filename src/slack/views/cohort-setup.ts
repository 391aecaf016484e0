// `/coach cohort setup`: the modal that sets a channel's cohort up (or changes it), its reader, the
// answers when someone may not, and the note the channel gets once the cohort is set up.
import type { KnownBlock, ModalView, PlainTextOption } from '@slack/types';
import { z } from 'zod';
import { joinAnd, plural } from '../../coaching/text';
import type { CohortSettings, CohortSetupForm, SavedCohort, SetupRefusal } from '../../services/cohorts';
import type { Message } from '../surfaces';
import { COHORT_SHARING_ACTIONS } from './cohort-sharing';
import { pickedTime, readForm, type StateValues, wholeNumber } from './form';
import type { EphemeralMessage } from './help';
import {
  actions,
  button,
  context,
  esc,
  input,
  messageText,
  modal,
  noticeModal,
  option,
  section,
  selectInput,
  textInput,
  timepickerInput,
} from './kit';
import { COMMON_ZONES } from './settings';

export const COHORT_SETUP_CALLBACK_ID = 'cohort_setup';

export const COHORT_SETUP_BLOCKS = {
  name: { blockId: 'cohort_name', actionId: 'value' },
  goal: { blockId: 'cohort_goal', actionId: 'value' },
  day: { blockId: 'cohort_digest_day', actionId: 'value' },
  time: { blockId: 'cohort_digest_time', actionId: 'value' },
  tz: { blockId: 'cohort_tz', actionId: 'value' },
  facilitators: { blockId: 'cohort_facilitators', actionId: 'value' },
  welcome: { blockId: 'cohort_welcome', actionId: 'value' },
  channel: { blockId: 'cohort_channel', actionId: 'value' },
} as const;

const B = COHORT_SETUP_BLOCKS;

/** How the app is added to a channel, in every message that needs it. */
const INVITE_COMMAND = '/invite @Networking Coach';

const NAME_MAX = 80;

/** Conversations a week each student of a cohort aims for. */
const WEEKLY_GOAL_RANGE = { min: 1, max: 7 } as const;
const MAX_FACILITATORS = 10;

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

function zoneLabel(zone: string): string {
  return zone.replace(/_/g, ' ');
}

function hhmm(hour: number, minute: number): string {
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function weekdayName(day: number): string {
  return WEEKDAYS[day - 1] ?? 'Monday';
}

/** "Mondays at 09:00 (America/New York)". */
function digestWhen(s: Pick<CohortSettings, 'digestWeekday' | 'digestHour' | 'digestMinute' | 'tz'>) {
  return `${weekdayName(s.digestWeekday)}s at ${hhmm(s.digestHour, s.digestMinute)} (${zoneLabel(s.tz)})`;
}

function goalText(weeklyGoal: number): string {
  return `${plural(weeklyGoal, 'conversation', 'conversations')} a week`;
}

function mentions(userIds: readonly string[]): string {
  return joinAnd(userIds.map((id) => `<@${id}>`));
}

export interface CohortSetupModalInput extends CohortSetupForm {
  /** False when the app is not in the channel the command was typed in. */
  appInChannel: boolean;
}

export function buildCohortSetupModal(form: CohortSetupModalInput): ModalView {
  const s = form.settings;
  const zones = [...COMMON_ZONES];
  if (!zones.includes(s.tz)) zones.unshift(s.tz);
  const blocks: KnownBlock[] = [
    section(
      form.existing
        ? `Change how *${esc(s.name)}* runs in <#${form.channelId}>.`
        : 'A cohort turns a channel into a group practising informational interviews together: a weekly digest of how everyone is doing, and a welcome for people who join. Notes stay private: facilitators see counts, never what anyone wrote.',
    ),
  ];
  if (!form.appInChannel) {
    blocks.push(
      section(
        `:warning: I'm not in this channel yet. Type \`${INVITE_COMMAND}\` in it first, so I can see who is there and post the digest.`,
      ),
    );
  }
  blocks.push(
    textInput(B.name.blockId, B.name.actionId, 'Cohort name', {
      initial: s.name,
      maxLength: NAME_MAX,
      placeholder: 'e.g. Spring 2026 UX cohort',
    }),
    textInput(B.goal.blockId, B.goal.actionId, 'Weekly conversations per student', {
      initial: String(s.weeklyGoal),
      maxLength: 1,
      hint: `${WEEKLY_GOAL_RANGE.min} to ${WEEKLY_GOAL_RANGE.max}. One or two a week is a pace students can keep.`,
    }),
    selectInput(
      B.day.blockId,
      B.day.actionId,
      'Digest day',
      WEEKDAYS.map((day, i) => option(day, String(i + 1))),
      { initial: String(s.digestWeekday) },
    ),
    timepickerInput(B.time.blockId, B.time.actionId, 'Digest time', {
      initial: hhmm(s.digestHour, s.digestMinute),
      hint: 'When the weekly digest goes to the channel.',
    }),
    selectInput(
      B.tz.blockId,
      B.tz.actionId,
      'Timezone',
      zones.map((z) => option(zoneLabel(z), z)),
      { initial: s.tz },
    ),
    input(
      B.facilitators.blockId,
      'Facilitators',
      {
        type: 'multi_users_select',
        action_id: B.facilitators.actionId,
        initial_users: form.facilitatorIds.slice(0, MAX_FACILITATORS),
        max_selected_items: MAX_FACILITATORS,
        placeholder: { type: 'plain_text', text: 'Who runs the cohort' },
      },
      { hint: 'They see the cohort’s progress and can change these settings.' },
    ),
    input(B.welcome.blockId, 'Welcome new members', welcomeChoice(s.welcomeJoiners), {
      hint: 'People already in the channel see the note I post there instead.',
    }),
    input(
      B.channel.blockId,
      'Channel',
      {
        type: 'conversations_select',
        action_id: B.channel.actionId,
        initial_conversation: form.channelId,
        default_to_current_conversation: true,
        filter: { include: ['public', 'private'], exclude_bot_users: true },
      },
      { hint: `Everyone in it joins the cohort. I need to be in it too: type ${INVITE_COMMAND} there.` },
    ),
  );
  return modal({
    callbackId: COHORT_SETUP_CALLBACK_ID,
    title: form.existing ? 'Cohort settings' : 'Set up a cohort',
    submit: 'Save',
    blocks,
  });
}

const WELCOME_OPTIONS: PlainTextOption[] = [
  option('Yes: a short welcome DM for each person who joins', 'yes'),
  option('No', 'no'),
];

function welcomeChoice(on: boolean) {
  const initial = WELCOME_OPTIONS[on ? 0 : 1];
  return {
    type: 'radio_buttons' as const,
    action_id: B.welcome.actionId,
    options: WELCOME_OPTIONS,
    ...(initial ? { initial_option: initial } : {}),
  };
}

const USER_ID = /^[UW][A-Z0-9]{2,30}$/;
const CHANNEL_ID = /^[CG][A-Z0-9]{2,30}$/;

/** A multi_users_select's choice (form.ts reads single values; this one is a list of user ids). */
function selectedUsers(values: StateValues, blockId: string, actionId: string): string[] | undefined {
  const state = values?.[blockId]?.[actionId] as { selected_users?: unknown } | undefined;
  const parsed = z.array(z.string().regex(USER_ID)).safeParse(state?.selected_users);
  return parsed.success ? [...new Set(parsed.data)] : undefined;
}

export interface CohortSetupData {
  channelId: string;
  settings: CohortSettings;
  facilitatorIds: string[];
}

export function readCohortSetupForm(
  values: StateValues,
): { ok: true; data: CohortSetupData } | { ok: false; errors: Record<string, string> } {
  const form = readForm(values, {
    name: {
      ...B.name,
      schema: z
        .string({ error: 'Give the cohort a name, e.g. Spring 2026 UX cohort.' })
        .max(NAME_MAX, `Please keep the name under ${NAME_MAX} characters.`),
    },
    goal: {
      ...B.goal,
      schema: wholeNumber(
        WEEKLY_GOAL_RANGE.min,
        WEEKLY_GOAL_RANGE.max,
        `Pick ${WEEKLY_GOAL_RANGE.min} to ${WEEKLY_GOAL_RANGE.max} conversations a week.`,
      ),
    },
    day: {
      ...B.day,
      schema: z
        .string({ error: 'Pick the digest day.' })
        .regex(/^[1-7]$/, 'Pick the digest day.')
        .transform(Number),
    },
    time: { ...B.time, schema: pickedTime('Pick the digest time.') },
    tz: {
      ...B.tz,
      schema: z
        .string({ error: 'Pick a timezone.' })
        .refine((tz) => isZone(tz), 'Pick a timezone from the list.'),
    },
    welcome: { ...B.welcome, schema: z.enum(['yes', 'no'], { error: 'Pick yes or no.' }) },
    channel: {
      ...B.channel,
      schema: z
        .string({ error: 'Pick the cohort’s channel.' })
        .regex(CHANNEL_ID, 'Pick a channel, not a DM.'),
    },
  });
  const facilitatorIds = selectedUsers(values, B.facilitators.blockId, B.facilitators.actionId);
  const errors: Record<string, string> = form.ok ? {} : { ...form.errors };
  if (!facilitatorIds || facilitatorIds.length === 0) {
    errors[B.facilitators.blockId] = 'Pick at least one facilitator (you, most likely).';
  } else if (facilitatorIds.length > MAX_FACILITATORS) {
    errors[B.facilitators.blockId] = `Pick at most ${MAX_FACILITATORS} facilitators.`;
  }
  const [hour, minute] = form.ok ? form.data.time.split(':').map(Number) : [0, 0];
  if (form.ok && ((hour ?? 24) > 23 || (minute ?? 60) > 59)) errors[B.time.blockId] = 'Pick the digest time.';
  if (!form.ok || !facilitatorIds || Object.keys(errors).length > 0) return { ok: false, errors };
  const d = form.data;
  return {
    ok: true,
    data: {
      channelId: d.channel,
      facilitatorIds,
      settings: {
        name: d.name,
        weeklyGoal: d.goal,
        digestWeekday: d.day,
        digestHour: hour ?? 9,
        digestMinute: minute ?? 0,
        tz: d.tz,
        welcomeJoiners: d.welcome === 'yes',
      },
    },
  };
}

function isZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Answers.

/** `/coach cohort setup` typed in a DM. */
export function buildSetupInChannelMessage(): EphemeralMessage {
  return {
    response_type: 'ephemeral',
    text: `A cohort lives in a channel. Open your cohort's channel, type \`${INVITE_COMMAND}\` there if I'm not in it yet, then \`/coach cohort setup\`.`,
  };
}

function refusalText(refusal: SetupRefusal, submitted: boolean): string {
  if (refusal.reason === 'not_in_channel') {
    return `Only someone in <#${refusal.channelId}> (or a workspace admin) can set up a cohort there. Join the channel first, then type \`/coach cohort setup\` in it.`;
  }
  const who =
    refusal.facilitatorIds.length > 0
      ? `its ${refusal.facilitatorIds.length === 1 ? 'facilitator' : 'facilitators'}, ${mentions(refusal.facilitatorIds)},`
      : 'a workspace admin';
  const orAdmin = refusal.facilitatorIds.length > 0 ? ' or a workspace admin' : '';
  const changed = submitted ? ' Nothing was changed.' : '';
  return `*${esc(refusal.cohortName)}* in <#${refusal.channelId}> can be changed only by ${who}${orAdmin}.${changed} Ask them if something should be different.`;
}

/** The modal shown instead of the form (or after a refused submission): who can change this cohort. */
export function buildSetupRefusedModal(refusal: SetupRefusal, opts: { submitted?: boolean } = {}): ModalView {
  return noticeModal('Cohort settings', [
    section(refusalText(refusal, opts.submitted ?? false)),
    section('You can still choose what your cohort sees of your progress.', {
      accessory: button('What I share', COHORT_SHARING_ACTIONS.open, ''),
    }),
  ]);
}

/** The inline error on the channel block when the app is not in it (or it is a DM). */
export function channelErrors(reason: 'not_in_channel' | 'not_a_channel'): Record<string, string> {
  return {
    [B.channel.blockId]:
      reason === 'not_a_channel'
        ? 'Pick a channel, not a direct message.'
        : `I'm not in that channel yet. Type ${INVITE_COMMAND} in it, then press Save again.`,
  };
}

/** The inline error on the facilitators block when a bot (or a deactivated account) is picked. */
export function facilitatorErrors(names: readonly string[]): Record<string, string> {
  return {
    [B.facilitators.blockId]:
      `Only people can run a cohort, and ${joinAnd(names)} ${names.length === 1 ? 'is a bot or a deactivated account' : 'are bots or deactivated accounts'}. Pick someone else.`,
  };
}

/** The refusal of a crafted or stale submission for a channel without a cohort the member is not in. */
export function refusedChannelErrors(refusal: SetupRefusal): Record<string, string> | null {
  if (refusal.reason !== 'not_in_channel') return null;
  return {
    [B.channel.blockId]:
      'Only someone in that channel (or a workspace admin) can set up its cohort. Pick a channel you are in.',
  };
}

function summaryLines(cohort: SavedCohort): string[] {
  const s = cohort.settings;
  return [
    `:dart: Goal: ${goalText(s.weeklyGoal)} for each student.`,
    `:calendar: Digest: ${digestWhen(s)}.`,
    `:bust_in_silhouette: Facilitators: ${mentions(cohort.facilitatorIds)}.`,
    s.welcomeJoiners ? ':wave: People who join get a welcome DM.' : ':wave: No welcome DMs.',
  ];
}

/** The modal after saving. */
export function buildCohortSavedModal(cohort: SavedCohort): ModalView {
  const s = cohort.settings;
  const head = cohort.created
    ? `:white_check_mark: *${esc(s.name)}* is set up in <#${cohort.channelId}>. I'm adding everyone in the channel and posting a short note there.`
    : `:white_check_mark: *${esc(s.name)}* is saved.`;
  return noticeModal(
    'Cohort settings',
    [
      section([head, ...summaryLines(cohort)].join('\n')),
      context('Change any of this later with `/coach cohort setup` in the channel.'),
    ],
    { callbackId: `${COHORT_SETUP_CALLBACK_ID}_saved`, close: 'Done' },
  );
}

/** The note posted in the channel once its cohort is set up. */
export function buildCohortSetUpNote(cohort: SavedCohort): Message {
  const s = cohort.settings;
  const lines = [
    `:wave: *${esc(s.name)}* now runs in this channel, with ${mentions(cohort.facilitatorIds)} as ${cohort.facilitatorIds.length === 1 ? 'facilitator' : 'facilitators'}.`,
    `Every ${weekdayName(s.digestWeekday)} at ${hhmm(s.digestHour, s.digestMinute)} (${zoneLabel(s.tz)}) I'll post a short digest here of how the cohort is doing. The goal: ${goalText(s.weeklyGoal)} each.`,
    ":lock: Your notes, drafts and the people you talk to stay private. By default, facilitators see your counts and this channel sees only the cohort's totals; your name appears here only if you choose.",
  ];
  return {
    text: messageText(
      `${s.name} now runs in this channel. Choose what you share with /coach cohort sharing.`,
    ),
    blocks: [
      section(lines.join('\n\n')),
      actions('cohort_note_actions', [button('Choose what I share', COHORT_SHARING_ACTIONS.open, '')]),
      context('Or type `/coach cohort sharing` any time. `/coach help` shows everything else.'),
    ],
  };
}
