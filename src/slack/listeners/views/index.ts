import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps';
import { ADD_TARGET_CALLBACK_ID } from '../../views/add-target';
import { addTargetSubmission } from './add-target';
import { registerAfterChatViews } from './after-chat';
import { registerNudgesViews } from './nudges';
import { registerOutreachViews } from './outreach';

export function register(app: App, deps: AppDeps): void {
  app.view(ADD_TARGET_CALLBACK_ID, addTargetSubmission(deps));
  registerOutreachViews(app, deps);
  registerAfterChatViews(app, deps);
  registerNudgesViews(app, deps);
}
