import type { App, RespondFn } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { AppDeps } from '../../deps';
import { clickRespond } from '../../surfaces';
import { registerAfterChatActions } from './after-chat';
import { registerCohortNudgeActions } from './cohort-nudge';
import { registerCohortSharingActions } from './cohort-sharing';
import { registerIntroActions } from './intros';
import { registerNudgesActions } from './nudges';
import { registerOutreachActions } from './outreach';
import { registerPeopleListActions } from './people-list';
import { registerSkillsPlanActions } from './skills-plan';

interface ClickListenerArgs {
  body: { user: { id: string }; response_url?: string };
  client: WebClient;
  respond?: RespondFn;
}
type ClickListener = (args: ClickListenerArgs) => unknown;

/**
 * The app as click listeners register on it: each is given a `respond` that answers the member
 * wherever the click happened, a modal and the App Home included, and never throws for a note
 * (`clickRespond` in surfaces.ts).
 */
function answeringClicks(app: App, deps: AppDeps): App {
  const action = (id: unknown, ...listeners: ClickListener[]): void => {
    const register = app.action as unknown as (id: unknown, ...listeners: ClickListener[]) => void;
    register.call(
      app,
      id,
      ...listeners.map(
        (listener): ClickListener =>
          (args) =>
            listener({ ...args, respond: clickRespond(args, deps.log) }),
      ),
    );
  };
  return new Proxy(app, {
    get: (target, property) => (property === 'action' ? action : Reflect.get(target, property, target)),
  });
}

export function register(app: App, deps: AppDeps): void {
  const clicks = answeringClicks(app, deps);
  registerOutreachActions(clicks, deps);
  registerAfterChatActions(clicks, deps);
  registerNudgesActions(clicks, deps);
  registerCohortNudgeActions(clicks, deps);
  registerCohortSharingActions(clicks, deps);
  registerIntroActions(clicks, deps);
  registerPeopleListActions(clicks, deps);
  registerSkillsPlanActions(clicks, deps);
}
