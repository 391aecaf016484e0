// Submitting "Draft an ask" and "Edit your ask".
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { createAskDraft, editAsk } from '../../../services/ask';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { memberScope } from '../../pipeline/middleware';
import { dmLater } from '../../surfaces';
import {
  askContactMissingError,
  askDuplicateError,
  buildAskDraftMessage,
  readAskEditForm,
  readAskEditMetadata,
  readAskForm,
  readAskMetadata,
} from '../../views/ask';
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
    const where = readAskEditMetadata(view.private_metadata);
    if (!where) {
      await ack();
      return;
    }
    const result = await editAsk(deps.db, scope, where.askId, form.data.text);
    await ack();
    if (!result.ok && result.problem === 'not_found') {
      deps.log.info(
        { team: scope.workspaceId, user: scope.userId },
        'edit submitted for an ask that is not the member’s',
      );
      return;
    }
    const message = buildAskDraftMessage(result.draft);
    deps.later.run('ask draft update', () =>
      client.chat.update({
        channel: where.channel,
        ts: where.ts,
        text: message.text,
        blocks: message.blocks,
      }),
    );
    if (result.ok) refreshHome(client, deps, scope);
  };
}
