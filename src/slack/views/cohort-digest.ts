// The cohort's weekly digest (posted in the channel, previewed by facilitators), the facilitator's
// weekly note about quiet students with a "Nudge kindly" button each, and the kind nudge the student
// gets. Pure builders. Students are named only as Slack mentions, and only where their sharing choice
// allows it (the service decides who is in each list); no note or contact name is ever given to them.
import type { Button, KnownBlock, SectionBlock } from '@slack/types';
import {
  type CohortDigest,
  figureParts,
  goalLine,
  reasonWords,
  type StalledStudent,
} from '../../coaching/cohort-digest';
import { plural } from '../../coaching/text';
import { formatLocal } from '../../coaching/time';
import type { CohortSummary, KindNudgeClaim, KindNudgeStep } from '../../services/cohort-digests';
import type { Message } from '../surfaces';
import { OPEN } from './action-ids';
import {
  actions,
  button,
  context,
  esc,
  header,
  LIMITS,
  messageText,
  mrkdwn,
  packLines,
  section,
} from './kit';

export const COHORT_DIGEST_ACTIONS = { nudgeKindly: 'cohort.nudge_kindly' } as const;
export const KIND_NUDGE_ACTIONS_BLOCK_ID = 'cohort_kind_nudge_actions';

/** Shout-out lines shown at most; the rest are counted. */
const MAX_SHOUT_OUTS = 30;
/** Quiet students listed with their own button at most; the rest are counted. */
export const MAX_STALLED_LISTED = 20;

/** A Slack mention of a member (Slack shows their name to whoever reads it). */
export function mention(slackUserId: string): string {
  return `<@${slackUserId}>`;
}

function channel(id: string): string {
  return `<#${id}>`;
}

/** "Mon 2 Mar, 09:00" in the cohort's zone. */
export function cohortTime(d: Date, tz: string): string {
  return formatLocal(d, tz, 'dateTime');
}

// ---------------------------------------------------------------------------------------------
// The digest.

function figureFields(d: CohortDigest): SectionBlock {
  const t = d.totals;
  return {
    type: 'section',
    fields: [
      mrkdwn(`*Conversations*\n${t.conversationsHeld}`),
      mrkdwn(`*Asks sent*\n${t.asksSent}`),
      mrkdwn(`*Thank-yous within 24 hours*\n${t.thankYousOnTime}`),
      mrkdwn(`*New introductions*\n${t.referralsGained}`),
    ],
  };
}

/** The digest's blocks: the cohort's figures, the goal, shout-outs, the stage and the next step. */
export function digestBlocks(cohort: CohortSummary, digest: CohortDigest, since: Date): KnownBlock[] {
  const t = digest.totals;
  const blocks: KnownBlock[] = [
    header(`${cohort.name}: the week together`),
    context(`Since ${cohortTime(since, cohort.tz)} · ${plural(t.students, 'student', 'students')}`),
    figureFields(digest),
  ];
  const notes: string[] = [];
  const goal = goalLine(digest.goal);
  if (goal) notes.push(`:dart: ${goal}.`);
  if (t.longestChain >= 2) {
    notes.push(
      `:link: Longest chain of introductions in the cohort so far: ${plural(t.longestChain, 'person', 'people')}, each suggested by the one before.`,
    );
  }
  if (t.conversationsHeld + t.asksSent === 0) {
    notes.push('A quiet week. That happens: one short ask is all it takes to get going again.');
  }
  if (notes.length > 0) blocks.push(section(notes.join('\n')));

  if (digest.shoutOuts.length > 0) {
    const lines = digest.shoutOuts
      .slice(0, MAX_SHOUT_OUTS)
      .map((s) => `• ${mention(s.slackUserId)} ${reasonWords(s.reasons)}`);
    const more = digest.shoutOuts.length - MAX_SHOUT_OUTS;
    if (more > 0) lines.push(`…and ${more} more of you.`);
    const packed = packLines([':tada: *Shout-outs*', ...lines], 3);
    blocks.push(...packed.blocks);
  }

  const stage = digest.stage;
  blocks.push(
    section(`*Where we are: ${esc(stage.label)}*\n${esc(stage.summary)}\n*Next:* ${esc(stage.next)}`),
  );
  blocks.push(
    context(
      `Your own week: \`/coach cohort status\`. Shout-outs name only people who chose to be named; change what the cohort sees of you with \`/coach cohort sharing\`. The digest posts here ${cohort.schedule}.`,
    ),
  );
  return blocks.slice(0, LIMITS.messageBlocks);
}

