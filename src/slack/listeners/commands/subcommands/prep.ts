import { findContacts } from '../../../../services/targets';
import { openModal } from '../../../surfaces';
import { esc } from '../../../views/kit';
import {
  buildPickContactModal,
  emptyListMessage,
  noSuchContactMessage,
  PICK_FOR_PREP_CALLBACK_ID,
} from '../../../views/pick-contact';
import { sendPrepDm } from '../../actions/outreach-shared';
import type { Subcommand } from '../subcommand';

export const prepSubcommand: Subcommand = {
  name: 'prep',
  aliases: ['questions'],
  usage: '/coach prep [name]',
  summary: 'Questions worth their time for your next chat, and booking it.',
  async run({ ack, client, command, args, scope, deps }) {
    const lookup = await findContacts(deps.db, scope, args);
    if (lookup.kind === 'none') {
      await ack(noSuchContactMessage(lookup.query, 'prep'));
      return;
    }
    if (lookup.kind === 'any' && lookup.contacts.length === 0) {
      await ack(emptyListMessage());
      return;
    }
    if (lookup.kind === 'one') {
      await ack({
        response_type: 'ephemeral',
        text: `:memo: Your questions for *${esc(lookup.contact.name)}* are in our DM, so they are easy to find before the chat.`,
      });
      deps.later.run('prep dm', () => sendPrepDm(client, deps, scope, lookup.contact.id));
      return;
    }
    await ack();
    const ambiguous = lookup.kind === 'several';
    await openModal(
      client,
      command.trigger_id,
      'Prepare questions',
      async () =>
        buildPickContactModal({
          callbackId: PICK_FOR_PREP_CALLBACK_ID,
          title: 'Prepare questions',
          intro: ambiguous
            ? `More than one person on your list matches "${esc(args)}". Who are you meeting?`
            : 'Who are you meeting? I will send you questions worth their time.',
          contacts: ambiguous ? lookup.matches : lookup.contacts,
          ambiguous,
          submit: 'Send me questions',
        }),
      deps.log,
    );
  },
};
