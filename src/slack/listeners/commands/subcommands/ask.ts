import { openAskModal } from '../../actions/outreach-shared';
import type { Subcommand } from '../subcommand';

export const askSubcommand: Subcommand = {
  name: 'ask',
  aliases: ['draft'],
  usage: '/coach ask [name]',
  summary: 'Draft a short, specific ask for a 20-minute chat, and check it before you send.',
  async run({ ack, client, command, args, scope, deps }) {
    await ack();
    await openAskModal(client, deps, scope, command.trigger_id, { query: args });
  },
};
