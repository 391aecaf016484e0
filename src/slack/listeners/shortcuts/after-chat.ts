import type { AllMiddlewareArgs, App, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { type AppDeps, scopeOf } from '../../deps';
import { LOG_SHORTCUT_CALLBACK_ID } from '../../views/log';
import { openLogModal } from '../views/log';

export function registerAfterChatShortcuts(app: App, deps: AppDeps): void {
  app.shortcut(LOG_SHORTCUT_CALLBACK_ID, logShortcut(deps));
}

/** The global "Log a conversation" shortcut opens the log modal. */
export function logShortcut(deps: AppDeps) {
  return async ({ ack, shortcut, body, client }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const scope = scopeOf(body);
    if (!scope) return;
    await openLogModal(client, deps, scope, shortcut.trigger_id, {});
  };
}
