// "Which one?": a small modal to pick one person from the list, when a typed name fits several people
// or none was typed. The callback id says what happens next.
import type { ModalView } from '@slack/types';
import { z } from 'zod';
import type { ContactData } from '../../coaching/types';
import { OPEN } from './action-ids';
import { addNamedButton } from './add-target';
import { readForm, type StateValues } from './form';
import type { EphemeralMessage } from './help';
import { actions, button, esc, modal, option, personLabel, section, selectInput } from './kit';

/** Picking someone to prepare questions for. */
export const PICK_FOR_PREP_CALLBACK_ID = 'pick_contact_prep';

export const PICK_CONTACT_BLOCKS = {
  contact: { blockId: 'pick_contact', actionId: 'value' },
} as const;

export function buildPickContactModal(input: {
  callbackId: string;
  title: string;
  intro: string;
  contacts: ContactData[];
  ambiguous: boolean;
  submit: string;
}): ModalView {
  const options = input.contacts.slice(-100).map((c) => option(personLabel(c), c.id));
  return modal({
    callbackId: input.callbackId,
    title: input.title,
    submit: input.submit,
    blocks: [
      section(input.intro),
      selectInput(
        PICK_CONTACT_BLOCKS.contact.blockId,
        PICK_CONTACT_BLOCKS.contact.actionId,
        input.ambiguous ? 'Which one?' : 'Person',
        options,
        { placeholder: 'Pick someone from your list' },
      ),
    ],
  });
}

export function readPickContactForm(values: StateValues) {
  return readForm(values, {
    contactId: { ...PICK_CONTACT_BLOCKS.contact, schema: z.string({ error: 'Pick one of them.' }) },
  });
}

export function pickContactMissingError(): Record<string, string> {
  return {
    [PICK_CONTACT_BLOCKS.contact.blockId]:
      "I can't find that person on your list any more. Pick someone else.",
  };
}

/** `/coach prep Xavier` when no one on the list is called that: add them with one click. */
export function noSuchContactMessage(query: string, subcommand: string): EphemeralMessage {
  const name = esc(query);
  const then = subcommand === 'prep' ? 'prepare questions for them' : `try \`/coach ${subcommand}\` again`;
  const text = `No one called "${name}" on your list yet. Add them first, then ${then}.`;
  return {
    response_type: 'ephemeral',
    text,
    blocks: [
      section(text),
      actions('no_such_contact', [addNamedButton(query), button('See my list', OPEN.people, '')]),
    ],
  };
}

export function emptyListMessage(): EphemeralMessage {
  const text =
    'Your list is empty so far. Add someone one or two steps ahead of you, then prepare for them here.';
  return {
    response_type: 'ephemeral',
    text,
    blocks: [section(text), actions('empty_list', [button('Add someone', OPEN.addTarget, '', 'primary')])],
  };
}
