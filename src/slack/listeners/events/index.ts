import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps';
import { appHomeOpened } from './app-home-opened';
import { memberJoinedChannel, memberLeftChannel } from './cohort-membership';
import { workspaceLifecycle } from './lifecycle';

// Retried and replayed events are skipped by the pipeline (applyOnce), before any listener here runs.
export function register(app: App, deps: AppDeps): void {
  app.event('app_home_opened', appHomeOpened(deps));
  const lifecycle = workspaceLifecycle(deps);
  app.event('app_uninstalled', lifecycle);
  app.event('tokens_revoked', lifecycle);
  app.event('member_joined_channel', memberJoinedChannel(deps));
  app.event('member_left_channel', memberLeftChannel(deps));
}
