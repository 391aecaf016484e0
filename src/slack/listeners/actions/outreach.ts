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
import { OPEN } from '../../views/action-ids';
import { ADD_TARGET_ACTIONS, buildAddTargetModal, TARGET_NAME_MAX } from '../../views/add-target';
import { ARCHIVE_ACTIONS } from '../../views/archive';
import { ASK_ACTIONS, ASK_BLOCKS } from '../../views/ask';
import { PREP_ACTIONS } from '../../views/prep';
import { REPLY_ACTIONS } from '../../views/reply';
import { putBackFromArchive } from './after-chat-people';
import {
  askAnotherVersion,
  askEdit,
  askGotReply,
  askMarkSent,
  askPersonPicked,
  askUndoSent,
} from './ask-draft';
import { openAskModal, openFromClick } from './outreach-shared';
import { openPrep, prepOwnQuestions, prepSchedule } from './prep-buttons';
import { replyDeclined, replyUndoDeclined } from './reply';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function registerOutreachActions(app: App, deps: AppDeps): void {
  app.action<BlockAction<ButtonAction>>(OPEN.addTarget, openAddTarget(deps));
  app.action<BlockAction<ButtonAction>>(ADD_TARGET_ACTIONS.named, openAddTargetNamed(deps));
  app.action<BlockAction<ButtonAction>>(OPEN.ask, openAsk(deps));
  app.action<BlockAction<ButtonAction>>(OPEN.prep, openPrep(deps));
  app.action<BlockAction<ButtonAction>>(ASK_ACTIONS.edit, askEdit(deps));
  app.action<BlockAction<ButtonAction>>(ASK_ACTIONS.another, askAnotherVersion(deps));
  app.action<BlockAction<ButtonAction>>(ASK_ACTIONS.markSent, askMarkSent(deps));
  app.action(ASK_BLOCKS.person.actionId, askPersonPicked(deps));
  app.action<BlockAction<ButtonAction>>(PREP_ACTIONS.ownQuestions, prepOwnQuestions(deps));
  app.action<BlockAction<ButtonAction>>(PREP_ACTIONS.schedule, prepSchedule(deps));
  app.action<BlockAction<ButtonAction>>(ASK_ACTIONS.undoSent, askUndoSent(deps));
  app.action<BlockAction<ButtonAction>>(REPLY_ACTIONS.gotReply, askGotReply(deps));
  app.action<BlockAction<ButtonAction>>(REPLY_ACTIONS.declined, replyDeclined(deps));
  app.action<BlockAction<ButtonAction>>(REPLY_ACTIONS.undoDeclined, replyUndoDeclined(deps));
  app.action<BlockAction<ButtonAction>>(ARCHIVE_ACTIONS.undo, putBackFromArchive(deps, 'undo'));
  app.action<BlockAction<ButtonAction>>(ARCHIVE_ACTIONS.restore, putBackFromArchive(deps, 'restore'));
}

/** "Add a target"; a contact id as value means "suggested by" that person. */
function openAddTarget(deps: AppDeps) {
  return async ({ context, ack, body, action, client }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    await openFromClick(
      client,
      body,
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

/** "Add <name>" where a typed name was not on the list: the form with that name filled in. */
function openAddTargetNamed(deps: AppDeps) {
  return async ({ context, ack, body, action, client }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const name = (action.value ?? '').trim().slice(0, TARGET_NAME_MAX);
    await openFromClick(
      client,
      body,
      'Add a target',
      async () => buildAddTargetModal({ name, contacts: await contactsForPicker(deps.db, scope) }),
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
