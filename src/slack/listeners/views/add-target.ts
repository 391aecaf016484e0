import { addTarget } from '../../../services/targets';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { sendDm } from '../../surfaces';
import { buildTargetAddedMessage, duplicateNameError, readAddTargetForm } from '../../views/add-target';
import { onValidSubmission } from './submission';

export function addTargetSubmission(deps: AppDeps) {
  return onValidSubmission(readAddTargetForm, async ({ ack, client, data, scope }) => {
    const result = await addTarget(deps.db, scope, data, deps.clock.now());
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
  });
}
