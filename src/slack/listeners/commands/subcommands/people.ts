import { peopleByStage } from '../../../../services/people';
import { buildPeopleMessage, readPeopleArgs } from '../../../views/people';
import type { Subcommand } from '../subcommand';

export const peopleSubcommand: Subcommand = {
  name: 'people',
  aliases: ['pipeline'],
  usage: '/coach people [stage]',
  summary: 'Everyone on your list by stage, with each next step.',
  async run({ ack, args, scope, deps }) {
    const read = readPeopleArgs(args);
    if (!read.ok) {
      await ack({ response_type: 'ephemeral', text: read.message });
      return;
    }
    const stages = await peopleByStage(deps.db, scope, deps.clock.now());
    await ack({ response_type: 'ephemeral', ...buildPeopleMessage(stages, read.filter) });
  },
};
