// People joining and leaving a cohort's channel keep the cohort's membership current. A joiner gets
// one welcome DM (when the cohort welcomes joiners): the service claims it, so a redelivered join or a
// second replica sends nothing; a DM that fails gives the claim back for a later delivery. Bots, the
// app's own bot user included, are never members.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { scrubTokens } from '../../../log';
import {
  cohortOfChannel,
  joinedCohortChannel,
  leftCohortChannel,
  welcomeNotSent,
} from '../../../services/cohorts';
import { personFacts } from '../../channels';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { describeError } from '../../pipeline/dispatch';
import { memberScope } from '../../pipeline/middleware';
import { sendDm } from '../../surfaces';
import { buildCohortWelcome } from '../../views/cohort-welcome';

type JoinArgs = SlackEventMiddlewareArgs<'member_joined_channel'> & AllMiddlewareArgs;
type LeaveArgs = SlackEventMiddlewareArgs<'member_left_channel'> & AllMiddlewareArgs;

export function memberJoinedChannel(deps: AppDeps) {
  return async ({ event, client, context }: JoinArgs) => {
    if (event.user === context.botUserId) return;
    const scope = memberScope(context);
    if (!(await cohortOfChannel(deps.db, scope.workspaceId, event.channel))) return;
    if ((await personFacts(client, event.user)).notAPerson) return;
    const { welcome } = await joinedCohortChannel(deps.db, scope, event.channel, deps.clock.now());
    if (welcome) {
      try {
        await sendDm(client, scope.userId, buildCohortWelcome(welcome));
      } catch (error) {
        await welcomeNotSent(deps.db, scope, event.channel, welcome.membershipId);
        deps.log.warn(
          { team: scope.workspaceId, user: scope.userId, err: scrubTokens(describeError(error)) },
          'the cohort welcome could not be sent; a later delivery of the join may send it',
        );
      }
    }
    refreshHome(client, deps, scope);
  };
}

export function memberLeftChannel(deps: AppDeps) {
  return async ({ event, client, context }: LeaveArgs) => {
    if (event.user === context.botUserId) return;
    const scope = memberScope(context);
    if (await leftCohortChannel(deps.db, scope, event.channel, deps.clock.now())) {
      refreshHome(client, deps, scope);
    }
  };
}
