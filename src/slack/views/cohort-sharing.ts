// What a member's cohort sees of them: the modal (`/coach cohort sharing`, the welcome DM's and the
// App Home's button), its reader, the confirmation, and the App Home's "Your cohort" section.
import type { KnownBlock, ModalView, PlainTextOption, RadioButtons } from '@slack/types';
import { z } from 'zod';
import { joinAnd } from '../../coaching/text';
import type { CohortSharing, SharingChoice, SharingPicture } from '../../services/cohorts';
import { readForm, type StateValues } from './form';
import {
  button,
  checkboxesInput,
  context,
  divider,
  esc,
  input,
  LIMITS,
  modal,
  noticeModal,
  plain,
  section,
} from './kit';

export const COHORT_SHARING_CALLBACK_ID = 'cohort_sharing';

export const COHORT_SHARING_ACTIONS = {
  /** Opens the sharing modal; no value (the choice is the member's own). */
  open: 'cohort.open_sharing',
} as const;

export const COHORT_SHARING_BLOCKS = {
  sharing: { blockId: 'cohort_sharing_choice', actionId: 'value' },
  intros: { blockId: 'cohort_sharing_intros', actionId: 'value' },
} as const;

export const HOME_COHORT_BLOCK_ID = 'home_cohort';

const B = COHORT_SHARING_BLOCKS;

const CHOICES: Record<CohortSharing, { label: string; option: string; name: string; detail: string }> = {
  counts: {
    label: 'Counts only (the default)',
    option: 'Facilitators see your counts. Your name never goes to the channel.',
    name: 'counts only',
    detail: 'facilitators see your counts; your name never goes to the channel',
  },
  named: {
    label: 'Counts, and my name in shout-outs',
    option: 'Facilitators see your counts; the digest may cheer you on by name.',
    name: 'counts, and your name in shout-outs',
    detail: 'facilitators see your counts, and the channel’s digest may cheer you on by name',
  },
  none: {
    label: 'Nothing',
    option: 'You are only part of the cohort’s anonymous totals.',
    name: 'nothing',
    detail: 'you are only part of the anonymous totals',
  },
};

const ORDER: readonly CohortSharing[] = ['counts', 'named', 'none'];

const INTROS_VALUE = 'open';

/** What the cohort sees of the member: "*counts only* (facilitators see your counts; …)". */
export function sharingLine(sharing: CohortSharing): string {
  return `*${CHOICES[sharing].name}* (${CHOICES[sharing].detail})`;
}

function introsLine(open: boolean): string {
  return open ? '*on* (classmates may ask you)' : '*off* (classmates can’t ask you)';
}

function sharingOption(value: CohortSharing): PlainTextOption {
  const c = CHOICES[value];
  return {
    text: plain(c.label, LIMITS.optionText),
    value,
    description: plain(c.option, LIMITS.optionText),
  };
}

function cohortNames(picture: SharingPicture): string {
  return joinAnd(picture.cohorts.map((c) => `*${esc(c.name)}* (<#${c.channelId}>)`));
}

export function buildSharingModal(picture: SharingPicture): ModalView {
  const options = ORDER.map(sharingOption);
  const radios: RadioButtons = {
    type: 'radio_buttons',
    action_id: B.sharing.actionId,
    options,
    ...(options.find((o) => o.value === picture.choice.sharing)
      ? { initial_option: options.find((o) => o.value === picture.choice.sharing) }
      : {}),
  };
  const where =
    picture.cohorts.length > 0
      ? `This applies to ${cohortNames(picture)}.`
      : "You're not in a cohort yet; this applies once you join one.";
  return modal({
    callbackId: COHORT_SHARING_CALLBACK_ID,
    title: 'What I share',
    submit: 'Save',
    blocks: [
      section(
        `Your notes, drafts and the people you talk to always stay private. Choose what your cohort sees of your progress. ${where}`,
      ),
      input(B.sharing.blockId, 'What my cohort sees', radios),
      checkboxesInput(
        B.intros.blockId,
        B.intros.actionId,
        'Warm intros',
        [
          {
            text: plain('Classmates may ask me for warm intros', LIMITS.optionText),
            value: INTROS_VALUE,
            description: plain(
              'I ask you privately each time; nothing is shared unless you say yes.',
              LIMITS.optionText,
            ),
          },
        ],
        { optional: true, initial: picture.choice.introsOpen ? [INTROS_VALUE] : [] },
      ),
    ],
  });
}

export function readSharingForm(values: StateValues) {
  const form = readForm(values, {
    sharing: { ...B.sharing, schema: z.enum(['counts', 'named', 'none'], { error: 'Pick one.' }) },
    intros: { ...B.intros, schema: z.array(z.literal(INTROS_VALUE)).optional() },
  });
  if (!form.ok) return form;
  const choice: SharingChoice = {
    sharing: form.data.sharing,
    introsOpen: (form.data.intros ?? []).includes(INTROS_VALUE),
  };
  return { ok: true as const, data: choice };
}

/** The modal after saving: what changed (or that nothing did). */
export function buildSharingSavedModal(change: { before: SharingChoice; after: SharingChoice }): ModalView {
  const { before, after } = change;
  const lines: string[] = [];
  if (before.sharing !== after.sharing) {
    lines.push(
      `:eyes: Your cohort now sees *${CHOICES[after.sharing].name}*: ${CHOICES[after.sharing].detail} (before: ${CHOICES[before.sharing].name}).`,
    );
  }
  if (before.introsOpen !== after.introsOpen) {
    lines.push(
      after.introsOpen
        ? ':handshake: Classmates may now ask you for warm intros. I ask you privately each time.'
        : ':handshake: Classmates can no longer ask you for intros.',
    );
  }
  const head =
    lines.length > 0
      ? `:white_check_mark: Saved.\n${lines.join('\n')}`
      : `Nothing changed. Your cohort sees ${sharingLine(after.sharing)}. Warm intros are ${introsLine(after.introsOpen)}.`;
  return noticeModal(
    'What I share',
    [section(head), context('Change it any time with `/coach cohort sharing` or from your Home tab.')],
    { callbackId: `${COHORT_SHARING_CALLBACK_ID}_saved`, close: 'Done' },
  );
}

/** The App Home's "Your cohort" section. */
export function cohortHomeBlocks(picture: SharingPicture): KnownBlock[] {
  const facilitating = picture.cohorts.filter((c) => c.role === 'facilitator').length;
  const title = picture.cohorts.length === 1 ? '*Your cohort*' : '*Your cohorts*';
  const role =
    facilitating === 0
      ? ''
      : `\nYou facilitate ${facilitating < picture.cohorts.length ? 'some of them' : facilitating === 1 ? 'it' : 'them'}.`;
  // Facilitators are never counted, so a member who only facilitates has no progress to share.
  const sees =
    facilitating === picture.cohorts.length
      ? ':eyes: Facilitators aren’t counted in the figures, so nothing of yours is shared.'
      : `:eyes: What your ${picture.cohorts.length === 1 ? 'cohort sees' : 'cohorts see'}: ${sharingLine(picture.choice.sharing)}.`;
  return [
    divider(),
    section(
      `${title}: ${cohortNames(picture)}${role}\n${sees}\n:handshake: Warm intros: ${introsLine(picture.choice.introsOpen)}.`,
      { block_id: HOME_COHORT_BLOCK_ID, accessory: button('Change', COHORT_SHARING_ACTIONS.open, '') },
    ),
  ];
}
