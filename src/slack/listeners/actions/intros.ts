// The classmate's answer to a warm-intro request: Accept, the pick when several of their people fit,
// and Decline. Every click is re-checked in the service against the clicking member (a request id
// that is not addressed to them finds nothing); the DM is updated in place to say what happened.
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import { firstName } from '../../../coaching/text';
import type { Scope } from '../../../core/scope';
import type { Log } from '../../../log';
import {
  acceptIntro,
  declineIntro,
  type IntroAnswer,
  type KindNo,
  kindNoNotSent,
  type PersonLookup,
} from '../../../services/intros';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { memberScope } from '../../pipeline/middleware';
import { dmLater, type Message, sendDm, updateInMemberDm } from '../../surfaces';
import {
  answeredText,
  buildClassmateOutcome,
  buildIntroAcceptedMessage,
  buildKindNoMessage,
  buildPickMessage,
  INTRO_ACTIONS,
  INTRO_NO_LONGER_MATCHES_TEXT,
  INTRO_NOT_FOUND_TEXT,
  outcomeOfAnswered,
  parsePickValue,
} from '../../views/intros';
import { clickedMessage } from './outreach-shared';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;
type SelectArgs = SlackActionMiddlewareArgs<BlockAction<StaticSelectAction>> & AllMiddlewareArgs;
type AnyArgs = ButtonArgs | SelectArgs;

/** users.info reduced to the name Slack shows; unknown facts are null (a failure is logged). */
export function slackPeople(client: WebClient, log: Log): PersonLookup {
  return async (userId) => {
    try {
      const user = (await client.users.info({ user: userId })).user;
      const name = user?.real_name || user?.profile?.real_name || user?.profile?.display_name || '';
      const first = user?.profile?.first_name || firstName(name);
      return { name: name.trim() || null, firstName: first.trim() || null };
    } catch (error) {
      log.warn({ user: userId, err: String(error) }, 'users.info failed');
      return { name: null, firstName: null };
    }
  };
}

/** Sends a claimed kind no after the ack; if Slack refuses it, the claim is released for the sweep. */
export function sendKindNoLater(deps: AppDeps, client: WebClient, kindNo: KindNo): void {
  deps.later.run('intro kind no', async () => {
    try {
      await sendDm(client, kindNo.requesterUserId, buildKindNoMessage(kindNo.query));
    } catch (error) {
      await kindNoNotSent(deps.db, kindNo);
      throw error;
    }
  });
}

async function replaceClicked(args: AnyArgs, deps: AppDeps, scope: Scope, message: Message): Promise<void> {
  const where = clickedMessage(args.body);
  if (!where) {
    await sendDm(args.client, scope.userId, message);
    return;
  }
  await updateInMemberDm(args.client, scope.userId, where, message, deps.log);
}

function tellClicker(args: AnyArgs, text: string): Promise<unknown> {
  return args.respond({ response_type: 'ephemeral', replace_original: false, text });
}

/** Shows what the answer did: in the classmate's DM, and to the requester when there is news. */
async function show(args: AnyArgs, deps: AppDeps, scope: Scope, answer: IntroAnswer): Promise<void> {
  const { client } = args;
  switch (answer.kind) {
    case 'not_found':
      await tellClicker(args, INTRO_NOT_FOUND_TEXT);
      return;
    case 'answered':
      await tellClicker(args, answeredText(answer));
      await replaceClicked(args, deps, scope, outcomeOfAnswered(answer));
      return;
    case 'closed':
      await replaceClicked(args, deps, scope, buildClassmateOutcome({ kind: 'closed' }));
      if (answer.kindNo) sendKindNoLater(deps, client, answer.kindNo);
      return;
    case 'no_match':
      await tellClicker(args, INTRO_NO_LONGER_MATCHES_TEXT);
      return;
    case 'pick':
      await replaceClicked(args, deps, scope, buildPickMessage(answer));
      return;
    case 'declined':
      await replaceClicked(
        args,
        deps,
        scope,
        buildClassmateOutcome({ kind: 'declined', requesterUserId: answer.requesterUserId }),
      );
      if (answer.kindNo) sendKindNoLater(deps, client, answer.kindNo);
      return;
    case 'accepted':
      await replaceClicked(
        args,
        deps,
        scope,
        buildClassmateOutcome({
          kind: 'accepted',
          requesterUserId: answer.requesterUserId,
          contactName: answer.contact.name,
        }),
      );
      dmLater(
        deps,
        client,
        answer.requesterUserId,
        buildIntroAcceptedMessage({
          classmateUserId: scope.userId,
          contact: answer.contact,
          alreadyOnList: answer.alreadyOnList,
          draft: answer.draft,
        }),
      );
      refreshHome(client, deps, answer.requesterScope);
      return;
  }
}

function accept(deps: AppDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const scope = memberScope(args.context);
    const answer = await acceptIntro(
      deps.db,
      scope,
      { requestId: args.action.value ?? '', contactId: null },
      deps.clock.now(),
      slackPeople(args.client, deps.log),
    );
    await show(args, deps, scope, answer);
  };
}

function pick(deps: AppDeps) {
  return async (args: SelectArgs) => {
    await args.ack();
    const scope = memberScope(args.context);
    const picked = parsePickValue(args.action.selected_option?.value);
    const answer: IntroAnswer = picked
      ? await acceptIntro(deps.db, scope, picked, deps.clock.now(), slackPeople(args.client, deps.log))
      : { kind: 'not_found' };
    await show(args, deps, scope, answer);
  };
}

function decline(deps: AppDeps) {
  return async (args: ButtonArgs) => {
    await args.ack();
    const scope = memberScope(args.context);
    await show(
      args,
      deps,
      scope,
      await declineIntro(deps.db, scope, args.action.value ?? '', deps.clock.now()),
    );
  };
}

export function registerIntroActions(app: App, deps: AppDeps): void {
  app.action<BlockAction<ButtonAction>>(INTRO_ACTIONS.accept, accept(deps));
  app.action<BlockAction<StaticSelectAction>>(INTRO_ACTIONS.pick, pick(deps));
  app.action<BlockAction<ButtonAction>>(INTRO_ACTIONS.decline, decline(deps));
}
