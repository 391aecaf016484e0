// "Draft an ask": the modal, the DM with the draft and its check, and the edit modal.
import type { InputBlock, KnownBlock, ModalView } from '@slack/types';
import { z } from 'zod';
import type { AskCheck } from '../../coaching/ask-checker';
import { listProgressLine } from '../../coaching/goals';
import { formatLocal } from '../../coaching/time';
import { ASK_CHANNELS, type AskChannel, type AskData, type ContactData } from '../../coaching/types';
import { UNDO_MINUTES } from '../../coaching/undo';
import { readerName } from '../../coaching/voice';
import type { NewAskInput } from '../../services/ask';
import type { Message } from '../surfaces';
import {
  MessageRef,
  optionalText,
  rawValue,
  readForm,
  readJson,
  type StateValues,
  wholeNumber,
} from './form';
import {
  actions,
  button,
  codeSections,
  context,
  esc,
  messageText,
  modal,
  option,
  personLabel,
  section,
  selectInput,
  textInput,
} from './kit';
import { REPLY_ACTIONS } from './reply';

export const ASK_CALLBACK_ID = 'ask_draft';
export const ASK_EDIT_CALLBACK_ID = 'ask_edit';

/** The picker's value for someone who is not on the list yet. */
export const NEW_PERSON = 'new';

export const ASK_BLOCKS = {
  person: { blockId: 'ask_person', actionId: 'ask.person' },
  newName: { blockId: 'ask_new_name', actionId: 'value' },
  newRole: { blockId: 'ask_new_role', actionId: 'value' },
  newCompany: { blockId: 'ask_new_company', actionId: 'value' },
  about: { blockId: 'ask_about', actionId: 'value' },
  /** Followed by ".<contact id>" so picking someone else resets the field to their saved reason. */
  why: { blockId: 'ask_why', actionId: 'value' },
  minutes: { blockId: 'ask_minutes', actionId: 'value' },
  channel: { blockId: 'ask_channel', actionId: 'value' },
} as const;

export const ASK_EDIT_BLOCKS = {
  text: { blockId: 'ask_edit_text', actionId: 'value' },
} as const;

/** Buttons under a draft; the value is the ask id. */
export const ASK_ACTIONS = {
  edit: 'ask.edit',
  another: 'ask.another',
  markSent: 'ask.mark_sent',
  /** Takes "Mark as sent" back for a few minutes; the value is the ask id. */
  undoSent: 'ask.undo_sent',
} as const;

export const ASK_DRAFT_ACTIONS_BLOCK = 'ask_draft_actions';
/** The buttons under a sent ask (Got a reply, Undo). */
export const ASK_SENT_ACTIONS_BLOCK = 'ask_sent_actions';

export const ASK_MINUTES = { min: 10, max: 45 } as const;

const CHANNEL_LABELS: Record<AskChannel, string> = {
  linkedin: 'LinkedIn',
  email: 'Email',
  slack: 'Slack',
  other: 'Other',
};

const B = ASK_BLOCKS;

export interface AskModalInput {
  options: ContactData[];
  selectedId: string | null;
  newPerson: boolean;
  ambiguous: boolean;
  newName: string | null;
  newRole?: string | null;
  newCompany?: string | null;
  about: string | null;
  why: string | null;
  minutes: number;
  channel: AskChannel;
  /** For the sign-off; carried in private_metadata so submitting needs no extra Slack call. */
  senderFirstName: string | null;
}

const AskMetadata = z.object({ sender: z.string().max(100).nullable() });

export function readAskMetadata(privateMetadata: string | undefined): { senderFirstName: string | null } {
  return { senderFirstName: readJson(privateMetadata, AskMetadata)?.sender ?? null };
}

