import type { WebClient } from '@slack/web-api';
import type { Scope } from '../../../core/scope';
import { type LogStart, logConversation, startLog } from '../../../services/log';
import { signedCard } from '../../../services/thanks';
import type { AppDeps } from '../../deps';
import { learnTimezone, refreshHome } from '../../home';
import { openModal, sendDm } from '../../surfaces';
import {
  buildLoggedMessage,
  buildLogModal,
  buildPickPersonModal,
  logProblemErrors,
  PICK_NEW_PERSON,
  parseLogMetadata,
  parsePickMetadata,
  readLogForm,
  readPickForm,
} from '../../views/log';
import { signerFirstName } from '../actions/outreach-shared';
import { onValidSubmission } from './submission';

function viewFor(start: LogStart) {
  return start.kind === 'pick'
    ? buildPickPersonModal({ typed: start.typed, matches: start.matches })
    : buildLogModal(start.defaults);
}

/** Opens the log modal for a typed name, a contact id, or nobody yet. */
export async function openLogModal(
  client: WebClient,
  deps: AppDeps,
  scope: Scope,
  triggerId: string,
  who: { typed?: string | null; contactId?: string | null },
): Promise<void> {
  await openModal(
    client,
    triggerId,
    'Log a conversation',
    async () => {
      await learnTimezone(client, deps, scope);
      return viewFor(await startLog(deps.db, scope, who, deps.clock.now()));
    },
    deps.log,
  );
}

/** "Which one?" answered: the log modal replaces the picker, with that person filled in. */
export function logPickSubmission(deps: AppDeps) {
  return onValidSubmission(deps, readPickForm, async ({ ack, view, data, scope }) => {
    const who =
      data.choice === PICK_NEW_PERSON
        ? { newName: parsePickMetadata(view.private_metadata).typed }
        : { contactId: data.choice };
    const start = await startLog(deps.db, scope, who, deps.clock.now());
    await ack({ response_action: 'update', view: viewFor(start) });
  });
}

/** Saved before the ack (one transaction), so a problem comes back inline; the DM and Home follow after. */
export function logSubmission(deps: AppDeps) {
  return onValidSubmission(deps, readLogForm, async ({ ack, view, client, data, scope, key }) => {
    const now = deps.clock.now();
    const { contactId } = parseLogMetadata(view.private_metadata);
    const result = await logConversation(deps.db, scope, { ...data, contactId }, now, key);
    if (!result.ok) {
      await ack({ response_action: 'errors', errors: logProblemErrors(result.problem) });
      return;
    }
    await ack();
    // The thank-you is signed with the student's name from Slack, asked for after the ack.
    deps.later.run('dm', async () => {
      const firstName = await signerFirstName(client, deps, scope, result.slackName);
      const card = await signedCard(deps.drafter, result.summary.card, firstName);
      const summary = { ...result.summary, card };
      await sendDm(client, scope.userId, buildLoggedMessage(summary, now));
    });
    refreshHome(client, deps, scope);
  });
}
