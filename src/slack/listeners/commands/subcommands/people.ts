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
    const stages = await peopleByStage(deps.db, scope, deps.clock.now());
    // A stage word that is not understood still gets the list, with the stage menu to pick from.
    const message = read.ok
      ? buildPeopleMessage(stages, read.filter)
      : buildPeopleMessage(stages, { stage: null, page: 1 }, read.message);
    await ack({ response_type: 'ephemeral', ...message });
  },
};
