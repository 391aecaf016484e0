// The settings modal's submission: form errors and rule errors go back on the right block; a valid
// form is saved and the modal turns into a short summary of what the settings mean.
import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { saveNudgeSettings } from '../../../services/settings';
import { type AppDeps, scopeOf } from '../../deps';
import {
  buildSettingsSavedView,
  readSettingsForm,
  SETTINGS_CALLBACK_ID,
  settingsErrors,
} from '../../views/settings';

export function settingsSubmission(deps: AppDeps) {
  return async ({ ack, body, view }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    const scope = scopeOf(body);
    const form = readSettingsForm(view.state.values);
    if (!form.ok || !scope) {
      await ack({ response_action: 'errors', errors: form.ok ? {} : form.errors });
      return;
    }
    const result = await saveNudgeSettings(deps.db, scope, form.data, deps.clock.now());
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: settingsErrors(result.errors) });
      return;
    }
    await ack({ response_action: 'update', view: buildSettingsSavedView(result.settings) });
  };
}

export function registerNudgesViews(app: App, deps: AppDeps): void {
  app.view(SETTINGS_CALLBACK_ID, settingsSubmission(deps));
}
