// `/coach who-knows <company or role>`: quietly asks classmates who might know someone there. The
// answer is built from the query alone (see answerOf): it never says who was asked, or whether anyone was.
import { askClassmates } from '../../../../services/intros';
import { dmLater } from '../../../surfaces';
import { answerOf, buildClassmateAskMessage, buildWhoKnowsAnswer } from '../../../views/intros';
import type { Subcommand } from '../subcommand';

export const whoKnowsSubcommand: Subcommand = {
  name: 'who-knows',
  aliases: ['whoknows'],
  usage: '/coach who-knows <company or role>',
  summary:
    'Quietly ask classmates whether one of them can introduce you to someone at a company or in a role.',
  async run({ ack, args, scope, deps, client }) {
    const now = deps.clock.now();
    const result = await askClassmates(deps.db, scope, args, now);
    await ack({ response_type: 'ephemeral', ...buildWhoKnowsAnswer(answerOf(result), now) });
    if (result.kind !== 'sent') return;
    for (const ask of result.asks) dmLater(deps, client, ask.classmateUserId, buildClassmateAskMessage(ask));
  },
};
