// `/coach cohort sharing`, anywhere: what the member's cohort sees of their progress.
import { openSharingModal } from '../../../actions/cohort-sharing';
import type { CohortAction } from './index';

export const cohortSharingAction: CohortAction = {
  name: 'sharing',
  usage: '/coach cohort sharing',
  summary: 'Choose what your cohort sees of your progress, and whether classmates may ask you for intros.',
  async run({ ack, client, command, scope, deps }) {
    await ack();
    await openSharingModal(client, deps, scope, command.trigger_id);
  },
};
