import { parseTargetGoal } from '../../../../coaching/goals';
import { progressFor, setGoals } from '../../../../services/goals';
import { refreshHome } from '../../../home';
import { openModal } from '../../../surfaces';
import { buildGoalErrorMessage, buildGoalModal, buildGoalSetMessage } from '../../../views/goal';
import type { Subcommand } from '../subcommand';

export const goalSubcommand: Subcommand = {
  name: 'goal',
  aliases: ['goals'],
  usage: '/coach goal [n]',
  summary: 'Set how many people to have on your list (5–10 works well) and your weekly pace.',
  async run({ ack, client, command, args, scope, deps }) {
    if (args.trim() === '') {
      await ack();
      await openModal(
        client,
        command.trigger_id,
        'Your goals',
        async () => buildGoalModal(await progressFor(deps.db, scope, deps.clock.now())),
        deps.log,
      );
      return;
    }
    const parsed = parseTargetGoal(args);
    if (!parsed.ok) {
      await ack(buildGoalErrorMessage(parsed.message));
      return;
    }
    const progress = await setGoals(deps.db, scope, { targetGoal: parsed.value }, deps.clock.now());
    await ack(buildGoalSetMessage(progress));
    refreshHome(client, deps, scope);
  },
};
