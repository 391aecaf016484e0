import type { App } from '@slack/bolt';
import type { AppDeps } from '../deps';
import { register as registerActions } from './actions';
import { register as registerCommands } from './commands';
import { register as registerEvents } from './events';
import { register as registerShortcuts } from './shortcuts';
import { register as registerViews } from './views';

export function registerListeners(app: App, deps: AppDeps): void {
  registerCommands(app, deps);
  registerActions(app, deps);
  registerViews(app, deps);
  registerEvents(app, deps);
  registerShortcuts(app, deps);
}
