// "Delete everything" confirmed: all of the member's data goes, in one transaction.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { emptySnapshot, forgetMember } from '../../../services/data';
import { type AppDeps, scopeOf } from '../../deps';
import { sendDm } from '../../surfaces';
import { buildForgottenMessage } from '../../views/data';
import { buildHomeView } from '../../views/home';

export function forgetSubmission(deps: AppDeps) {
  return async ({ ack, body, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    await ack();
    const scope = scopeOf(body);
    if (!scope) return;
    const deleted = await forgetMember(deps.db, scope);
    deps.log.info({ team: scope.workspaceId, user: scope.userId, deleted }, 'member data deleted on request');
    await sendDm(client, scope.userId, buildForgottenMessage(deleted));
    // An empty Home tab, published without creating the member again.
    await client.views.publish({
      user_id: scope.userId,
      view: buildHomeView(emptySnapshot(), deps.clock.now()),
    });
  };
}
