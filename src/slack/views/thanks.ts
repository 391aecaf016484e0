// The thank-you: its draft, its 24-hour deadline and the "Mark thank-you sent" button, shown after a
// log and by `/coach thanks`; updated in place once it is sent.
import type { KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import type { ThanksLookupProblem, ThankYouCard } from '../../coaching/logging';
import { plural } from '../../coaching/text';
import type { ThankYouRate } from '../../coaching/thanks';
import { formatWhen, HOUR_MS } from '../../coaching/time';
import type { Message } from '../surfaces';
import { OPEN } from './action-ids';
import { addNamedButton } from './add-target';
import { readJson, type StateValues } from './form';
import type { EphemeralMessage } from './help';
import { actions, button, context, esc, LIMITS, modal, quote, section, textInput } from './kit';

export const THANKS_ACTIONS = {
  /** Value: the conversation id. */
  markSent: 'after_chat.thank_you_sent',
  /** Opens the thank-you in a modal to edit, with other versions. Value: the conversation id. */
  edit: 'after_chat.thank_you_edit',
  /** In the modal: the next version (the member's edit is kept). Value: the version shown. */
  another: 'thanks_edit.another',
  /** In the modal: brings the kept edit back. */
  restore: 'thanks_edit.restore',
} as const;

export const THANKS_EDIT_CALLBACK_ID = 'thanks_edit';

/** Blocks the thank-you owns inside a message, so they can be swapped in place once it is sent. */
export const THANKS_BLOCK_IDS = {
  due: 'thanks_due',
  draft: 'thanks_draft',
  actions: 'thanks_actions',
  sent: 'thanks_sent',
} as const;

function untilDeadline(deadline: Date, now: Date): string {
  const left = deadline.getTime() - now.getTime();
  if (left <= 0) return 'the 24 hours have passed, but a short, warm note still lands well';
  const hours = Math.floor(left / HOUR_MS);
  if (hours < 1) return 'less than an hour left';
  return `${plural(hours, 'hour', 'hours')} left`;
}

/** "On time so far: 3 of 4 (75%)", or null before there is anything to count. */
export function rateLine(rate: ThankYouRate): string | null {
  if (rate.rate === null) return null;
  const counted = rate.sent + rate.missed;
  return `Thank-yous on time so far: ${rate.onTime} of ${counted} (${Math.round(rate.rate * 100)}%).`;
}

export function thankYouBlocks(card: ThankYouCard, now: Date): KnownBlock[] {
  if (card.thankYouSentAt) {
    const onTime = card.thankYouSentAt.getTime() <= card.deadline.getTime();
    const rate = rateLine(card.rate);
    return [
      {
        ...context(
          `:pray: Thank-you to ${esc(card.contactName)} sent ${formatWhen(card.thankYouSentAt, card.tz, now)}` +
            `${onTime ? ' — within the day. Well done.' : '. Better late than never: they will appreciate it.'}` +
            (rate ? ` ${rate}` : ''),
        ),
        block_id: THANKS_BLOCK_IDS.sent,
      },
    ];
  }
  return [
    section(
      `:envelope: *Your thank-you to ${esc(card.contactName)}* — send it by *${formatWhen(card.deadline, card.tz, now)}* ` +
        `(${untilDeadline(card.deadline, now)}). Adjust it to your voice, then send it where you usually talk.`,
      { block_id: THANKS_BLOCK_IDS.due },
    ),
    section(quote(card.draft), { block_id: THANKS_BLOCK_IDS.draft }),
    actions(THANKS_BLOCK_IDS.actions, [
      button('Mark thank-you sent', THANKS_ACTIONS.markSent, card.conversationId, 'primary'),
      button('Edit or try another version', THANKS_ACTIONS.edit, card.conversationId),
    ]),
  ];
}

/** `/coach thanks` and the OPEN.thanks button: the draft on its own. */
export function buildThankYouMessage(card: ThankYouCard, now: Date): Message {
  const text = card.thankYouSentAt
    ? `Your thank-you to ${card.contactName} is already sent.`
    : `Your thank-you to ${card.contactName}: send it by ${formatWhen(card.deadline, card.tz, now)}.`;
  return { text, blocks: thankYouBlocks(card, now).slice(0, LIMITS.messageBlocks) };
}

/**
 * The same message with its thank-you blocks replaced by the current state (used after "Mark sent"):
 * everything else in the message stays as it was.
 */
export function replaceThankYouBlocks(
  blocks: readonly KnownBlock[],
  card: ThankYouCard,
  now: Date,
): KnownBlock[] {
  const ids = new Set<string>(Object.values(THANKS_BLOCK_IDS));
  const isThanks = (b: KnownBlock) =>
    'block_id' in b && typeof b.block_id === 'string' && ids.has(b.block_id);
  const first = blocks.findIndex(isThanks);
  const kept = blocks.filter((b) => !isThanks(b));
  const at = first === -1 ? kept.length : first;
  return [...kept.slice(0, at), ...thankYouBlocks(card, now), ...kept.slice(at)].slice(
    0,
    LIMITS.messageBlocks,
  );
}

/** When there is no single thank-you to show: what to do instead. */
export function buildThanksProblemMessage(problem: ThanksLookupProblem): EphemeralMessage {
  switch (problem.kind) {
    case 'no_match': {
      const text = `I couldn't find “${problem.name}” on your list. Check the spelling, or add them and log your chat.`;
      return {
        response_type: 'ephemeral',
        text,
        blocks: [
          section(
            `I couldn't find “${esc(problem.name)}” on your list. Check the spelling, or add them and log your chat.`,
          ),
          actions('thanks_no_match', [addNamedButton(problem.name), button('See my list', OPEN.people, '')]),
        ],
      };
    }
    case 'several': {
      const shown = problem.matches.slice(0, 5);
      return {
        response_type: 'ephemeral',
        text: `A few people match “${problem.name}”. Which one?`,
        blocks: [
          section(`A few people match “${esc(problem.name)}”. Which one?`),
          ...shown.map((m) =>
            section(`*${esc(m.name)}*`, {
              block_id: `thanks_pick|${m.id}`,
              accessory: button('Thank-you draft', OPEN.thanks, m.id),
            }),
          ),
        ],
      };
    }
    case 'no_conversation':
      return {
        response_type: 'ephemeral',
        text: `You haven't logged a conversation with ${problem.contact.name} yet. Log it first, and I'll draft the thank-you.`,
        blocks: [
          section(
            `You haven't logged a conversation with *${esc(problem.contact.name)}* yet. Log it first, and I'll draft the thank-you.`,
          ),
          actions('thanks_log', [button('Log the conversation', OPEN.log, problem.contact.id, 'primary')]),
        ],
      };
    case 'all_sent':
      return {
        response_type: 'ephemeral',
        text: 'Every conversation you logged has its thank-you. Nice. To see one again, try `/coach thanks <name>`.',
      };
    case 'nothing_logged':
      return {
        response_type: 'ephemeral',
        text: 'No conversations logged yet. After your next one, `/coach log` drafts the thank-you for you.',
        blocks: [
          section(
            'No conversations logged yet. After your next one, log it and I will draft the thank-you for you.',
          ),
          actions('thanks_log', [button('Log a conversation', OPEN.log, '', 'primary')]),
        ],
      };
  }
}

// ---------------------------------------------------------------------------------------------
// The thank-you modal: edit the draft, try other versions, and never lose an edit on the way.

/** Longest thank-you the modal takes (it also has to fit, escaped, in private_metadata when kept). */
export const THANK_YOU_MAX_CHARS = 1200;
const TEXT_BLOCK = 'thanks_text';
const TEXT_ACTION = 'value';

export interface ThankYouModalState {
  conversationId: string;
  contactName: string;
  /** The version shown in the text box (when it was put there). */
  variant: number;
  /** Bumped on every change, so Slack shows the new text rather than the typing it keeps per block. */
  round: number;
  /** The member's own edit, kept while they look at other versions. */
  kept: string | null;
}

const ModalMetadata = z.object({
  c: z.string().min(1).max(100),
  n: z.string().max(200),
  v: z.number().int().min(0).max(1000),
  r: z.number().int().min(0).max(10000),
  k: z.string().max(THANK_YOU_MAX_CHARS).nullable(),
});

export function readThankYouModalState(privateMetadata: string | undefined): ThankYouModalState | null {
  const m = readJson(privateMetadata, ModalMetadata);
  return m ? { conversationId: m.c, contactName: m.n, variant: m.v, round: m.r, kept: m.k } : null;
}

/** The text in the modal's box right now (whatever round it is). */
export function currentThankYouText(values: StateValues | undefined): string | null {
  for (const [blockId, actions] of Object.entries(values ?? {})) {
    if (!blockId.startsWith(`${TEXT_BLOCK}.`)) continue;
    const value = actions[TEXT_ACTION]?.value;
    if (typeof value === 'string') return value;
  }
  return null;
}

export function buildThankYouModal(state: ThankYouModalState, text: string): ModalView {
  const kept = state.kept ? state.kept.slice(0, THANK_YOU_MAX_CHARS) : null;
  const blocks: KnownBlock[] = [
    section(
      `Your thank-you to *${esc(state.contactName)}*. Make it sound like you, or try another version. ` +
        'Copy it from here when it reads right, then send it where you usually talk.',
    ),
    textInput(`${TEXT_BLOCK}.${state.round}`, TEXT_ACTION, 'Your thank-you', {
      multiline: true,
      initial: text.slice(0, THANK_YOU_MAX_CHARS),
      maxLength: THANK_YOU_MAX_CHARS,
    }),
    actions('thanks_versions', [
      button('Another version', THANKS_ACTIONS.another, String(state.variant)),
      ...(kept ? [button('Back to my edit', THANKS_ACTIONS.restore, 'kept')] : []),
    ]),
  ];
  if (kept) {
    blocks.push(context('Your edit is kept: *Back to my edit* puts it back in the box.'));
  }
  return modal({
    callbackId: THANKS_EDIT_CALLBACK_ID,
    title: 'Your thank-you',
    submit: 'Use this one',
    close: 'Cancel',
    blocks,
    privateMetadata: JSON.stringify({
      c: state.conversationId,
      n: state.contactName.slice(0, 200),
      v: state.variant,
      r: state.round,
      k: kept,
    }),
  });
}

/** The submitted thank-you, or the error Slack shows under the box. */
export function readThankYouModalForm(
  values: StateValues,
): { ok: true; data: { text: string } } | { ok: false; errors: Record<string, string> } {
  const text = (currentThankYouText(values) ?? '').trim();
  if (text) return { ok: true, data: { text } };
  const blockId = Object.keys(values).find((b) => b.startsWith(`${TEXT_BLOCK}.`)) ?? `${TEXT_BLOCK}.0`;
  return { ok: false, errors: { [blockId]: 'Write a line or two, or pick another version.' } };
}

/** The thank-you as the member left it, with its button to mark it sent. */
export function buildChosenThankYouMessage(card: ThankYouCard, text: string, now: Date): Message {
  return buildThankYouMessage({ ...card, draft: text }, now);
}
