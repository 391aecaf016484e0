import { setGoals } from '../../../services/goals';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { buildGoalSavedModal, readGoalForm } from '../../views/goal';
import { onValidSubmission } from './submission';

export function goalSubmission(deps: AppDeps) {
  return onValidSubmission(deps, readGoalForm, async ({ ack, client, data, scope }) => {
    const progress = await setGoals(deps.db, scope, data, deps.clock.now());
    await ack({ response_action: 'update', view: buildGoalSavedModal(progress) });
    refreshHome(client, deps, scope);
  });
}
