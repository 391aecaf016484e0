// The sharing modal submitted: the member's choice is saved once, and the modal says what changed.
import { changeSharing } from '../../../services/cohorts';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { buildSharingSavedModal, readSharingForm } from '../../views/cohort-sharing';
import { onValidSubmission } from './submission';

export function cohortSharingSubmission(deps: AppDeps) {
  return onValidSubmission(deps, readSharingForm, async ({ ack, client, data, scope, key }) => {
    const change = await changeSharing(deps.db, scope, data, deps.clock.now(), key);
    await ack({ response_action: 'update', view: buildSharingSavedModal(change) });
    refreshHome(client, deps, scope);
  });
}
