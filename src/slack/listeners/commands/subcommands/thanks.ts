import { knownTimezone } from '../../../../services/prep';
import { thankYouFor } from '../../../../services/thanks';
import { learnTimezone } from '../../../home';
import { buildThanksProblemMessage, buildThankYouMessage } from '../../../views/thanks';
import type { Subcommand } from '../subcommand';

export const thanksSubcommand: Subcommand = {
  name: 'thanks',
  aliases: ['thank', 'thankyou'],
  usage: '/coach thanks [name]',
  summary: 'A thank-you draft for your latest conversation (send it within 24 hours).',
  async run({ ack, respond, client, args, scope, deps }) {
    // The draft shows its deadline in the member's time: a first-time member's timezone comes from
    // Slack, after the ack, and the draft follows through response_url.
    const known = await knownTimezone(deps.db, scope);
    if (!known) {
      await ack();
      await learnTimezone(client, deps, scope);
    }
    const now = deps.clock.now();
    const found = await thankYouFor(deps.db, scope, { name: args || null }, now);
    const message = found.ok
      ? { response_type: 'ephemeral' as const, ...buildThankYouMessage(found.card, now) }
      : buildThanksProblemMessage(found.problem);
    if (known) await ack(message);
    else await respond(message);
  },
};
