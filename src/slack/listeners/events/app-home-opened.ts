import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { memberScope } from '../../pipeline/middleware';

/** The member is looking at the Home tab: publish it without waiting for more changes. */
export function appHomeOpened(deps: AppDeps) {
  return async ({
    event,
    client,
    context,
  }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    refreshHome(client, deps, memberScope(context), { soon: true });
  };
}
