import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps';
import { appHomeOpened } from './app-home-opened';
import { dedupeEvents } from './dedupe';
import { workspaceLifecycle } from './lifecycle';

export function register(app: App, deps: AppDeps): void {
  app.use(dedupeEvents(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  const lifecycle = workspaceLifecycle(deps);
  app.event('app_uninstalled', lifecycle);
  app.event('tokens_revoked', lifecycle);
}
