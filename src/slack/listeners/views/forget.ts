// "Delete everything" confirmed: all of the member's data goes, in one transaction.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { emptySnapshot, forgetMember } from '../../../services/data';
import type { AppDeps } from '../../deps';
import { memberScope } from '../../pipeline/middleware';
import { dmLater } from '../../surfaces';
import { buildForgottenMessage } from '../../views/data';
import { buildHomeView } from '../../views/home';

export function forgetSubmission(deps: AppDeps) {
  return async ({ ack, client, context }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const scope = memberScope(context);
    const deleted = await forgetMember(deps.db, scope);
    await ack();
    deps.log.info({ team: scope.workspaceId, user: scope.userId, deleted }, 'member data deleted on request');
    dmLater(deps, client, scope.userId, buildForgottenMessage(deleted));
    // An empty Home tab, published without creating the member again.
    deps.later.run('empty app home', () =>
      client.views.publish({ user_id: scope.userId, view: buildHomeView(emptySnapshot(), deps.clock.now()) }),
    );
  };
}
