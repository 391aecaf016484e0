import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps';
import { ADD_TARGET_CALLBACK_ID } from '../../views/add-target';
import { COHORT_SETUP_CALLBACK_ID } from '../../views/cohort-setup';
import { COHORT_SHARING_CALLBACK_ID } from '../../views/cohort-sharing';
import { SKILL_PLAN_CALLBACK_ID } from '../../views/skills';
import { addTargetSubmission } from './add-target';
import { registerAfterChatViews } from './after-chat';
import { cohortSetupSubmission } from './cohort-setup';
import { cohortSharingSubmission } from './cohort-sharing';
import { registerNudgesViews } from './nudges';
import { registerOutreachViews } from './outreach';
import { skillPlanSubmission } from './skill-plan';

export function register(app: App, deps: AppDeps): void {
  app.view(ADD_TARGET_CALLBACK_ID, addTargetSubmission(deps));
  registerOutreachViews(app, deps);
  registerAfterChatViews(app, deps);
  registerNudgesViews(app, deps);
  app.view(COHORT_SETUP_CALLBACK_ID, cohortSetupSubmission(deps));
  app.view(COHORT_SHARING_CALLBACK_ID, cohortSharingSubmission(deps));
  app.view(SKILL_PLAN_CALLBACK_ID, skillPlanSubmission(deps));
}
