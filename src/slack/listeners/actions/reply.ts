// After a reply: "They said no for now" (kindly out of the way, with Undo for a short while) and its
// Undo. The buttons sit under a nudge or an ask's DM; the contact id in them is re-checked as the
// member's by the service.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import type { KnownBlock } from '@slack/types';
import { stageLabel } from '../../../coaching/stages';
import { declineContact, undoDecline } from '../../../services/people';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { memberScope } from '../../pipeline/middleware';
import { ASK_SENT_ACTIONS_BLOCK } from '../../views/ask';
import { personNotFoundText } from '../../views/people';
import {
  declinedBlocks,
  declineUndoneBlocks,
  declineUndoRefusedText,
  withReplyBlocks,
} from '../../views/reply';
import { answer, type ClickContext, replaceSource, sourceBlocks } from './after-chat-reply';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** The clicked message with the reply flow's blocks swapped for `next`; a new reply when it cannot be. */
async function showInPlace(click: ClickContext, text: string, next: KnownBlock[]): Promise<void> {
  const source = sourceBlocks(click.body);
  const message = { text, blocks: source ? withReplyBlocks(source, next, [ASK_SENT_ACTIONS_BLOCK]) : next };
  if (!(await replaceSource(click, message))) await answer(click, { text, blocks: next });
}

export function replyDeclined(deps: AppDeps) {
  return async ({ context, ack, body, action, client, respond }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const click = { body, client, respond, log: deps.log };
    const aside = action.value ? await declineContact(deps.db, scope, action.value, deps.clock.now()) : null;
    if (!aside) {
      await answer(click, { text: personNotFoundText() });
      return;
    }
    await showInPlace(
      click,
      `${aside.contact.name} said no for now.`,
      declinedBlocks(aside.contact, aside.undoUntil, aside.tz),
    );
    refreshHome(client, deps, scope);
  };
}

export function replyUndoDeclined(deps: AppDeps) {
  return async ({ context, ack, body, action, client, respond }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const click = { body, client, respond, log: deps.log };
    const result = action.value
      ? await undoDecline(deps.db, scope, action.value, deps.clock.now())
      : ({ ok: false, problem: 'not_found' } as const);
    if (!result.ok) {
      await answer(click, {
        text:
          result.problem === 'not_found'
            ? personNotFoundText()
            : declineUndoRefusedText(result.contact.name, result.problem),
      });
      return;
    }
    await showInPlace(
      click,
      `${result.contact.name} is back under ${stageLabel(result.contact.stage)}.`,
      declineUndoneBlocks(result.contact, stageLabel(result.contact.stage)),
    );
    refreshHome(client, deps, scope);
  };
}
