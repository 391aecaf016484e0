// Buttons on nudge DMs (Done, Snooze, Stop these, and the kind's own step) and OPEN.settings.
// Each click updates the DM in place to say what happened; a click on someone else's nudge gets an
// ephemeral refusal and changes nothing.
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import type { Scope } from '../../../core/scope';
import {
  markFollowedUpFromNudge,
  markNudgeDoneFor,
  markReplyFromNudge,
  markThanksSentFromNudge,
  type NudgeClickResult,
  recordNudgeShown,
  showNudgeFor,
  snoozeNudgeFor,
  stopNudgeKindFor,
  undoNudgeFor,
} from '../../../services/nudges';
import { loadNudgeSettings } from '../../../services/settings';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { memberScope } from '../../pipeline/middleware';
import { openModal } from '../../surfaces';
import { OPEN } from '../../views/action-ids';
import {
  buildFoldedNudgeMessage,
  buildNudgeMessage,
  buildNudgeOutcomeMessage,
  NOT_YOUR_NUDGE,
  NUDGE_ACTION_IDS,
  outcomeText,
  parseSnoozeValue,
} from '../../views/nudge';
import { buildSettingsModal } from '../../views/settings';
import { ensureTimezone } from './outreach-shared';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type SelectArgs = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs;
type AnyArgs = ButtonArgs | SelectArgs;

type ClickService = (
  db: AppDeps['db'],
  scope: Scope,
  nudgeId: string,
  now: Date,
) => Promise<NudgeClickResult>;

/** Shows the outcome in place of the buttons, or refuses a click on someone else's nudge. */
async function answer(
  args: AnyArgs,
  deps: AppDeps,
  scope: Scope,
  result: NudgeClickResult,
  changedData: boolean,
) {
  const { body, client, respond } = args;
  if (!result.ok) {
    await respond({ response_type: 'ephemeral', replace_original: false, text: NOT_YOUR_NUDGE });
    return;
  }
  const channel = body.channel?.id ?? body.container?.channel_id;
  const ts = body.message?.ts ?? body.container?.message_ts;
  const outcome = result.outcome;
  // A choice that no longer fits (an old menu): said to the member, the message keeps its buttons.
  if (outcome.kind === 'snooze_unavailable' || outcome.kind === 'undo_expired') {
    await respond({ response_type: 'ephemeral', replace_original: false, text: outcomeText(outcome) });
    return;
  }
  // Undo: the message as it was, with its buttons, rebuilt from the member's data now.
  if (outcome.kind === 'undone') {
    const restored = outcome.restored;
    if (channel && ts && restored) {
      const message =
        restored.kind === 'folded'
          ? buildFoldedNudgeMessage(restored.content)
          : buildNudgeMessage(restored.nudgeId, restored.content);
      await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
    }
    refreshHome(client, deps, scope);
    return;
  }
  if (channel && ts) {
    const message = buildNudgeOutcomeMessage(
      { text: body.message?.text, blocks: body.message?.blocks as unknown[] | undefined },
      result.outcome,
    );
    await client.chat.update({ channel, ts, text: message.text, blocks: message.blocks });
  }
  if (changedData) refreshHome(client, deps, scope);
}

function buttonHandler(deps: AppDeps, service: ClickService, changedData = false) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const scope = memberScope(args.context);
    const result = await service(deps.db, scope, args.action.value ?? '', deps.clock.now());
    await answer(args, deps, scope, result, changedData);
  };
}

function snoozeHandler(deps: AppDeps) {
  return async (args: SelectArgs) => {
    await args.ack();
    const scope = memberScope(args.context);
    const choice = parseSnoozeValue(args.action.selected_option?.value);
    const result: NudgeClickResult = choice
      ? await snoozeNudgeFor(deps.db, scope, choice.nudgeId, choice.choice, deps.clock.now())
      : { ok: false, reason: 'not_yours' };
    await answer(args, deps, scope, result, false);
  };
}

/** OPEN.settings (App Home and elsewhere): the same modal as `/coach settings`. */
export function openSettings(deps: AppDeps) {
  return async ({ context, ack, body, client }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    await openModal(
      client,
      body.trigger_id,
      'Nudge settings',
      async () => {
        await ensureTimezone(client, deps, scope);
        return buildSettingsModal(await loadNudgeSettings(deps.db, scope, deps.clock.now()));
      },
      deps.log,
    );
  };
}

/** "Show" in a folded message: that one nudge in full, posted in the member's DM. */
function showHandler(deps: AppDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const scope = memberScope(args.context);
    const shown = await showNudgeFor(deps.db, scope, args.action.value ?? '', deps.clock.now());
    if (!shown) {
      await args.respond({ response_type: 'ephemeral', replace_original: false, text: NOT_YOUR_NUDGE });
      return;
    }
    const channel = args.body.channel?.id ?? args.body.container?.channel_id;
    if (!channel) return;
    if ('gone' in shown) {
      await args.respond({
        response_type: 'ephemeral',
        replace_original: false,
        text: outcomeText({ kind: 'gone' }),
      });
      return;
    }
    const message = buildNudgeMessage(shown.nudgeId, shown.content);
    const posted = await args.client.chat.postMessage({
      channel,
      text: message.text,
      blocks: message.blocks,
    });
    if (posted.channel && posted.ts) {
      await recordNudgeShown(deps.db, scope, shown.nudgeId, {
        channelId: posted.channel,
        messageTs: posted.ts,
      });
    }
  };
}

export function registerNudgesActions(app: App, deps: AppDeps): void {
  // Done records what the nudge meant (a thank-you sent, the loop closed…): the Home changes too.
  app.action(NUDGE_ACTION_IDS.done, buttonHandler(deps, markNudgeDoneFor, true));
  app.action(NUDGE_ACTION_IDS.stop, buttonHandler(deps, stopNudgeKindFor));
  app.action(NUDGE_ACTION_IDS.undo, buttonHandler(deps, undoNudgeFor, true));
  app.action(NUDGE_ACTION_IDS.show, showHandler(deps));
  app.action(NUDGE_ACTION_IDS.thanksSent, buttonHandler(deps, markThanksSentFromNudge, true));
  app.action(NUDGE_ACTION_IDS.gotReply, buttonHandler(deps, markReplyFromNudge, true));
  app.action(NUDGE_ACTION_IDS.followedUp, buttonHandler(deps, markFollowedUpFromNudge, true));
  app.action(NUDGE_ACTION_IDS.snooze, snoozeHandler(deps));
  app.action(OPEN.settings, openSettings(deps));
}
