// The development plan from anywhere: "Development plan" and "Words of your field" (App Home, the plan,
// the words), and the menu that opens one skill's plan in a modal. The skill id in the menu is only
// trusted through the member's own scope.
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import { fieldKeywords, skillForEditing, skillsPlan } from '../../../services/skills';
import type { AppDeps } from '../../deps';
import { memberScope } from '../../pipeline/middleware';
import { openModal } from '../../surfaces';
import { noticeModal } from '../../views/kit';
import {
  buildKeywordsMessage,
  buildSkillPlanModal,
  buildSkillsMessage,
  SKILLS_ACTIONS,
  skillNotFoundText,
} from '../../views/skills';
import { answer } from './after-chat-reply';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type SelectArgs = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs;

function openPlan(deps: AppDeps) {
  return async ({ ack, context, body, client, respond }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const plan = await skillsPlan(deps.db, scope, deps.clock.now());
    await answer({ body, client, respond, log: deps.log }, buildSkillsMessage(plan));
  };
}

function openKeywords(deps: AppDeps) {
  return async ({ ack, context, body, client, respond }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const words = await fieldKeywords(deps.db, scope);
    await answer({ body, client, respond, log: deps.log }, buildKeywordsMessage(words));
  };
}

function editSkill(deps: AppDeps) {
  return async ({ ack, context, body, action, client }: SelectArgs) => {
    await ack();
    const scope = memberScope(context);
    const skillId = action.selected_option?.value;
    if (!skillId) return;
    await openModal(
      client,
      body.trigger_id,
      'Plan a skill',
      async () => {
        const found = await skillForEditing(deps.db, scope, skillId, deps.clock.now());
        return found
          ? buildSkillPlanModal(found.item, found.today)
          : noticeModal('Plan a skill', skillNotFoundText());
      },
      deps.log,
    );
  };
}

export function registerSkillsPlanActions(app: App, deps: AppDeps): void {
  app.action<BlockAction<ButtonAction>>(SKILLS_ACTIONS.open, openPlan(deps));
  app.action<BlockAction<ButtonAction>>(SKILLS_ACTIONS.keywords, openKeywords(deps));
  app.action<BlockAction<StaticSelectAction>>(SKILLS_ACTIONS.edit, editSkill(deps));
}
