// Archive's Undo (for a few minutes) and Restore (any time) on the people list: the buttons, the line
// that goes above the redrawn list, and the answers when there is nothing to put back. Pure builders.
import type { Button, KnownBlock } from '@slack/types';
import { stageLabel } from '../../coaching/stages';
import { formatLocal } from '../../coaching/time';
import { type ContactData, STAGES, type Stage } from '../../coaching/types';
import { UNDO_MINUTES } from '../../coaching/undo';
import type { Message } from '../surfaces';
import { actions, button, esc, LIMITS, section } from './kit';

export const ARCHIVE_ACTIONS = {
  /** Undo on Archive, for a few minutes; the value is `encodePersonList`. */
  undo: 'people.undo_archive',
  /** Restore on an archived person, any time; the value is `encodePersonList`. */
  restore: 'people.restore',
} as const;

/** The list a click came from, to redraw it (the same shape as the people list's filter). */
export interface ListShown {
  stage: Stage | null;
  page: number;
}

/** A person and the list the click came from: "contact|stage|page". */
export function encodePersonList(contactId: string, list: ListShown): string {
  return [contactId, list.stage ?? '', String(list.page)].join('|');
}

export function decodePersonList(value: string | undefined): { contactId: string; list: ListShown } | null {
  const [contactId, stage, page] = (value ?? '').split('|');
  if (!contactId) return null;
  const validStage = (STAGES as readonly string[]).includes(stage ?? '') ? (stage as Stage) : null;
  const n = Number(page);
  return {
    contactId,
    list: { stage: validStage, page: validStage && Number.isInteger(n) && n > 1 ? Math.min(n, 9999) : 1 },
  };
}

/** The one step an archived person has: back on the list. */
export function restoreButton(contactId: string, list: ListShown): Button {
  return button('Restore', ARCHIVE_ACTIONS.restore, encodePersonList(contactId, list));
}

/** Goes above the list after Archive: what happened, and Undo until `undoUntil`. */
export function archivedNoticeBlocks(
  contact: ContactData,
  undoUntil: Date,
  tz: string,
  list: ListShown,
): KnownBlock[] {
  return [
    section(
      `:file_cabinet: Archived *${esc(contact.name)}*. Their notes stay, and I won't nudge you about them. Changed your mind? Undo puts them back where they were.`,
    ),
    actions('people_archived', [
      button(
        `Undo (until ${formatLocal(undoUntil, tz, 'time')})`,
        ARCHIVE_ACTIONS.undo,
        encodePersonList(contact.id, list),
      ),
    ]),
  ];
}

/** Goes above the list after Undo or Restore: where the person is now. */
export function restoredNoticeBlocks(contact: ContactData): KnownBlock[] {
  return [
    section(
      `:leftwards_arrow_with_hook: *${esc(contact.name)}* is back on your list, under *${esc(stageLabel(contact.stage))}*.`,
    ),
  ];
}

/** Undo or Restore that found the person no longer archived (or Undo too late). */
export function restoreRefusedText(name: string, problem: 'not_aside' | 'too_late'): string {
  return problem === 'too_late'
    ? `It has been more than ${UNDO_MINUTES} minutes, so Undo has run out. ${name} is still in your archive: press Restore next to them in \`/coach people archived\` to bring them back.`
    : `${name} is not archived any more, so nothing changed.`;
}

/** `notice` blocks on top of a list message, within the message's block limit. */
export function withNotice(message: Message, notice: KnownBlock[]): Message {
  return {
    text: message.text,
    blocks: [...notice, ...(message.blocks ?? [])].slice(0, LIMITS.messageBlocks),
  };
}
