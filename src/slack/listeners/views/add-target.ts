import { addTarget } from '../../../services/targets';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { dmLater } from '../../surfaces';
import { buildTargetAddedMessage, duplicateNameError, readAddTargetForm } from '../../views/add-target';
import { onValidSubmission } from './submission';

export function addTargetSubmission(deps: AppDeps) {
  return onValidSubmission(deps, readAddTargetForm, async ({ ack, client, data, scope, key }) => {
    const result = await addTarget(deps.db, scope, data, deps.clock.now(), key);
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: duplicateNameError(result.duplicate) });
      return;
    }
    await ack();
    dmLater(
      deps,
      client,
      scope.userId,
      buildTargetAddedMessage(result.contact, result.progress, result.referrer),
    );
    refreshHome(client, deps, scope);
  });
}
