// Submitting "Your goals": saved, then the modal shows where the member stands.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { setGoals } from '../../../services/goals';
import { type AppDeps, scopeOf } from '../../deps';
import { refreshHome } from '../../home';
import { buildGoalSavedModal, readGoalForm } from '../../views/goal';

export function goalSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const scope = scopeOf(body);
    const form = readGoalForm(view.state.values);
    if (!form.ok || !scope) {
      await ack({ response_action: 'errors', errors: form.ok ? {} : form.errors });
      return;
    }
    const progress = await setGoals(deps.db, scope, form.data, deps.clock.now());
    await ack({ response_action: 'update', view: buildGoalSavedModal(progress) });
    await refreshHome(client, deps, scope);
  };
}
