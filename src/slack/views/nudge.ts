// The nudge DM: what to do, one button that does it, and Done / Snooze / Stop these. After a click the
// same message is updated in place to say what happened. Pure builders.

import type { Button, KnownBlock, StaticSelect } from '@slack/types';
import { SNOOZE_VALUES, type SnoozeOption, type SnoozeValue } from '../../coaching/nudge-rules';
import type { FoldedNudgeContent, NudgeContent } from '../../nudges/compose';
import type { NudgeClickOutcome } from '../../services/nudges';
import type { Message } from '../surfaces';
import { OPEN } from './action-ids';
import { dueButton } from './home';
import { actions, button, clip, context, esc, LIMITS, option, quote, section, staticSelect } from './kit';
import { isReplyBlock, replyNextStepBlocks } from './reply';
import { THANKS_ACTIONS } from './thanks';

export const NUDGE_ACTIONS_BLOCK_ID = 'nudge_actions';
export const NUDGE_OUTCOME_BLOCK_ID = 'nudge_outcome';

/** Buttons on nudge DMs; the value (or the option value, for snooze) carries the nudge id. */
export const NUDGE_ACTION_IDS = {
  done: 'nudge.done',
  snooze: 'nudge.snooze',
  stop: 'nudge.stop',
  thanksSent: 'nudge.thanks_sent',
  gotReply: 'nudge.got_reply',
  followedUp: 'nudge.followed_up',
  /** Undo a Done or a Stop these, within UNDO_MINUTES. Value: the nudge id. */
  undo: 'nudge.undo',
  /** In a folded message: shows one of its nudges in full. Value: the nudge id. */
  show: 'nudge.show',
} as const;

export type { SnoozeValue };

const SNOOZE_SEPARATOR = '|';

export function snoozeOptionValue(nudgeId: string, choice: SnoozeValue): string {
  return `${nudgeId}${SNOOZE_SEPARATOR}${choice}`;
}

/** Reads a snooze option value back; null when it is not one of ours. */
export function parseSnoozeValue(value: string | undefined): { nudgeId: string; choice: SnoozeValue } | null {
  if (!value) return null;
  const at = value.lastIndexOf(SNOOZE_SEPARATOR);
  if (at <= 0) return null;
  const choice = value.slice(at + 1);
  const known = SNOOZE_VALUES.find((c) => c === choice);
  return known ? { nudgeId: value.slice(0, at), choice: known } : null;
}

function primaryButtons(nudgeId: string, content: NudgeContent): Button[] {
  const p = content.primary;
  switch (p.kind) {
    case 'mark_thanks_sent':
      return [
        button('Mark sent', NUDGE_ACTION_IDS.thanksSent, nudgeId, 'primary'),
        // The thank-you modal: edit the draft, or try another version.
        ...(p.conversationId
          ? [button('Edit or try another version', THANKS_ACTIONS.edit, p.conversationId)]
          : []),
      ];
    case 'draft_ask':
      return [button('Draft the ask', OPEN.ask, p.contactId, 'primary')];
    case 'follow_up':
      return [
        button('Got a reply', NUDGE_ACTION_IDS.gotReply, nudgeId, 'primary'),
        button('Mark followed up', NUDGE_ACTION_IDS.followedUp, nudgeId),
      ];
    case 'open_prep':
      return [button('Open prep', OPEN.prep, p.contactId, 'primary')];
    case 'log_conversation':
      return [button('Log it', OPEN.log, p.contactId, 'primary')];
    case 'none':
      return [];
  }
}

/** The snooze choices that fit the nudge; none (no menu) when every choice would pass its deadline. */
function snoozeMenu(nudgeId: string, choices: readonly SnoozeOption[]): StaticSelect[] {
  if (choices.length === 0) return [];
  return [
    staticSelect(
      NUDGE_ACTION_IDS.snooze,
      choices.map((c) => option(c.label, snoozeOptionValue(nudgeId, c.value))),
      { placeholder: 'Snooze' },
    ),
  ];
}

function tail(nudgeId: string, snooze: readonly SnoozeOption[]) {
  return [
    button('Done', NUDGE_ACTION_IDS.done, nudgeId),
    ...snoozeMenu(nudgeId, snooze),
    button('Stop these', NUDGE_ACTION_IDS.stop, nudgeId),
  ];
}

export function buildNudgeMessage(nudgeId: string, content: NudgeContent): Message {
  const blocks: KnownBlock[] = [section(`*${esc(content.title)}*\n${esc(content.body)}`)];
  if (content.draft) {
    blocks.push(section(`_${esc(content.draft.label)}_\n${quote(content.draft.text)}`));
  }
  if (content.due && content.due.length > 0) {
    blocks.push(section('*Due now*'));
    for (const item of content.due) {
      blocks.push(section(`• ${esc(clip(item.label, 280))}`, { accessory: dueButton(item) }));
    }
  }
  if (content.details && content.details.length > 0) {
    // Detail lines are built by us (titles escaped below), with *bold* headings.
    blocks.push(section(content.details.map((l) => (l.startsWith('*') ? l : esc(l))).join('\n')));
  }
  blocks.push(
    actions(NUDGE_ACTIONS_BLOCK_ID, [...primaryButtons(nudgeId, content), ...tail(nudgeId, content.snooze)]),
  );
  return { text: clip(content.title, 150), blocks: blocks.slice(0, LIMITS.messageBlocks) };
}