function digestText(cohort: CohortSummary, digest: CohortDigest): string {
  return messageText(`${cohort.name}, the week together: ${figureParts(digest.totals).join(', ')}.`);
}

/** The digest as posted in the cohort's channel. */
export function buildDigestMessage(cohort: CohortSummary, digest: CohortDigest, since: Date): Message {
  return { text: digestText(cohort, digest), blocks: digestBlocks(cohort, digest, since) };
}

export interface EphemeralReply {
  response_type: 'ephemeral';
  text: string;
  blocks?: KnownBlock[];
}

/** A facilitator's private preview of the digest so far. */
export function buildDigestPreview(
  cohort: CohortSummary,
  digest: CohortDigest,
  soFar: { window: { start: Date }; nextAt: Date },
): EphemeralReply {
  const blocks = digestBlocks(cohort, digest, soFar.window.start);
  return {
    response_type: 'ephemeral',
    text: `Preview, only you can see this. ${digestText(cohort, digest)}`,
    blocks: [
      context(
        `:eyes: *Preview, only you can see this.* The week so far; it posts here on ${cohortTime(soFar.nextAt, cohort.tz)} (${esc(cohort.tz)}).`,
      ),
      ...blocks,
    ].slice(0, LIMITS.messageBlocks),
  };
}

/** A student asked for the preview. */
export function buildDigestNotFacilitator(cohort: CohortSummary): EphemeralReply {
  return {
    response_type: 'ephemeral',
    text:
      `Only the cohort's facilitators can preview the digest. It posts here ${cohort.schedule}. ` +
      'Your own week so far: `/coach cohort status`.',
  };
}

// ---------------------------------------------------------------------------------------------
// The facilitator's weekly note about quiet students.

/** The button value: which cohort and which student (both re-checked when clicked). */
export function encodeNudgeTarget(cohortId: string, memberId: string): string {
  return `${cohortId}|${memberId}`;
}

export function decodeNudgeTarget(value: string | undefined): { cohortId: string; memberId: string } | null {
  const [cohortId, memberId, ...rest] = (value ?? '').split('|');
  if (!cohortId || !memberId || rest.length > 0) return null;
  return { cohortId, memberId };
}

export function quietWords(s: Pick<StalledStudent, 'daysQuiet' | 'neverActive'>): string {
  return s.neverActive
    ? `nothing yet since joining ${plural(s.daysQuiet, 'day', 'days')} ago`
    : `quiet for ${plural(s.daysQuiet, 'day', 'days')}`;
}

function nudgeButton(cohortId: string, memberId: string): Button {
  return button('Nudge kindly', COHORT_DIGEST_ACTIONS.nudgeKindly, encodeNudgeTarget(cohortId, memberId));
}

/** The weekly DM to a facilitator: the quiet students who share, each with a "Nudge kindly" button. */
export function buildStalledDm(cohort: CohortSummary, stalled: readonly StalledStudent[]): Message {
  const count = plural(stalled.length, 'student has', 'students have');
  const blocks: KnownBlock[] = [
    section(
      `*${esc(cohort.name)}* (${channel(cohort.channelId)}): ${count} been quiet for two weeks or more. A kind word now can help them restart.`,
    ),
  ];
  for (const s of stalled.slice(0, MAX_STALLED_LISTED)) {
    blocks.push(
      section(`${mention(s.slackUserId)}: ${quietWords(s)}`, {
        accessory: nudgeButton(cohort.id, s.memberId),
      }),
    );
  }
  const more = stalled.length - MAX_STALLED_LISTED;
  if (more > 0) {
    blocks.push(
      context(`…and ${more} more: \`/coach cohort status\` in ${channel(cohort.channelId)} lists everyone.`),
    );
  }
  blocks.push(
    context(
      '*Nudge kindly* sends them a short, kind note from me, in my words (not yours), at most once a week, with a button for their next step. Only students who share their progress with you are listed.',
    ),
  );
  return {
    text: messageText(`${cohort.name}: ${count} been quiet for two weeks or more.`),
    blocks: blocks.slice(0, LIMITS.messageBlocks),
  };
}

