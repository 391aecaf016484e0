// The people list from buttons: OPEN.people (everyone, or one person) and the per-person menu.
import type {
  AllMiddlewareArgs,
  BlockAction,
  ButtonAction,
  OverflowAction,
  SlackActionMiddlewareArgs,
} from '@slack/bolt';
import {
  archiveContact,
  peopleByStage,
  personOverview,
  restoreContact,
  undoArchive,
} from '../../../services/people';
import { thankYouFor } from '../../../services/thanks';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { memberScope } from '../../pipeline/middleware';
import {
  archivedNoticeBlocks,
  decodePersonList,
  restoredNoticeBlocks,
  restoreRefusedText,
  withNotice,
} from '../../views/archive';
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
        const list = withNotice(
          buildPeopleMessage(await peopleByStage(deps.db, scope, now), picked.filter),
          archivedNoticeBlocks(archived.contact, archived.undoUntil, archived.tz, picked.filter),
        );
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

/**
 * Undo on Archive (within the window) and Restore (any time): the person goes back to the stage they
 * were archived from, and the list the click came from is redrawn with a line saying so.
 */
export function putBackFromArchive(deps: AppDeps, kind: 'undo' | 'restore') {
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
    const picked = decodePersonList(action.value);
    const service = kind === 'undo' ? undoArchive : restoreContact;
    const result = picked
      ? await service(deps.db, scope, picked.contactId, now)
      : ({ ok: false, problem: 'not_found' } as const);
    if (!result.ok) {
      await answer(click, {
        text:
          result.problem === 'not_found'
            ? personNotFoundText()
            : restoreRefusedText(result.contact.name, result.problem),
      });
      return;
    }
    const list = withNotice(
      buildPeopleMessage(await peopleByStage(deps.db, scope, now), picked?.list ?? { stage: null, page: 1 }),
      restoredNoticeBlocks(result.contact),
    );
    if (!(await replaceSource(click, list))) await answer(click, list);
    refreshHome(client, deps, scope);
  };
}
