// "Nudge kindly" on a facilitator's weekly note about quiet students: the coach sends that student one
// short, kind DM with a button for their next step (at most one a week, however often it is pressed or
// by however many facilitators). The button names a cohort and a student; the service re-checks both
// against the clicker. The note then shows what happened in place of that student's button.
import { randomUUID } from 'node:crypto';
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { scrubTokens } from '../../../log';
import { claimKindNudge, kindNudgeNotSent, kindNudgeSent } from '../../../services/cohort-digests';
import type { AppDeps } from '../../deps';
import { memberScope } from '../../pipeline/middleware';
import { sendDm } from '../../surfaces';
import {
  buildKindNudgeDm,
  COHORT_DIGEST_ACTIONS,
  decodeNudgeTarget,
  type KindNudgeOutcome,
  kindNudgeOutcome,
  noteAfterNudge,
} from '../../views/cohort-digest';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

/** How long a press holds the week's nudge while it sends it. */
const LEASE_MS = 2 * 60_000;

export function nudgeKindly(deps: AppDeps) {
  return async ({ ack, action, body, client, context, respond }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const value = action.value ?? '';
    const target = decodeNudgeTarget(value);
    const owner = randomUUID();
    const now = deps.clock.now();
    const claim = target
      ? await claimKindNudge(deps.db, scope, target, {
          owner,
          now,
          leaseUntil: new Date(now.getTime() + LEASE_MS),
        })
      : ({ kind: 'not_found' } as const);

    let outcome: KindNudgeOutcome;
    if (claim.kind === 'claimed') {
      try {
        const sent = await sendDm(client, claim.studentUserId, buildKindNudgeDm(claim.step));
        await kindNudgeSent(deps.db, claim.key, owner, {
          channelId: sent.channel ?? null,
          messageTs: sent.ts ?? null,
          sentAt: deps.clock.now(),
        });
        outcome = { kind: 'sent', studentUserId: claim.studentUserId };
      } catch (error) {
        await kindNudgeNotSent(deps.db, claim.key, owner, deps.clock.now());
        deps.log.warn(
          { team: scope.workspaceId, cohort: claim.key.cohortId, err: scrubTokens(String(error)) },
          'kind nudge not sent',
        );
        outcome = { kind: 'failed', studentUserId: claim.studentUserId };
      }
    } else {
      outcome = claim;
    }

    const text = kindNudgeOutcome(outcome);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const ts = body.message?.ts ?? body.container?.message_ts;
    const note =
      outcome.kind === 'not_found' || outcome.kind === 'failed' || !body.message
        ? null
        : noteAfterNudge({ text: body.message.text, blocks: body.message.blocks as unknown[] }, value, text);
    if (note && channel && ts) {
      await client.chat.update({ channel, ts, text: note.text, blocks: note.blocks });
    } else {
      await respond({ response_type: 'ephemeral', replace_original: false, text });
    }
  };
}

export function registerCohortNudgeActions(app: App, deps: AppDeps): void {
  app.action<BlockAction<ButtonAction>>(COHORT_DIGEST_ACTIONS.nudgeKindly, nudgeKindly(deps));
}
