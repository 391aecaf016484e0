// Submitting the prep modals: your own questions, picking who to prepare for, booking the chat.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { choosePrepList, prepSheet, scheduleChat } from '../../../services/prep';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import { memberScope, requestKey } from '../../pipeline/middleware';
import { dmLater, updateInMemberDm } from '../../surfaces';
import { noticeModal } from '../../views/kit';
import { pickContactMissingError, readPickContactForm } from '../../views/pick-contact';
import {
  buildPrepMessage,
  buildScheduledMessage,
  listSizeError,
  readOwnQuestionsForm,
  readOwnQuestionsMetadata,
  readScheduleForm,
  readScheduleMetadata,
  scheduleContactMissingError,
  scheduleInPastError,
  scheduleInvalidError,
} from '../../views/prep';
import { NOT_ON_LIST } from '../actions/prep-buttons';
import { onValidSubmission } from './submission';

type SubmitArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/** The member's own questions go into the prep DM they came from (updated in place). */
export function ownQuestionsSubmission(deps: AppDeps) {
  return async ({ ack, view, client, context }: SubmitArgs) => {
    const form = readOwnQuestionsForm(view.state.values);
    if (!form.ok) {
      await ack({ response_action: 'errors', errors: form.errors });
      return;
    }
    const scope = memberScope(context);
    // The contact id (and the DM it lives in) come back in private_metadata: re-checked as the member's.
    const where = readOwnQuestionsMetadata(view.private_metadata);
    const result = where ? await choosePrepList(deps.db, scope, where.contactId, form.data) : null;
    if (!where || !result || (!result.ok && result.problem === 'not_found')) {
      await ack({ response_action: 'update', view: noticeModal('Your own questions', NOT_ON_LIST) });
      return;
    }
    if (!result.ok) {
      // More than 7 (or fewer than 5) in all: the member chooses which to keep; their typing stays.
      await ack({ response_action: 'errors', errors: listSizeError(result) });
      return;
    }
    await ack();
    const message = buildPrepMessage(result.sheet);
    deps.later.run('prep update', () => updateInMemberDm(client, scope.userId, where, message, deps.log));
  };
}

export function pickForPrepSubmission(deps: AppDeps) {
  return onValidSubmission(deps, readPickContactForm, async ({ ack, client, data, scope }) => {
    const sheet = await prepSheet(deps.db, scope, data.contactId);
    if (!sheet) {
      await ack({ response_action: 'errors', errors: pickContactMissingError() });
      return;
    }
    await ack();
    dmLater(deps, client, scope.userId, buildPrepMessage(sheet));
  });
}

export function scheduleSubmission(deps: AppDeps) {
  return async ({ ack, view, client, context }: SubmitArgs) => {
    const scope = memberScope(context);
    const form = readScheduleForm(view.state.values);
    const meta = readScheduleMetadata(view.private_metadata);
    if (!form.ok || !meta) {
      await ack({ response_action: 'errors', errors: form.ok ? scheduleContactMissingError() : form.errors });
      return;
    }
    const result = await scheduleChat(
      deps.db,
      scope,
      { contactId: meta.contactId, ...form.data },
      deps.clock.now(),
      requestKey(context),
    );
    if (!result.ok) {
      const errors =
        result.problem === 'in_past'
          ? scheduleInPastError(result.tz)
          : result.problem === 'invalid_time'
            ? scheduleInvalidError()
            : scheduleContactMissingError();
      await ack({ response_action: 'errors', errors });
      return;
    }
    await ack();
    dmLater(deps, client, scope.userId, buildScheduledMessage(result));
    refreshHome(client, deps, scope);
  };
}
