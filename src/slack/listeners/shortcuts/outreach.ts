// Global shortcut "Draft an ask" (manifest.yml: draft_ask_shortcut).
import type { AllMiddlewareArgs, App, GlobalShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import type { AppDeps } from '../../deps';
import { memberScope } from '../../pipeline/middleware';
import { openAskModal } from '../actions/outreach-shared';

export const DRAFT_ASK_SHORTCUT = 'draft_ask_shortcut';

export function registerOutreachShortcuts(app: App, deps: AppDeps): void {
  app.shortcut<GlobalShortcut>(
    DRAFT_ASK_SHORTCUT,
    async ({
      context,
      ack,
      body,
      client,
    }: SlackShortcutMiddlewareArgs<GlobalShortcut> & AllMiddlewareArgs) => {
      await ack();
      const scope = memberScope(context);
      await openAskModal(client, deps, scope, body.trigger_id, { query: '' });
    },
  );
}
