// "What I share" buttons (the welcome DM, the channel note, the App Home, a refused setup): they open
// the member's own sharing modal. The button carries no id; the choice is always the clicker's own.
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Scope } from '../../../core/scope';
import { sharingPicture } from '../../../services/cohorts';
import type { AppDeps } from '../../deps';
import { memberScope } from '../../pipeline/middleware';
import { openModal } from '../../surfaces';
import { buildSharingModal, COHORT_SHARING_ACTIONS } from '../../views/cohort-sharing';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** Opens the sharing modal with the member's current choice. */
export function openSharingModal(client: WebClient, deps: AppDeps, scope: Scope, triggerId: string) {
  return openModal(
    client,
    triggerId,
    'What I share',
    async () => buildSharingModal(await sharingPicture(deps.db, scope)),
    deps.log,
  );
}

export function registerCohortSharingActions(app: App, deps: AppDeps): void {
  app.action<BlockAction<ButtonAction>>(
    COHORT_SHARING_ACTIONS.open,
    async ({ ack, body, client, context }: ButtonArgs) => {
      await ack();
      await openSharingModal(client, deps, memberScope(context), body.trigger_id);
    },
  );
}
