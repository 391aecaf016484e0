// The app was removed from a workspace (or its bot token revoked): stop working for it.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { workspaceRemoved } from '../../../services/workspaces';
import type { AppDeps } from '../../deps';
import { workspaceIdOf } from '../../pipeline/scope';

export function workspaceLifecycle(deps: AppDeps) {
  return async ({
    event,
    body,
  }: SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'> & AllMiddlewareArgs) => {
    const workspaceId = workspaceIdOf(body);
    if (!workspaceId) return;
    if (event.type === 'tokens_revoked' && (event.tokens.bot ?? []).length === 0) return;
    await workspaceRemoved(deps.db, workspaceId, deps.clock.now());
    deps.log.info({ workspaceId, event: event.type }, 'workspace uninstalled: its nudges are cancelled');
  };
}
