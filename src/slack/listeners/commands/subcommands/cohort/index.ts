// `/coach cohort <action>`: running a cohort in a channel. Each action lives in its own file in this
// folder and is listed here; `/coach cohort` alone (or an unknown action) lists them.
import type { Subcommand, SubcommandContext } from '../../subcommand';
import { cohortDigestAction } from './digest';
import { cohortSetupAction } from './setup';
import { cohortSharingAction } from './sharing';
import { cohortStatusAction } from './status';

export interface CohortAction {
  name: string;
  usage: string;
  summary: string;
  run(ctx: SubcommandContext): Promise<void>;
}

/** Every cohort action, in the order the list shows them. */
export const COHORT_ACTIONS: CohortAction[] = [
  cohortSetupAction,
  cohortSharingAction,
  cohortStatusAction,
  cohortDigestAction,
];

function actionList(): string {
  return COHORT_ACTIONS.map((a) => `• \`${a.usage}\`: ${a.summary}`).join('\n');
}

export const cohortSubcommand: Subcommand = {
  name: 'cohort',
  aliases: ['cohorts'],
  usage: '/coach cohort [setup | sharing | status | digest]',
  summary: 'Run a cohort in a channel, or choose what your cohort sees of your progress.',
  async run(ctx) {
    const [name = '', ...rest] = ctx.args.trim().split(/\s+/);
    const action = COHORT_ACTIONS.find((a) => a.name === name.toLowerCase());
    if (!action) {
      const intro = name
        ? `I don't know \`/coach cohort ${name}\`. Here is what works:`
        : 'A cohort is a group practising informational interviews together, in its own channel. Here is what you can do:';
      await ctx.ack({ response_type: 'ephemeral', text: `${intro}\n${actionList()}` });
      return;
    }
    await action.run({ ...ctx, args: rest.join(' ') });
  },
};
