import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps';
import { FORGET_CALLBACK_ID } from '../../views/data';
import { LOG_CALLBACK_ID, LOG_PICK_CALLBACK_ID } from '../../views/log';
import { THANKS_EDIT_CALLBACK_ID } from '../../views/thanks';
import { thankYouModalSubmission } from '../actions/thanks-modal';
import { forgetSubmission } from './forget';
import { logPickSubmission, logSubmission } from './log';

export function registerAfterChatViews(app: App, deps: AppDeps): void {
  app.view(LOG_PICK_CALLBACK_ID, logPickSubmission(deps));
  app.view(LOG_CALLBACK_ID, logSubmission(deps));
  app.view(FORGET_CALLBACK_ID, forgetSubmission(deps));
  app.view(THANKS_EDIT_CALLBACK_ID, thankYouModalSubmission(deps));
}
