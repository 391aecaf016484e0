import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps';
import { ASK_CALLBACK_ID, ASK_EDIT_CALLBACK_ID } from '../../views/ask';
import { GOAL_CALLBACK_ID } from '../../views/goal';
import { PICK_FOR_PREP_CALLBACK_ID } from '../../views/pick-contact';
import { PREP_QUESTIONS_CALLBACK_ID, PREP_SCHEDULE_CALLBACK_ID } from '../../views/prep';
import { askEditSubmission, askSubmission } from './ask-submit';
import { goalSubmission } from './goal-submit';
import { ownQuestionsSubmission, pickForPrepSubmission, scheduleSubmission } from './prep-submit';

export function registerOutreachViews(app: App, deps: AppDeps): void {
  app.view(ASK_CALLBACK_ID, askSubmission(deps));
  app.view(ASK_EDIT_CALLBACK_ID, askEditSubmission(deps));
  app.view(PICK_FOR_PREP_CALLBACK_ID, pickForPrepSubmission(deps));
  app.view(PREP_QUESTIONS_CALLBACK_ID, ownQuestionsSubmission(deps));
  app.view(PREP_SCHEDULE_CALLBACK_ID, scheduleSubmission(deps));
  app.view(GOAL_CALLBACK_ID, goalSubmission(deps));
}
