import { referralChains } from '../../../../services/chain';
import { buildChainLookupText, buildChainMessage, buildPersonChainMessage } from '../../../views/chain';
import type { Subcommand } from '../subcommand';

export const chainSubcommand: Subcommand = {
  name: 'chain',
  aliases: ['referrals'],
  usage: '/coach chain [name]',
  summary: 'Your chain of introductions: who suggested whom.',
  async run({ ack, args, scope, deps }) {
    const chains = await referralChains(deps.db, scope, args || null);
    switch (chains.kind) {
      case 'all':
        await ack({ response_type: 'ephemeral', ...buildChainMessage(chains) });
        return;
      case 'person':
        await ack({
          response_type: 'ephemeral',
          ...buildPersonChainMessage(chains.contact, chains.chain, chains.also),
        });
        return;
      default:
        await ack({ response_type: 'ephemeral', text: buildChainLookupText(chains) });
    }
  },
};
