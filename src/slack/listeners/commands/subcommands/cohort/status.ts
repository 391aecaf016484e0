// `/coach cohort status`, in the cohort's channel: a facilitator sees each student who shares, who has
// gone quiet and everyone's totals; a student sees their own week and the totals. Always private.
import { cohortStatus } from '../../../../../services/cohort-digests';
import { buildCohortStatus, buildNotACohortChannel } from '../../../../views/cohort-status';
import type { CohortAction } from './index';

export const cohortStatusAction: CohortAction = {
  name: 'status',
  usage: '/coach cohort status',
  summary: "See the cohort's week so far: your own standing, or each student's if you facilitate.",
  async run({ ack, command, scope, deps }) {
    const status = await cohortStatus(deps.db, scope, command.channel_id, deps.clock.now());
    await ack(status.kind === 'no_cohort' ? buildNotACohortChannel('status') : buildCohortStatus(status));
  },
};
