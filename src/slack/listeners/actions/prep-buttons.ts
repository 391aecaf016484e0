// Buttons of the prep flow: open prep for a contact (OPEN.prep), add your own questions, schedule the chat.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { isoLocalDate } from '../../../coaching/time';
import { prepSheet, scheduleForm } from '../../../services/prep';
import { contactsForPicker } from '../../../services/targets';
import type { AppDeps } from '../../deps';
import { memberScope } from '../../pipeline/middleware';
import { openModal } from '../../surfaces';
import { OPEN } from '../../views/action-ids';
import { actions, button, noticeModal, section } from '../../views/kit';
import { buildPickContactModal, PICK_FOR_PREP_CALLBACK_ID } from '../../views/pick-contact';
import { buildOwnQuestionsModal, buildScheduleModal, readPrepState } from '../../views/prep';
import { answer } from './after-chat-reply';
import { clickedMessage, ensureTimezone, sendPrepDm } from './outreach-shared';

type ButtonArgs = SlackActionMiddlewareArgs<BlockAction<ButtonAction>> & AllMiddlewareArgs;

export const NOT_ON_LIST = "I couldn't find that person on your list. `/coach people` shows who is on it.";

/** OPEN.prep: with a contact id the questions arrive as a DM; without one, pick someone first. */
export function openPrep(deps: AppDeps) {
  return async ({ context, ack, body, action, client, respond }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const contactId = action.value ?? '';
    if (contactId) {
      // Not the member's contact (or gone): said next to the click, or in a DM from the Home tab.
      if (!(await sendPrepDm(client, deps, scope, contactId))) {
        await answer({ body, client, respond, log: deps.log }, { text: NOT_ON_LIST });
      }
      return;
    }
    await openModal(
      client,
      body.trigger_id,
      'Prepare questions',
      async () => {
        const contacts = await contactsForPicker(deps.db, scope);
        if (contacts.length === 0) {
          return noticeModal('Prepare questions', [
            section(
              'Your list is empty so far. Add someone one or two steps ahead of you, then prepare for them here.',
            ),
            actions('prep_empty', [button('Add someone', OPEN.addTarget, '', 'primary')]),
          ]);
        }
        return buildPickContactModal({
          callbackId: PICK_FOR_PREP_CALLBACK_ID,
          title: 'Prepare questions',
          intro: 'Who are you meeting? I will send you questions worth their time.',
          contacts,
          ambiguous: false,
          submit: 'Send me questions',
        });
      },
      deps.log,
    );
  };
}

export function prepOwnQuestions(deps: AppDeps) {
  return async ({ context, ack, body, action, client }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const where = clickedMessage(body);
    const state = readPrepState(action.value);
    if (!where || !state) return;
    await openModal(
      client,
      body.trigger_id,
      'Your own questions',
      async () => {
        const sheet = await prepSheet(deps.db, scope, state.contactId, state.own, state.skip);
        if (!sheet) return noticeModal('Your own questions', NOT_ON_LIST);
        return buildOwnQuestionsModal({
          contactName: sheet.contact.name,
          own: sheet.own,
          suggested: sheet.suggested,
          skip: sheet.skip,
          metadata: { contactId: sheet.contact.id, channel: where.channel, ts: where.ts },
        });
      },
      deps.log,
    );
  };
}

export function prepSchedule(deps: AppDeps) {
  return async ({ context, ack, body, action, client }: ButtonArgs) => {
    await ack();
    const scope = memberScope(context);
    const contactId = action.value;
    if (!contactId) return;
    await openModal(
      client,
      body.trigger_id,
      'Schedule the chat',
      async () => {
        const form = await scheduleForm(deps.db, scope, contactId);
        if (!form) return noticeModal('Schedule the chat', NOT_ON_LIST);
        const tz = form.tz ?? (await ensureTimezone(client, deps, scope));
        return buildScheduleModal({
          contact: form.contact,
          minutes: form.minutes,
          tz,
          today: isoLocalDate(deps.clock.now(), tz),
        });
      },
      deps.log,
    );
  };
}
