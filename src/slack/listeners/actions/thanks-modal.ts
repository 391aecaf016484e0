// The thank-you modal: "Edit or try another version" opens it; "Another version" shows the next
// wording and keeps the member's edit (so "Back to my edit" brings it back); "Use this one" DMs the
// thank-you as they left it, with its "Mark thank-you sent" button. Ids from the client (the button's
// conversation id, the modal's private_metadata) are looked up in the member's own scope.

import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { squish } from '../../../coaching/text';
import type { Scope } from '../../../core/scope';
import { thankYouVersion } from '../../../services/thanks';
import type { AppDeps } from '../../deps';
import { memberScope } from '../../pipeline/middleware';
import { dmLater, openModal, updateView } from '../../surfaces';
import type { StateValues } from '../../views/form';
import { noticeModal } from '../../views/kit';
import {
  buildChosenThankYouMessage,
  buildThankYouModal,
  currentThankYouText,
  readThankYouModalForm,
  readThankYouModalState,
} from '../../views/thanks';
import type { SubmitArgs } from '../views/submission';
import { onValidSubmission } from '../views/submission';
import { signerFirstName } from './outreach-shared';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

const TITLE = 'Your thank-you';
const NOT_FOUND = "I couldn't find that conversation any more. `/coach thanks` shows the latest.";

/** The name the student signs with, from Slack. */
async function senderName(deps: AppDeps, client: ButtonArgs['client'], scope: Scope): Promise<string | null> {
  return signerFirstName(client, deps, scope);
}

export function editThankYouClick(deps: AppDeps) {
  return async ({ context, ack, body, action, client }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const conversationId = action.value ?? '';
    await openModal(
      client,
      body.trigger_id,
      TITLE,
      async () => {
        const sender = conversationId ? await senderName(deps, client, scope) : null;
        const found = conversationId
          ? await thankYouVersion(deps.db, scope, conversationId, 0, sender, deps.clock.now())
          : null;
        if (!found) return noticeModal(TITLE, NOT_FOUND);
        const state = {
          conversationId,
          contactName: found.card.contactName,
          variant: 0,
          round: 0,
          kept: null,
        };
        return buildThankYouModal(state, found.text);
      },
      deps.log,
    );
  };
}

/** Whether the text in the box is the member's own (not the version it was filled with). */
function isEdit(current: string | null, shown: string): current is string {
  return current !== null && squish(current) !== '' && squish(current) !== squish(shown);
}

/** "Another version": the next wording; an edit in the box is kept, never thrown away. */
export function anotherThankYouClick(deps: AppDeps) {
  return async ({ context, ack, body, client }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const view = body.view;
    const state = readThankYouModalState(view?.private_metadata);
    if (!view || !state) return;
    const sender = await senderName(deps, client, scope);
    const now = deps.clock.now();
    const shown = await thankYouVersion(deps.db, scope, state.conversationId, state.variant, sender, now);
    const next = await thankYouVersion(deps.db, scope, state.conversationId, state.variant + 1, sender, now);
    if (!shown || !next) {
      await updateView(client, { viewId: view.id, view: noticeModal(TITLE, NOT_FOUND) }, deps.log);
      return;
    }
    const current = currentThankYouText(view.state?.values as StateValues | undefined);
    const kept = isEdit(current, shown.text) ? current : state.kept;
    const rebuilt = buildThankYouModal(
      { ...state, variant: state.variant + 1, round: state.round + 1, kept },
      next.text,
    );
    await updateView(client, { viewId: view.id, hash: view.hash, view: rebuilt }, deps.log);
  };
}

/** "Back to my edit": the kept edit goes back in the box; an edit made since is kept in its place. */
export function restoreThankYouClick(deps: AppDeps) {
  return async ({ context, ack, body, client }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const view = body.view;
    const state = readThankYouModalState(view?.private_metadata);
    if (!view || !state?.kept) return;
    const sender = await senderName(deps, client, scope);
    const shown = await thankYouVersion(
      deps.db,
      scope,
      state.conversationId,
      state.variant,
      sender,
      deps.clock.now(),
    );
    if (!shown) {
      await updateView(client, { viewId: view.id, view: noticeModal(TITLE, NOT_FOUND) }, deps.log);
      return;
    }
    const current = currentThankYouText(view.state?.values as StateValues | undefined);
    const kept = isEdit(current, shown.text) && squish(current) !== squish(state.kept) ? current : null;
    const rebuilt = buildThankYouModal({ ...state, round: state.round + 1, kept }, state.kept);
    await updateView(client, { viewId: view.id, hash: view.hash, view: rebuilt }, deps.log);
  };
}

/** "Use this one": the thank-you as the member left it, in their DM with its "Mark thank-you sent" button. */
export function thankYouModalSubmission(deps: AppDeps): (args: SubmitArgs) => Promise<void> {
  return onValidSubmission(deps, readThankYouModalForm, async ({ ack, view, client, data, scope }) => {
    const state = readThankYouModalState(view.private_metadata);
    const now = deps.clock.now();
    const found = state
      ? await thankYouVersion(deps.db, scope, state.conversationId, state.variant, null, now)
      : null;
    await ack();
    dmLater(
      deps,
      client,
      scope.userId,
      found ? buildChosenThankYouMessage(found.card, data.text, now) : { text: NOT_FOUND },
    );
  });
}
