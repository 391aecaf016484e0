// Submitting "Draft an ask" and "Edit your ask".
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { createAskDraft, editAsk } from '../../../services/ask';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { memberScope } from '../../pipeline/middleware';
import { dmLater, updateInMemberDm } from '../../surfaces';
import {
  askContactMissingError,
  askDuplicateError,
  askNotFoundText,
  buildAskDraftMessage,
  readAskEditForm,
  readAskEditMetadata,
  readAskForm,
  readAskMetadata,
} from '../../views/ask';
import { noticeModal } from '../../views/kit';
import { onValidSubmission } from './submission';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

export function askSubmission(deps: AppDeps) {
  return onValidSubmission(deps, readAskForm, async ({ ack, view, client, data, scope, key }) => {
    const { senderFirstName } = readAskMetadata(view.private_metadata);
    const result = await createAskDraft(deps.db, scope, data, deps.clock.now(), senderFirstName, key);
    if (!result.ok) {
      const errors =
        result.problem === 'duplicate' ? askDuplicateError(result.existing) : askContactMissingError();
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    dmLater(
      deps,
      client,
      scope.userId,
      buildAskDraftMessage({ ...result.draft, addedToList: result.addedToList }),
    );
    refreshHome(client, deps, scope);
  });
}

export function askEditSubmission(deps: AppDeps) {
  return async ({ ack, view, client, context }: SubmitArgs) => {
    const scope = memberScope(context);
    const form = readAskEditForm(view.state.values);
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    // The ask id (and the message it lives in) come back in private_metadata: re-checked as the member's.
    const where = readAskEditMetadata(view.private_metadata);
    const result = where ? await editAsk(deps.db, scope, where.askId, form.data.text) : null;
    if (!where || !result || (!result.ok && result.problem === 'not_found')) {
      deps.log.info(
        { team: scope.workspaceId, user: scope.userId },
        'edit submitted for an ask that is not the member’s',
      );
      await ack({ response_action: 'update', view: noticeModal('Edit your ask', askNotFoundText()) });
      return;
    }
    await ack();
    const message = buildAskDraftMessage(result.draft);
    deps.later.run('ask draft update', () =>
      updateInMemberDm(client, scope.userId, where, message, deps.log),
    );
    if (result.ok) refreshHome(client, deps, scope);
  };
}
