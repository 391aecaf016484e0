import type { AllMiddlewareArgs, App, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps';
import { memberScope } from '../../pipeline/middleware';
import { LOG_SHORTCUT_CALLBACK_ID } from '../../views/log';
import { openLogModal } from '../views/log';

export function registerAfterChatShortcuts(app: App, deps: AppDeps): void {
  app.shortcut(LOG_SHORTCUT_CALLBACK_ID, logShortcut(deps));
}

/** The global "Log a conversation" shortcut opens the log modal. */
export function logShortcut(deps: AppDeps) {
  return async ({ context, ack, shortcut, client }: SlackShortcutMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const scope = memberScope(context);
    await openLogModal(client, deps, scope, shortcut.trigger_id, {});
  };
}
