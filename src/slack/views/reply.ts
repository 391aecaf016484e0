// What comes after "Got a reply": book the chat (or prepare for it), or note kindly that they said no
// for now, with Undo for a short while. Shared by the nudge DM and the ask's own DM. Pure builders.
import type { KnownBlock } from '@slack/types';
import { formatLocal } from '../../coaching/time';
import { UNDO_MINUTES } from '../../coaching/undo';
import { readerName } from '../../coaching/voice';
import { OPEN } from './action-ids';
import { actions, button, context, esc, LIMITS } from './kit';
import { PREP_ACTIONS } from './prep';

/** Buttons of the reply flow. */
export const REPLY_ACTIONS = {
  /** Value: the ask id (the ask's DM, once it is marked sent). */
  gotReply: 'reply.got_reply',
  /** Value: the contact id. */
  declined: 'reply.declined',
  /** Value: the contact id. */
  undoDeclined: 'reply.undo_declined',
} as const;

export const REPLY_BLOCKS = {
  next: 'reply_next',
  note: 'reply_note',
} as const;

const OWN_BLOCKS = new Set<string>(Object.values(REPLY_BLOCKS));

/** True for the blocks this flow adds to a message (so a redraw replaces them instead of stacking). */
export function isReplyBlock(block: unknown): boolean {
  const id = (block as { block_id?: string } | null)?.block_id;
  return typeof id === 'string' && OWN_BLOCKS.has(id);
}

interface Person {
  id: string;
  name: string;
}

/** After a reply: book the chat (the schedule form), prepare questions, or a no for now. */
export function replyNextStepBlocks(contact: Person): KnownBlock[] {
  return [
    actions(REPLY_BLOCKS.next, [
      button('Book the chat', PREP_ACTIONS.schedule, contact.id, 'primary'),
      button('Prep questions', OPEN.prep, contact.id),
      button('They said no for now', REPLY_ACTIONS.declined, contact.id),
    ]),
  ];
}

/** The line after a reply, in the ask's own DM. */
export function repliedBlocks(contact: Person): KnownBlock[] {
  return [
    {
      ...context(
        `:speech_balloon: ${esc(readerName(contact.name).greeting)} replied. Book the chat while it is fresh, and I'll help you prepare.`,
      ),
      block_id: REPLY_BLOCKS.note,
    },
    ...replyNextStepBlocks(contact),
  ];
}

/** A no for now, noted kindly, with Undo until `undoUntil`. */
export function declinedBlocks(contact: Person, undoUntil: Date, tz: string): KnownBlock[] {
  const first = esc(readerName(contact.name).greeting);
  return [
    {
      ...context(
        `:seedling: Noted: ${first} said no for now. That is fine and it happens a lot; people get busy. Thank them for replying, and the door stays open. I won't nudge you about ${first}. Your other people are in \`/coach people\`.`,
      ),
      block_id: REPLY_BLOCKS.note,
    },
    actions(REPLY_BLOCKS.next, [
      button('See my list', OPEN.people, ''),
      button(`Undo (until ${formatLocal(undoUntil, tz, 'time')})`, REPLY_ACTIONS.undoDeclined, contact.id),
    ]),
  ];
}

/** Undo on a no for now: back where they were, and the reply's next step again. */
export function declineUndoneBlocks(contact: Person, stage: string): KnownBlock[] {
  return [
    {
      ...context(
        `:leftwards_arrow_with_hook: Undone: ${esc(contact.name)} is back under *${esc(stage)}*. When you are ready, book the chat.`,
      ),
      block_id: REPLY_BLOCKS.note,
    },
    ...replyNextStepBlocks(contact),
  ];
}

/** Undo on a no for now that can no longer undo, said next to the click. */
export function declineUndoRefusedText(name: string, problem: 'not_aside' | 'too_late'): string {
  return problem === 'too_late'
    ? `It has been more than ${UNDO_MINUTES} minutes, so ${name} stays under "Said no for now". Their menu in \`/coach people declined\` still lets you draft a new ask whenever you like.`
    : `${name} is not under "Said no for now" any more, so there is nothing to undo.`;
}

/** The message the click came from, with this flow's blocks replaced by `next` (other blocks kept). */
export function withReplyBlocks(
  original: readonly unknown[] | undefined,
  next: KnownBlock[],
  alsoDrop: readonly string[] = [],
): KnownBlock[] {
  const drop = new Set(alsoDrop);
  const kept = (original ?? []).filter((b): b is KnownBlock => {
    if (typeof b !== 'object' || b === null || isReplyBlock(b)) return false;
    const id = (b as { block_id?: string }).block_id;
    return !(id && drop.has(id));
  });
  return [...kept.slice(0, LIMITS.messageBlocks - next.length), ...next];
}
