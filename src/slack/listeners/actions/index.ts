import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps';
import { registerAfterChatActions } from './after-chat';
import { registerCohortNudgeActions } from './cohort-nudge';
import { registerCohortSharingActions } from './cohort-sharing';
import { registerIntroActions } from './intros';
import { registerNudgesActions } from './nudges';
import { registerOutreachActions } from './outreach';
import { registerPeopleListActions } from './people-list';
import { registerSkillsPlanActions } from './skills-plan';

export function register(app: App, deps: AppDeps): void {
  registerOutreachActions(app, deps);
  registerAfterChatActions(app, deps);
  registerNudgesActions(app, deps);
  registerCohortNudgeActions(app, deps);
  registerCohortSharingActions(app, deps);
  registerIntroActions(app, deps);
  registerPeopleListActions(app, deps);
  registerSkillsPlanActions(app, deps);
}
