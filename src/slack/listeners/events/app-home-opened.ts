import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { type AppDeps, workspaceIdOf } from '../../deps';
import { refreshHome } from '../../home';

export function appHomeOpened(deps: AppDeps) {
  return async ({ event, body, client }: SlackEventMiddlewareArgs<'app_home_opened'> & AllMiddlewareArgs) => {
    if (event.tab !== 'home') return;
    const workspaceId = workspaceIdOf(body);
    if (!workspaceId) return;
    await refreshHome(client, deps, { workspaceId, userId: event.user });
  };
}