/** What came of a "Nudge kindly" press. */
export type KindNudgeOutcome =
  | Exclude<KindNudgeClaim, { kind: 'claimed' }>
  | { kind: 'sent' | 'failed'; studentUserId: string };

/** What the facilitator is told after pressing "Nudge kindly" (in place of that student's button). */
export function kindNudgeOutcome(result: KindNudgeOutcome): string {
  switch (result.kind) {
    case 'sent':
      return `:white_check_mark: I sent ${mention(result.studentUserId)} a kind nudge.`;
    case 'already_sent':
      return `:white_check_mark: ${mention(result.studentUserId)} already got a kind nudge this week; one a week is plenty.`;
    case 'in_progress':
      return `${mention(result.studentUserId)}'s nudge is on its way.`;
    case 'not_stalled':
      return `:sparkles: ${mention(result.studentUserId)} is active again, so there's no need for a nudge.`;
    case 'paused':
      return `${mention(result.studentUserId)} has paused their nudges for now, so I won't send one. They'll hear from me again when the pause ends.`;
    case 'failed':
      return `I couldn't reach ${mention(result.studentUserId)} just now. Press *Nudge kindly* again in a little while.`;
    case 'not_found':
      return "I can't find that student in a cohort you facilitate. `/coach cohort status` in the cohort's channel shows who is in it now.";
  }
}

interface LooseBlock {
  type?: string;
  accessory?: { action_id?: string; value?: string };
  text?: { type?: string; text?: string };
}

/**
 * The facilitator's note with one student's button replaced by what happened. The blocks are the
 * message Slack's client says was clicked; only that one section changes, and a note that no longer
 * looks like ours is left alone (null).
 */
export function noteAfterNudge(
  message: { text?: string; blocks?: unknown[] },
  value: string,
  outcome: string,
): Message | null {
  const blocks = (message.blocks ?? []) as LooseBlock[];
  const at = blocks.findIndex(
    (b) =>
      b.type === 'section' &&
      b.accessory?.action_id === COHORT_DIGEST_ACTIONS.nudgeKindly &&
      b.accessory.value === value,
  );
  if (at < 0) return null;
  const next = blocks.map((b, i) => (i === at ? { type: 'section', text: mrkdwn(outcome) } : b));
  return { text: messageText(message.text ?? outcome), blocks: next as KnownBlock[] };
}

// ---------------------------------------------------------------------------------------------
// The kind nudge the student gets.

const STEP: Record<KindNudgeStep, { line: string; button: Button }> = {
  draft_ask: {
    line: 'Pick one person on your list and send them a short ask for 20 minutes. People say yes to brief, specific asks more often than you would think.',
    button: button('Draft an ask', OPEN.ask, '', 'primary'),
  },
  add_target: {
    line: 'Add one person who is a step or two ahead on the path you want. Just one name is a fine start.',
    button: button('Add someone', OPEN.addTarget, '', 'primary'),
  },
};

/** A short, kind DM from the coach, with one button for the next step. */
export function buildKindNudgeDm(step: KindNudgeStep): Message {
  const s = STEP[step];
  return {
    text: messageText(`Checking in: one small step keeps your search moving. ${s.line}`),
    blocks: [
      section(
        `:wave: Checking in. Weeks fill up fast, and that's okay: one small step keeps your search moving.\n${s.line}`,
      ),
      actions(KIND_NUDGE_ACTIONS_BLOCK_ID, [s.button, button('Nudge settings', OPEN.settings, '')]),
    ],
  };
}
