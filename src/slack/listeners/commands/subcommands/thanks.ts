import { thankYouFor } from '../../../../services/thanks';
import { learnTimezone } from '../../../home';
import { buildThanksProblemMessage, buildThankYouMessage } from '../../../views/thanks';
import type { Subcommand } from '../subcommand';

export const thanksSubcommand: Subcommand = {
  name: 'thanks',
  aliases: ['thank', 'thankyou'],
  usage: '/coach thanks [name]',
  summary: 'A thank-you draft for your latest conversation (send it within 24 hours).',
  async run({ ack, client, args, scope, deps }) {
    await learnTimezone(client, deps, scope);
    const now = deps.clock.now();
    const found = await thankYouFor(deps.db, scope, { name: args || null }, now);
    await ack(
      found.ok
        ? { response_type: 'ephemeral', ...buildThankYouMessage(found.card, now) }
        : buildThanksProblemMessage(found.problem),
    );
  },
};
