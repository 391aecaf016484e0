import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { addTarget } from '../../../services/targets';
import { type AppDeps, scopeOf } from '../../deps';
import { refreshHome } from '../../home';
import { sendDm } from '../../surfaces';
import { buildTargetAddedMessage, duplicateNameError, readAddTargetForm } from '../../views/add-target';

export function addTargetSubmission(deps: AppDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const scope = scopeOf(body);
    const form = readAddTargetForm(view.state.values);
    if (!form.ok || !scope) {
      await ack({ response_action: 'errors', errors: form.ok ? {} : form.errors });
      return;
    }
    const result = await addTarget(deps.db, scope, form.data, deps.clock.now());
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: duplicateNameError(result.duplicate) });
      return;
    }
    await ack();
    await sendDm(
      client,
      scope.userId,
      buildTargetAddedMessage(result.contact, result.progress, result.referrer),
    );
    await refreshHome(client, deps, scope);
  };
}
