// The app was removed from a workspace (or its bot token revoked): the workspace's data is deleted.
// Members who revoked their user tokens: each one's data is deleted. Only ids and counts are logged.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { membersRevoked, workspaceRemoved } from '../../../services/workspaces';
import type { AppDeps } from '../../deps';
import { workspaceIdOf } from '../../pipeline/scope';

export function workspaceLifecycle(deps: AppDeps) {
  return async ({
    event,
    body,
  }: SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'> & AllMiddlewareArgs) => {
    const workspaceId = workspaceIdOf(body);
    if (!workspaceId) return;
    const bot = event.type === 'app_uninstalled' || (event.tokens?.bot ?? []).length > 0;
    if (bot) {
      const deleted = await workspaceRemoved(deps.db, workspaceId);
      deps.log.info({ workspaceId, event: event.type, deleted }, 'workspace removed: its data is deleted');
      return;
    }
    const users = (event.tokens?.oauth ?? []).filter((u): u is string => typeof u === 'string');
    if (users.length === 0) return;
    for (const { userId, deleted } of await membersRevoked(deps.db, workspaceId, users)) {
      deps.log.info(
        { workspaceId, userId, event: event.type, deleted },
        "user token revoked: the member's data is deleted",
      );
    }
  };
}