/** A folded line's button: the nudge's own next step when it opens a flow, else "Show" (the nudge in full). */
function itemButton(nudgeId: string, p: NudgeContent['primary'], kind: NudgeContent['kind']): Button {
  const show = button(
    kind === 'follow_up' || kind === 'close_loop' || kind === 'keep_in_touch' ? 'See the draft' : 'Show',
    NUDGE_ACTION_IDS.show,
    nudgeId,
  );
  switch (p.kind) {
    case 'draft_ask':
      return button('Draft the ask', OPEN.ask, p.contactId);
    case 'open_prep':
      return button('Open prep', OPEN.prep, p.contactId);
    case 'log_conversation':
      return button('Log it', OPEN.log, p.contactId);
    case 'mark_thanks_sent':
      return p.conversationId
        ? button('Edit or try another version', THANKS_ACTIONS.edit, p.conversationId)
        : show;
    default:
      return show;
  }
}

/**
 * Several nudges of one kind in one message: a line and a button for each, then Done,
 * Snooze and Stop these for all of them (the buttons carry the first nudge's id; the service finds
 * the others by the message they share).
 */
export function buildFoldedNudgeMessage(content: FoldedNudgeContent): Message {
  const lead = content.items[0]?.nudgeId ?? '';
  const shown = content.items.slice(0, LIMITS.messageBlocks - 3);
  const blocks: KnownBlock[] = [
    section(`*${esc(content.title)}*\n${esc(content.body)}`),
    ...shown.map((item) =>
      section(`• ${esc(clip(item.label, 280))}`, {
        accessory: itemButton(item.nudgeId, item.primary, content.kind),
      }),
    ),
    actions(NUDGE_ACTIONS_BLOCK_ID, tail(lead, content.snooze)),
  ];
  return { text: clip(content.title, 150), blocks };
}

/** What a click did, shown in place of the buttons. */
export type NudgeOutcome = NudgeClickOutcome;

/** How long Done and Stop these can be undone. */
export const UNDO_MINUTES = 10;

export function outcomeText(outcome: NudgeOutcome): string {
  switch (outcome.kind) {
    case 'done':
      return outcome.recorded ? `Done ✓ ${esc(outcome.recorded)}` : 'Done ✓';
    case 'undone':
      return 'Undone: it’s back as it was.';
    case 'undo_expired':
      return `It’s been more than ${UNDO_MINUTES} minutes, so this stays as it is. \`/coach people\` shows each person’s next step.`;
    case 'snooze_unavailable':
      return 'That time would miss the moment, so I left this as it was. Pick another time or mark it done.';
    case 'snoozed':
      return `Snoozed until ${outcome.untilLabel}`;
    case 'stopped':
      return 'You won’t get these any more — turn them back on in `/coach settings`.';
    case 'thanks_sent':
      return 'Thank-you marked sent ✓ Nicely done.';
    case 'got_reply':
      return `${outcome.name ? `${esc(outcome.name)} replied` : 'They replied'} — lovely, no follow-up needed. Next: book the chat, or note a no for now.`;
    case 'followed_up':
      return `Follow-up marked sent ✓ That’s the one polite follow-up${outcome.name ? ` to ${esc(outcome.name)}` : ''}; I won’t nudge about it again.`;
    case 'already_done':
      return `Already done on ${outcome.atLabel} ✓ Nothing changed.`;
    case 'already_snoozed':
      return `Already snoozed until ${outcome.untilLabel}. I’ll bring it back then.`;
    case 'gone':
      return 'This one is already taken care of.';
  }
}

interface OriginalMessage {
  text?: string;
  blocks?: unknown[];
}

/**
 * The clicked message with its buttons replaced by the outcome. The original content stays, so the
 * member still sees what the nudge was about.
 */
export function buildNudgeOutcomeMessage(original: OriginalMessage, outcome: NudgeOutcome): Message {
  const kept = (original.blocks ?? []).filter((b): b is KnownBlock => {
    const id = (b as { block_id?: string } | null)?.block_id;
    return (
      typeof b === 'object' && b !== null && id !== NUDGE_ACTIONS_BLOCK_ID && id !== NUDGE_OUTCOME_BLOCK_ID
    );
  });
  const result = outcomeText(outcome);
  const undoable = (outcome.kind === 'done' || outcome.kind === 'stopped') && outcome.nudgeId;
  const note: KnownBlock = undoable
    ? section(result, {
        block_id: NUDGE_OUTCOME_BLOCK_ID,
        accessory: button(`Undo (for ${UNDO_MINUTES} minutes)`, NUDGE_ACTION_IDS.undo, outcome.nudgeId),
      })
    : { ...context(result), block_id: NUDGE_OUTCOME_BLOCK_ID };
  const text = original.text ? `${original.text} — ${result}` : result;
  // A reply's next step (book the chat, or a no for now) goes under the note.
  const next =
    outcome.kind === 'got_reply' && outcome.contactId
      ? replyNextStepBlocks({ id: outcome.contactId, name: outcome.name ?? '' })
      : [];
  const body = kept.filter((b) => !isReplyBlock(b));
  return {
    text: clip(text, 3000),
    blocks: [...body.slice(0, LIMITS.messageBlocks - 1 - next.length), note, ...next],
  };
}

/** An ephemeral refusal for a click on someone else's nudge. */
export const NOT_YOUR_NUDGE =
  'That button belongs to someone else’s nudge, so I left it alone. Your own nudges come to you in this DM.';
