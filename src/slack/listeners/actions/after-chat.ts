// Clicks in the after-conversation flows: opening the log, thank-you and people flows from any button,
// marking a thank-you sent, the per-person menu, and moving skills on.
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  OverflowAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { advanceSkill } from '../../../services/skills';
import { markThankYouSent, thankYouFor } from '../../../services/thanks';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { memberScope } from '../../pipeline/middleware';
import { OPEN } from '../../views/action-ids';
import { PEOPLE_ACTIONS } from '../../views/people';
import { buildSkillsMessage, SKILLS_ACTIONS, skillNotFoundText } from '../../views/skills';
import {
  buildThanksProblemMessage,
  buildThankYouMessage,
  replaceThankYouBlocks,
  THANKS_ACTIONS,
  thankYouBlocks,
} from '../../views/thanks';
import { openLogModal } from '../views/log';
import { openPeople, personMenuChoice } from './after-chat-people';
import { answer, replaceSource, sourceBlocks } from './after-chat-reply';
import { signerFirstName } from './outreach-shared';
import { anotherThankYouClick, editThankYouClick, restoreThankYouClick } from './thanks-modal';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export function registerAfterChatActions(app: App, deps: AppDeps): void {
  app.action<BlockAction<ButtonAction>>(OPEN.log, openLogClick(deps));
  app.action<BlockAction<ButtonAction>>(OPEN.thanks, openThanksClick(deps));
  app.action<BlockAction<ButtonAction>>(OPEN.people, openPeople(deps));
  app.action<BlockAction<ButtonAction>>(THANKS_ACTIONS.markSent, markSentClick(deps));
  app.action<BlockAction<ButtonAction>>(THANKS_ACTIONS.edit, editThankYouClick(deps));
  app.action<BlockAction<ButtonAction>>(THANKS_ACTIONS.another, anotherThankYouClick(deps));
  app.action<BlockAction<ButtonAction>>(THANKS_ACTIONS.restore, restoreThankYouClick(deps));
  app.action<BlockAction<OverflowAction>>(PEOPLE_ACTIONS.menu, personMenuChoice(deps));
  app.action<BlockAction<ButtonAction>>(SKILLS_ACTIONS.advance, advanceSkillClick(deps));
}

export function openLogClick(deps: AppDeps) {
  return async ({ context, ack, body, action, client }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    await openLogModal(client, deps, scope, body.trigger_id, { contactId: action.value || null });
  };
}

export function openThanksClick(deps: AppDeps) {
  return async ({ context, ack, body, action, client, respond }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const now = deps.clock.now();
    const sender = await signerFirstName(client, deps, scope);
    const found = await thankYouFor(deps.db, scope, { contactId: action.value || null }, now, sender);
    await answer(
      { body, client, respond },
      found.ok ? buildThankYouMessage(found.card, now) : buildThanksProblemMessage(found.problem),
    );
  };
}

/** Records the thank-you and updates the message it was clicked in, in place. */
export function markSentClick(deps: AppDeps) {
  return async ({ context, ack, body, action, client, respond }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    if (!action.value) return;
    const now = deps.clock.now();
    const card = await markThankYouSent(deps.db, scope, action.value, now);
    const click = { body, client, respond, log: deps.log };
    if (!card) {
      await answer(click, {
        text: "I couldn't find that conversation any more. `/coach thanks` shows the latest.",
      });
      return;
    }
    const blocks = sourceBlocks(body);
    const message = blocks
      ? { text: `Thank-you to ${card.contactName} sent.`, blocks: replaceThankYouBlocks(blocks, card, now) }
      : { ...buildThankYouMessage(card, now), blocks: thankYouBlocks(card, now) };
    if (!(await replaceSource(click, message))) await answer(click, message);
    refreshHome(client, deps, scope);
  };
}

export function advanceSkillClick(deps: AppDeps) {
  return async ({ context, ack, body, action, client, respond }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    if (!action.value) return;
    const plan = await advanceSkill(deps.db, scope, action.value, deps.clock.now());
    const click = { body, client, respond, log: deps.log };
    const message = plan ? buildSkillsMessage(plan) : { text: skillNotFoundText() };
    if (!(await replaceSource(click, message))) await answer(click, message);
  };
}
