// Moving around the people list: Previous, Next, "See all" and the stage menu redraw the list in
// place. Their values name only a stage and a page; the people come from the member's own scope.
import type {
  AllMiddlewareArgs,
  App,
  BlockAction,
  ButtonAction,
  SlackActionMiddlewareArgs,
  StaticSelectAction,
} from '@slack/bolt';
import { peopleByStage } from '../../../services/people';
import type { AppDeps } from '../../deps';
import { memberScope } from '../../pipeline/middleware';
import { buildPeopleMessage, decodeListValue, PEOPLE_ACTIONS } from '../../views/people';
import { answer, replaceSource } from './after-chat-reply';

type Args = SlackActionMiddlewareArgs<BlockAction<ButtonAction | StaticSelectAction>> & AllMiddlewareArgs;

function showList(deps: AppDeps) {
  return async ({ ack, context, body, action, client, respond }: Args) => {
    await ack();
    const scope = memberScope(context);
    const value = action.type === 'static_select' ? action.selected_option?.value : action.value;
    const list = buildPeopleMessage(
      await peopleByStage(deps.db, scope, deps.clock.now()),
      decodeListValue(value),
    );
    const click = { body, client, respond, log: deps.log };
    if (!(await replaceSource(click, list))) await answer(click, list);
  };
}

export function registerPeopleListActions(app: App, deps: AppDeps): void {
  app.action<BlockAction<ButtonAction>>(PEOPLE_ACTIONS.page, showList(deps));
  app.action<BlockAction<ButtonAction>>(PEOPLE_ACTIONS.next, showList(deps));
  app.action<BlockAction<ButtonAction>>(PEOPLE_ACTIONS.everyone, showList(deps));
  app.action<BlockAction<StaticSelectAction>>(PEOPLE_ACTIONS.filter, showList(deps));
}
