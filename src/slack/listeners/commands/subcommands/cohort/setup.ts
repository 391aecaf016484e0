// `/coach cohort setup`, typed in the cohort's channel: the setup modal, prefilled with the cohort's
// settings when the channel has one. Who may change it is checked here for the modal, and again when
// it is submitted (listeners/views/cohort-setup.ts): that check is the one that counts.
import { resolveZone } from '../../../../../coaching/time';
import { cohortSetupFor } from '../../../../../services/cohorts';
import { appInChannel, personFacts } from '../../../../channels';
import { openModal } from '../../../../surfaces';
import {
  buildCohortSetupModal,
  buildSetupInChannelMessage,
  buildSetupRefusedModal,
} from '../../../../views/cohort-setup';
import type { CohortAction } from './index';

export const cohortSetupAction: CohortAction = {
  name: 'setup',
  usage: '/coach cohort setup',
  summary: 'Set up (or change) the cohort of the channel you type it in: weekly goal, digest, facilitators.',
  async run({ ack, client, command, scope, deps }) {
    const channelId = command.channel_id;
    if (!channelId || channelId.startsWith('D')) {
      await ack(buildSetupInChannelMessage());
      return;
    }
    await ack();
    await openModal(
      client,
      command.trigger_id,
      'Cohort settings',
      async () => {
        const me = await personFacts(client, scope.userId);
        const access = await cohortSetupFor(deps.db, scope, {
          channelId,
          isAdmin: me.isAdmin,
          tz: resolveZone(me.tz),
        });
        if (!access.allowed) return buildSetupRefusedModal(access.refusal);
        const check = await appInChannel(client, channelId);
        return buildCohortSetupModal({ ...access.form, appInChannel: check.ok });
      },
      deps.log,
    );
  },
};