export function buildAskModal(input: AskModalInput): ModalView {
  const showPicker = input.options.length > 0;
  const personOptions = [
    ...input.options.slice(-99).map((c) => option(personLabel(c), c.id)),
    option('Someone new', NEW_PERSON),
  ];
  const selected = input.newPerson ? NEW_PERSON : input.selectedId;
  const picker: InputBlock = {
    ...selectInput(
      B.person.blockId,
      B.person.actionId,
      input.ambiguous ? 'Which one?' : 'Person',
      personOptions,
      {
        initial: selected,
        placeholder: 'Pick someone from your list',
        ...(input.ambiguous ? { hint: 'More than one person on your list matches that name.' } : {}),
      },
    ),
    dispatch_action: true,
  };
  const showNew = input.newPerson || !showPicker;
  const blocks: KnownBlock[] = [
    section(
      'A short, specific note: who you are, why them, and a clear ask for about 20 minutes at a time that suits them.',
    ),
    ...(showPicker ? [picker] : []),
    ...(showNew
      ? [
          textInput(B.newName.blockId, B.newName.actionId, 'Name', {
            initial: input.newName,
            maxLength: 100,
          }),
          textInput(B.newRole.blockId, B.newRole.actionId, 'Role', {
            optional: true,
            initial: input.newRole,
            placeholder: 'e.g. UX Researcher',
            maxLength: 100,
          }),
          textInput(B.newCompany.blockId, B.newCompany.actionId, 'Company', {
            optional: true,
            initial: input.newCompany,
            maxLength: 100,
          }),
        ]
      : []),
    textInput(B.about.blockId, B.about.actionId, 'About you', {
      optional: true,
      initial: input.about,
      maxLength: 200,
      placeholder: 'e.g. moving from teaching to UX research',
      hint: 'One line on where you are heading. I keep it for your next asks.',
    }),
    textInput(whyBlockId(showNew ? NEW_PERSON : input.selectedId), B.why.actionId, 'Why them', {
      optional: true,
      multiline: true,
      initial: input.why,
      maxLength: 500,
      placeholder: 'e.g. moved from teaching into research two years ago',
      hint: 'What about their path made you pick them. It is what makes the ask specific.',
    }),
    textInput(B.minutes.blockId, B.minutes.actionId, 'Minutes to ask for', {
      initial: String(input.minutes),
      maxLength: 2,
      hint: 'About 20 is easy to say yes to.',
    }),
    selectInput(
      B.channel.blockId,
      B.channel.actionId,
      'Channel',
      ASK_CHANNELS.map((c) => option(CHANNEL_LABELS[c], c)),
      { initial: input.channel },
    ),
  ];
  return modal({
    callbackId: ASK_CALLBACK_ID,
    title: 'Draft an ask',
    submit: 'Draft it',
    blocks,
    privateMetadata: JSON.stringify({
      sender: input.senderFirstName ? input.senderFirstName.slice(0, 100) : null,
    }),
  });
}

function whyBlockId(contactId: string | null): string {
  return `${B.why.blockId}.${contactId ?? 'none'}`;
}

/** Whatever is in the modal right now, unvalidated: used to keep the member's typing when it is rebuilt. */
export function currentAskInputs(values: StateValues): {
  selected: string | null;
  newName: string | null;
  newRole: string | null;
  newCompany: string | null;
  about: string | null;
  minutes: number | null;
  channel: AskChannel | null;
} {
  const text = (block: { blockId: string; actionId: string }): string | null => {
    const v = rawValue(values, block.blockId, block.actionId);
    return typeof v === 'string' ? v : null;
  };
  const minutes = Number(text(B.minutes));
  const channel = text(B.channel);
  return {
    selected: text(B.person),
    newName: text(B.newName),
    newRole: text(B.newRole),
    newCompany: text(B.newCompany),
    about: text(B.about),
    minutes: Number.isInteger(minutes) && minutes > 0 ? minutes : null,
    channel: (ASK_CHANNELS as readonly string[]).includes(channel ?? '') ? (channel as AskChannel) : null,
  };
}

/** What the ask modal yields: exactly what the ask service takes. */
export type AskFormInput = NewAskInput;

