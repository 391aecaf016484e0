// `/coach cohort digest`, in the cohort's channel: a facilitator's private preview of this week's digest
// so far; anyone else is told only facilitators can preview it.
import { digestPreview } from '../../../../../services/cohort-digests';
import { buildDigestNotFacilitator, buildDigestPreview } from '../../../../views/cohort-digest';
import { buildNotACohortChannel } from '../../../../views/cohort-status';
import type { CohortAction } from './index';

export const cohortDigestAction: CohortAction = {
  name: 'digest',
  usage: '/coach cohort digest',
  summary: "Facilitators: preview this week's digest before it posts in the channel.",
  async run({ ack, command, scope, deps }) {
    const preview = await digestPreview(deps.db, scope, command.channel_id, deps.clock.now());
    switch (preview.kind) {
      case 'no_cohort':
        await ack(buildNotACohortChannel('digest'));
        return;
      case 'not_facilitator':
        await ack(buildDigestNotFacilitator(preview.cohort));
        return;
      case 'preview':
        await ack(buildDigestPreview(preview.cohort, preview.digest, preview.soFar));
        return;
    }
  },
};
