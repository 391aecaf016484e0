import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps';
import { registerAfterChatShortcuts } from './after-chat';
import { registerOutreachShortcuts } from './outreach';

export function register(app: App, deps: AppDeps): void {
  registerOutreachShortcuts(app, deps);
  registerAfterChatShortcuts(app, deps);
}
