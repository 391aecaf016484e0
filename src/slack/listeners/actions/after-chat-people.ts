// The people list from buttons: OPEN.people (everyone, or one person) and the per-person menu.
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  OverflowAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import { archiveContact, peopleByStage, personOverview } from '../../../services/people';
import { thankYouFor } from '../../../services/thanks';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { memberScope } from '../../pipeline/middleware';
import {
  buildPeopleMessage,
  buildPersonMessage,
  decodePersonChoice,
  PEOPLE_ACTIONS,
  personNotFoundText,
} from '../../views/people';
import { buildThanksProblemMessage, buildThankYouMessage } from '../../views/thanks';
import { openLogModal } from '../views/log';
import { answer, replaceSource } from './after-chat-reply';
import { openAskModal, sendPrepDm } from './outreach-shared';

export function openPeople(deps: AppDeps) {
  return async ({
    ack,
    context,
    body,
    action,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs) => {
    await ack();
    const scope = memberScope(context);
    const now = deps.clock.now();
    const click = { body, client, respond, log: deps.log };
    if (action.value) {
      const person = await personOverview(deps.db, scope, action.value, now);
      await answer(
        click,
        person ? buildPersonMessage(person.entry, person.referrerName) : { text: personNotFoundText() },
      );
      return;
    }
    await answer(
      click,
      buildPeopleMessage(await peopleByStage(deps.db, scope, now), { stage: null, page: 1 }),
    );
  };
}

export function personMenuChoice(deps: AppDeps) {
  return async ({
    ack,
    context,
    body,
    action,
    client,
    respond,
  }: SlackActionMiddlewareArgs<BlockAction<OverflowAction>> & AllMiddlewareArgs) => {
    await ack();
    const scope = memberScope(context);
    const picked = decodePersonChoice(action.selected_option?.value);
    if (!picked || action.action_id !== PEOPLE_ACTIONS.menu) return;
    const now = deps.clock.now();
    const click = { body, client, respond, log: deps.log };
    switch (picked.choice) {
      case 'log':
        await openLogModal(client, deps, scope, body.trigger_id, { contactId: picked.contactId });
        return;
      case 'thanks': {
        const found = await thankYouFor(deps.db, scope, { contactId: picked.contactId }, now);
        await answer(
          click,
          found.ok ? buildThankYouMessage(found.card, now) : buildThanksProblemMessage(found.problem),
        );
        return;
      }
      case 'archive': {
        const archived = await archiveContact(deps.db, scope, picked.contactId, now);
        if (!archived) {
          await answer(click, { text: personNotFoundText() });
          return;
        }
        const list = buildPeopleMessage(await peopleByStage(deps.db, scope, now), picked.filter);
        if (!(await replaceSource(click, list))) await answer(click, list);
        refreshHome(client, deps, scope);
        return;
      }
      case 'ask':
        await openAskModal(client, deps, scope, body.trigger_id, { contactId: picked.contactId });
        return;
      case 'prep':
        if (!(await sendPrepDm(client, deps, scope, picked.contactId)))
          await answer(click, { text: personNotFoundText() });
        return;
    }
  };
}
