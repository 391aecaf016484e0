// Buttons under a drafted ask (Edit, Another version, Mark as sent) and the person picker inside the
// ask modal. Every handler acks first; the ask id in a button value is only trusted through the
// member's own scope.
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import type { Scope } from '../../../core/scope';
import {
  askForEditing,
  askForm,
  markAskAsSent,
  nextAskVersion,
  recordReply,
  undoAskSent,
} from '../../../services/ask';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { memberScope } from '../../pipeline/middleware';
import { openModal, updateView } from '../../surfaces';
import {
  type AskDraftMessageInput,
  askAlreadySentText,
  askNotFoundText,
  askUndoRefusedText,
  buildAskDraftMessage,
  buildAskEditModal,
  buildAskModal,
  currentAskInputs,
  NEW_PERSON,
  parseAnotherVersionValue,
  readAskMetadata,
} from '../../views/ask';
import type { StateValues } from '../../views/form';
import { LIMITS, noticeModal } from '../../views/kit';
import { repliedBlocks } from '../../views/reply';
import { answer } from './after-chat-reply';
import { clickedMessage, memberFacts } from './outreach-shared';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type SelectArgs = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs;

async function updateDraftMessage(
  client: WebClient,
  where: { channel: string; ts: string },
  draft: AskDraftMessageInput,
  extra: KnownBlock[] = [],
): Promise<void> {
  const built = buildAskDraftMessage(draft);
  const message = { ...built, blocks: [...(built.blocks ?? []), ...extra].slice(0, LIMITS.messageBlocks) };
  await client.chat.update({
    channel: where.channel,
    ts: where.ts,
    text: message.text,
    blocks: message.blocks,
  });
}

async function tellNotFound(
  respond: ButtonArgs['respond'],
  deps: AppDeps,
  scope: Scope | undefined,
): Promise<void> {
  deps.log.info(
    { team: scope?.workspaceId, user: scope?.userId },
    'ask button for an ask that is not the member’s',
  );
  await respond({ response_type: 'ephemeral', replace_original: false, text: askNotFoundText() }).catch(
    () => undefined,
  );
}

export function askAnotherVersion(deps: AppDeps) {
  return async ({ context, ack, body, action, client, respond }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const where = clickedMessage(body);
    const shown = parseAnotherVersionValue(action.value);
    if (!where || !shown) return;
    const { name } = await memberFacts(client, deps, scope);
    const result = await nextAskVersion(deps.db, scope, shown.askId, name, shown.variant);
    if (!result.ok && result.problem === 'not_found') return tellNotFound(respond, deps, scope);
    await updateDraftMessage(client, where, result.draft);
    if (result.ok) refreshHome(client, deps, scope);
  };
}

export function askMarkSent(deps: AppDeps) {
  return async ({ context, ack, body, action, client, respond }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const where = clickedMessage(body);
    if (!action.value) return;
    const result = await markAskAsSent(deps.db, scope, action.value, deps.clock.now());
    if (!result.ok) return tellNotFound(respond, deps, scope);
    if (where) await updateDraftMessage(client, where, result.draft);
    if (result.alreadySent && result.draft.ask.sentAt) {
      await respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: askAlreadySentText(result.draft.ask.sentAt, result.draft.tz),
      }).catch(() => undefined);
      return;
    }
    refreshHome(client, deps, scope);
  };
}

/** Undo on "Mark as sent": a draft again within the window; otherwise the message shows how it is now. */
export function askUndoSent(deps: AppDeps) {
  return async ({ context, ack, body, action, client, respond }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const where = clickedMessage(body);
    if (!action.value) return;
    const result = await undoAskSent(deps.db, scope, action.value, deps.clock.now());
    if (!result.ok && result.problem === 'not_found') return tellNotFound(respond, deps, scope);
    if (where) await updateDraftMessage(client, where, result.draft);
    if (result.ok) {
      refreshHome(client, deps, scope);
      return;
    }
    await respond({
      response_type: 'ephemeral',
      replace_original: false,
      text: askUndoRefusedText(result.problem),
    }).catch(() => undefined);
  };
}

/** "Got a reply" under a sent ask: no follow-up needed; the next step is booking the chat. */
export function askGotReply(deps: AppDeps) {
  return async ({ context, ack, body, action, client, respond }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const where = clickedMessage(body);
    if (!action.value) return;
    const result = await recordReply(deps.db, scope, action.value, deps.clock.now());
    if (!result.ok) {
      if (result.problem === 'not_found') return tellNotFound(respond, deps, scope);
      return;
    }
    const next = repliedBlocks(result.draft.contact);
    if (where) await updateDraftMessage(client, where, result.draft, next);
    else {
      await answer(
        { body, client, respond, log: deps.log },
        { text: `${result.draft.contact.name} replied.`, blocks: next },
      );
    }
    if (result.firstReply) refreshHome(client, deps, scope);
  };
}

export function askEdit(deps: AppDeps) {
  return async ({ context, ack, body, action, client }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const where = clickedMessage(body);
    if (!where || !action.value) return;
    const askId = action.value;
    await openModal(
      client,
      body.trigger_id,
      'Edit your ask',
      async () => {
        const draft = await askForEditing(deps.db, scope, askId);
        if (!draft) return noticeModal('Edit your ask', askNotFoundText());
        if (draft.ask.sentAt) {
          return noticeModal('Edit your ask', 'You already marked this one as sent, so it stays as it was.');
        }
        return buildAskEditModal({
          contactName: draft.contact.name,
          text: draft.ask.text,
          metadata: { askId, channel: where.channel, ts: where.ts },
        });
      },
      deps.log,
    );
  };
}

/** Picking someone else in the ask modal brings in their saved reason (and the name fields for someone new). */
export function askPersonPicked(deps: AppDeps) {
  return async ({ context, ack, body, action, client }: SelectArgs) => {
    await ack();
    const scope = memberScope(context);
    const view = body.view;
    if (!view) return;
    const picked = action.selected_option?.value ?? null;
    const current = currentAskInputs(view.state.values as StateValues);
    const form = await askForm(
      deps.db,
      scope,
      picked === NEW_PERSON || picked === null ? { newPerson: true } : { contactId: picked },
    );
    const rebuilt = buildAskModal({
      ...form,
      about: current.about ?? form.about,
      minutes: current.minutes ?? form.minutes,
      channel: current.channel ?? form.channel,
      newName: current.newName,
      newRole: current.newRole,
      newCompany: current.newCompany,
      senderFirstName: readAskMetadata(view.private_metadata).senderFirstName,
    });
    await updateView(client, { viewId: view.id, hash: view.hash, view: rebuilt }, deps.log);
  };
}