export function readAskForm(
  values: StateValues,
): { ok: true; data: AskFormInput } | { ok: false; errors: Record<string, string> } {
  const whyBlock = Object.keys(values).find((id) => id.startsWith(`${B.why.blockId}.`)) ?? B.why.blockId;
  const form = readForm(values, {
    about: { ...B.about, schema: optionalText(200, 'this line') },
    why: { blockId: whyBlock, actionId: B.why.actionId, schema: optionalText(500, 'your reason') },
    minutes: {
      ...B.minutes,
      schema: wholeNumber(
        ASK_MINUTES.min,
        ASK_MINUTES.max,
        `Ask for ${ASK_MINUTES.min} to ${ASK_MINUTES.max} minutes. About 20 is easiest to say yes to.`,
      ),
    },
    channel: { ...B.channel, schema: z.enum(ASK_CHANNELS, { error: 'Pick where you will send it.' }) },
  });
  const errors: Record<string, string> = form.ok ? {} : { ...form.errors };

  const hasPicker = B.person.blockId in values;
  const selected = rawValue(values, B.person.blockId, B.person.actionId);
  let person: AskFormInput['person'] | null = null;
  if (hasPicker && typeof selected === 'string' && selected !== NEW_PERSON) {
    person = { kind: 'existing', contactId: selected };
  } else if (hasPicker && typeof selected !== 'string') {
    errors[B.person.blockId] = 'Pick someone from your list, or choose "Someone new".';
  } else if (!(B.newName.blockId in values)) {
    // "Someone new" was picked but the name fields have not appeared yet.
    errors[B.person.blockId] = 'Pick "Someone new" again so the name fields appear.';
  } else {
    const person_ = readForm(values, {
      name: {
        ...B.newName,
        schema: z
          .string({ error: 'Please add their name.' })
          .max(100, 'Please keep the name under 100 characters.'),
      },
      role: { ...B.newRole, schema: optionalText(100, 'the role') },
      company: { ...B.newCompany, schema: optionalText(100, 'the company') },
    });
    if (person_.ok) {
      person = {
        kind: 'new',
        name: person_.data.name,
        role: person_.data.role ?? null,
        company: person_.data.company ?? null,
      };
    } else Object.assign(errors, person_.errors);
  }

  if (!form.ok || !person || Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    data: {
      person,
      about: form.data.about ?? null,
      why: form.data.why ?? null,
      minutes: form.data.minutes,
      channel: form.data.channel,
    },
  };
}

export function askDuplicateError(existing: ContactData): Record<string, string> {
  return {
    [B.newName.blockId]: `${existing.name} is already on your list. Pick them under Person instead.`,
  };
}

export function askContactMissingError(): Record<string, string> {
  return { [B.person.blockId]: "I can't find that person on your list any more. Pick someone else." };
}

// ---------------------------------------------------------------------------------------------
// The DM with the draft.

export interface AskDraftMessageInput {
  ask: AskData;
  contact: ContactData;
  check: AskCheck;
  tz: string;
  /** Set when the ask modal added a new person to the list. */
  addedToList?: { have: number; goal: number } | null;
  /** Set when the "About you" line asked for a job: left out of the draft and not kept. */
  aboutNotSaved?: boolean;
  /** Until when "Mark as sent" can be undone; no Undo button without it. */
  undoUntil?: Date | null;
  /** Set right after Undo put the ask back to a draft. */
  unsent?: boolean;
}

/** "Another version" carries the version it was shown with, so a second click on the same one is stale. */
function anotherVersionValue(askId: string, variant: number): string {
  return `${askId}|${variant}`;
}

export function parseAnotherVersionValue(
  value: string | undefined,
): { askId: string; variant: number | null } | null {
  if (!value) return null;
  const [askId, variant] = value.split('|');
  if (!askId) return null;
  const n = Number(variant);
  return { askId, variant: variant !== undefined && Number.isInteger(n) && n >= 0 ? n : null };
}

/** A click on "Mark as sent" for an ask marked sent before: the current state, and nothing changed. */
export function askAlreadySentText(sentAt: Date, tz: string): string {
  return `You already marked this ask as sent on ${formatLocal(sentAt, tz, 'date')}, so nothing changed.`;
}

