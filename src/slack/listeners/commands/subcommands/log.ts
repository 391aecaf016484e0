import { openLogModal } from '../../views/log';
import type { Subcommand } from '../subcommand';

export const logSubcommand: Subcommand = {
  name: 'log',
  usage: '/coach log [name]',
  summary: 'Log a conversation: what you learned, one thing to act on, who else to talk to.',
  async run({ ack, client, command, args, scope, deps }) {
    await ack();
    await openLogModal(client, deps, scope, command.trigger_id, { typed: args || null });
  },
};
