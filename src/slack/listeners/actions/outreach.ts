// Buttons of the outreach flows: adding targets, drafting asks, preparing and booking chats.
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { contactsForPicker } from '../../../services/targets';
import type { AppDeps } from '../../deps';
import { memberScope } from '../../pipeline/middleware';
import { openModal } from '../../surfaces';
import { OPEN } from '../../views/action-ids';
import { buildAddTargetModal } from '../../views/add-target';
import { ASK_ACTIONS, ASK_BLOCKS } from '../../views/ask';
import { PREP_ACTIONS } from '../../views/prep';
import { askAnotherVersion, askEdit, askMarkSent, askPersonPicked } from './ask-draft';
import { openAskModal } from './outreach-shared';
import { openPrep, prepOwnQuestions, prepSchedule } from './prep-buttons';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function registerOutreachActions(app: App, deps: AppDeps): void {
  app.action<BlockAction<ButtonAction>>(OPEN.addTarget, openAddTarget(deps));
  app.action<BlockAction<ButtonAction>>(OPEN.ask, openAsk(deps));
  app.action<BlockAction<ButtonAction>>(OPEN.prep, openPrep(deps));
  app.action<BlockAction<ButtonAction>>(ASK_ACTIONS.edit, askEdit(deps));
  app.action<BlockAction<ButtonAction>>(ASK_ACTIONS.another, askAnotherVersion(deps));
  app.action<BlockAction<ButtonAction>>(ASK_ACTIONS.markSent, askMarkSent(deps));
  app.action(ASK_BLOCKS.person.actionId, askPersonPicked(deps));
  app.action<BlockAction<ButtonAction>>(PREP_ACTIONS.ownQuestions, prepOwnQuestions(deps));
  app.action<BlockAction<ButtonAction>>(PREP_ACTIONS.schedule, prepSchedule(deps));
}

/** "Add a target"; a contact id as value means "suggested by" that person. */
function openAddTarget(deps: AppDeps) {
  return async ({ context, ack, body, action, client }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    await openModal(
      client,
      body.trigger_id,
      'Add a target',
      async () => {
        const contacts = await contactsForPicker(deps.db, scope);
        const referredById = contacts.some((c) => c.id === action.value) ? (action.value ?? null) : null;
        return buildAddTargetModal({ contacts, referredById });
      },
      deps.log,
    );
  };
}

/** "Draft an ask" from a button: the value is a contact id, or empty to pick someone. */
function openAsk(deps: AppDeps) {
  return async ({ context, ack, body, action, client }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    await openAskModal(
      client,
      deps,
      scope,
      body.trigger_id,
      action.value ? { contactId: action.value } : { query: '' },
    );
  };
}