export function buildAskDraftMessage(input: AskDraftMessageInput): Message {
  const { ask, contact, check } = input;
  const name = esc(contact.name);
  const via = CHANNEL_LABELS[ask.channel];
  const blocks: KnownBlock[] = [
    section(
      ask.sentAt
        ? `:envelope_with_arrow: Your ask to *${name}* (${via}):`
        : `:writing_hand: Here is a draft for *${name}* (${via}). Copy it, make it sound like you, and send it yourself.`,
    ),
    ...codeSections(ask.text),
    ...checkBlocks(check),
  ];
  if (ask.sentAt) {
    const reader = esc(readerName(contact.name).greeting);
    blocks.push(
      context(
        ask.repliedAt
          ? `:white_check_mark: Sent on ${formatLocal(ask.sentAt, input.tz, 'date')}, and ${reader} replied.`
          : `:white_check_mark: Marked as sent on ${formatLocal(ask.sentAt, input.tz, 'date')}. If ${reader} hasn't replied in a week, I'll remind you once to send a friendly follow-up. When they answer, press *Got a reply*.`,
      ),
    );
    const sentButtons = [
      ...(ask.repliedAt ? [] : [button('Got a reply', REPLY_ACTIONS.gotReply, ask.id, 'primary')]),
      ...(input.undoUntil && !ask.repliedAt
        ? [
            button(
              `Undo (until ${formatLocal(input.undoUntil, input.tz, 'time')})`,
              ASK_ACTIONS.undoSent,
              ask.id,
            ),
          ]
        : []),
    ];
    if (sentButtons.length > 0) blocks.push(actions(ASK_SENT_ACTIONS_BLOCK, sentButtons));
  } else {
    if (input.unsent) {
      blocks.push(
        context(
          ':leftwards_arrow_with_hook: Undone: this is a draft again. Send it when you are ready, then press *Mark as sent*.',
        ),
      );
    }
    blocks.push(
      actions(ASK_DRAFT_ACTIONS_BLOCK, [
        button('Edit', ASK_ACTIONS.edit, ask.id),
        button('Another version', ASK_ACTIONS.another, anotherVersionValue(ask.id, ask.variant)),
        button('Mark as sent', ASK_ACTIONS.markSent, ask.id, 'primary'),
      ]),
    );
  }
  if (input.aboutNotSaved) {
    blocks.push(
      context(
        ":seedling: I left your *About you* line out of this draft and didn't keep it for next time, as it asks about a job. A first message lands best when it only asks to learn; openings tend to come up later. You can write a new one the next time you draft an ask (`/coach ask`).",
      ),
    );
  }
  if (input.addedToList) {
    blocks.push(
      context(
        `:dart: Added ${name} to your list — ${listProgressLine(input.addedToList.have, input.addedToList.goal)}.`,
      ),
    );
  }
  const status = ask.sentAt ? 'Sent' : 'Draft';
  return { text: messageText(`${status} ask to ${contact.name}: ${ask.text}`), blocks };
}

function checkBlocks(check: AskCheck): KnownBlock[] {
  if (check.ok) {
    return [
      context(
        `✓ Ready to send: ${check.wordCount} words, a clear reason for choosing them, one time-boxed ask, no job request.`,
      ),
    ];
  }
  const lines = check.issues.map((issue) => `• ${esc(issue.message)}\n      _${esc(issue.fix)}_`);
  return [section(`*Worth a look before you send:*\n${lines.join('\n')}`)];
}

// ---------------------------------------------------------------------------------------------
// Editing a draft.

const EditMetadata = MessageRef.extend({ askId: z.string().min(1) });
export type AskEditMetadata = z.infer<typeof EditMetadata>;

export function buildAskEditModal(input: {
  contactName: string;
  text: string;
  metadata: AskEditMetadata;
}): ModalView {
  return modal({
    callbackId: ASK_EDIT_CALLBACK_ID,
    title: 'Edit your ask',
    submit: 'Check and save',
    privateMetadata: JSON.stringify(input.metadata),
    blocks: [
      section(
        `Make it sound like you. When you save, I'll check it again and update the draft for *${esc(input.contactName)}*.`,
      ),
      textInput(ASK_EDIT_BLOCKS.text.blockId, ASK_EDIT_BLOCKS.text.actionId, 'Your message', {
        multiline: true,
        initial: input.text,
        maxLength: 3000,
      }),
      context(
        'Keep it short: who you are, why them, and one clear ask for about 20 minutes. Never ask for a job.',
      ),
    ],
  });
}

export function readAskEditMetadata(privateMetadata: string | undefined): AskEditMetadata | null {
  return readJson(privateMetadata, EditMetadata);
}

export function readAskEditForm(values: StateValues) {
  return readForm(values, {
    text: {
      ...ASK_EDIT_BLOCKS.text,
      schema: z
        .string({ error: 'Please write your message, or close this to keep the draft.' })
        .max(3000, 'Please keep it under 3,000 characters; a short note gets more replies.'),
    },
  });
}

/** Undo on "Mark as sent" that can no longer undo: why, and what to do instead. */
export function askUndoRefusedText(problem: 'not_sent' | 'too_late' | 'moved_on'): string {
  switch (problem) {
    case 'not_sent':
      return 'This ask is not marked as sent any more, so there is nothing to undo.';
    case 'too_late':
      return `It has been more than ${UNDO_MINUTES} minutes, so this one stays marked as sent. If you have not sent it yet, send it now and nothing is lost.`;
    case 'moved_on':
      return 'They have replied (or you followed up) since, so it stays marked as sent.';
  }
}

/** What an action answers when the ask is not the clicker's (or gone). */
export function askNotFoundText(): string {
  return "I couldn't find that draft among yours. Start a new one with `/coach ask`.";
}
