import { contactsForPicker } from '../../../../services/targets';
import { openModal } from '../../../surfaces';
import { buildAddTargetModal } from '../../../views/add-target';
import type { Subcommand } from '../subcommand';

export const addSubcommand: Subcommand = {
  name: 'add',
  aliases: ['target'],
  usage: '/coach add [name]',
  summary: 'Add someone to your target list.',
  async run({ ack, client, command, args, scope, deps }) {
    await ack();
    await openModal(
      client,
      command.trigger_id,
      'Add a target',
      async () => buildAddTargetModal({ name: args, contacts: await contactsForPicker(deps.db, scope) }),
      deps.log,
    );
  },
};
