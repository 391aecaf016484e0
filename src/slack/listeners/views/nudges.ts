// The settings modal's submission: form errors and rule errors go back on the right block; a valid
// form is saved and the modal turns into a short summary of what the settings mean.
import type { App } from '@slack/bolt';
import { saveNudgeSettings } from '../../../services/settings';
import type { AppDeps } from '../../deps';
import {
  buildSettingsSavedView,
  readSettingsForm,
  SETTINGS_CALLBACK_ID,
  settingsErrors,
} from '../../views/settings';
import { onValidSubmission } from './submission';

export function settingsSubmission(deps: AppDeps) {
  return onValidSubmission(deps, readSettingsForm, async ({ ack, data, scope }) => {
    const result = await saveNudgeSettings(deps.db, scope, data, deps.clock.now());
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: settingsErrors(result.errors) });
      return;
    }
    await ack({ response_action: 'update', view: buildSettingsSavedView(result.settings) });
  });
}

export function registerNudgesViews(app: App, deps: AppDeps): void {
  app.view(SETTINGS_CALLBACK_ID, settingsSubmission(deps));
}
