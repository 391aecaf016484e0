// The setup modal submitted. Before the answer: the app must be in the channel, the facilitators must
// be people, and the member must be allowed (checked again in the service's transaction, which also
// claims the submission: a second copy changes nothing). After it: everyone in the channel joins the
// cohort (Slack is asked, page by page, who is there and who is a bot), then a new cohort's channel
// gets its note.
import type { WebClient } from '@slack/web-api';
import { type SavedCohort, setUpCohort, syncCohortRoster } from '../../../services/cohorts';
import { appInChannel, channelMemberIds, peopleAmong, personFacts } from '../../channels';
import type { AppDeps } from '../../deps';
import { refreshHome } from '../../home';
import {
  buildCohortSavedModal,
  buildCohortSetUpNote,
  buildSetupRefusedModal,
  channelErrors,
  facilitatorErrors,
  readCohortSetupForm,
  refusedChannelErrors,
} from '../../views/cohort-setup';
import { onValidSubmission } from './submission';

export function cohortSetupSubmission(deps: AppDeps) {
  return onValidSubmission(deps, readCohortSetupForm, async ({ ack, client, context, data, scope, key }) => {
    const check = await appInChannel(client, data.channelId);
    if (!check.ok) {
      await ack({ response_action: 'errors', errors: channelErrors(check.reason) });
      return;
    }
    const [me, ...facilitators] = await Promise.all(
      [scope.userId, ...data.facilitatorIds].map((id) => personFacts(client, id)),
    );
    const notPeople = facilitators.filter((f) => f.notAPerson).map((f) => f.name);
    if (notPeople.length > 0) {
      await ack({ response_action: 'errors', errors: facilitatorErrors(notPeople) });
      return;
    }
    const channelMembers = await channelMemberIds(client, data.channelId);
    const result = await setUpCohort(
      deps.db,
      scope,
      { ...data, isAdmin: me?.isAdmin ?? false, channelMemberIds: channelMembers },
      deps.clock.now(),
      key,
    );
    if (!result.ok) {
      const errors = refusedChannelErrors(result.refusal);
      await ack(
        errors
          ? { response_action: 'errors', errors }
          : { response_action: 'update', view: buildSetupRefusedModal(result.refusal, { submitted: true }) },
      );
      return;
    }
    await ack({ response_action: 'update', view: buildCohortSavedModal(result.cohort) });
    const botUserId = typeof context.botUserId === 'string' ? context.botUserId : undefined;
    deps.later.run('cohort roster', () =>
      fillRoster(client, deps, scope.workspaceId, result.cohort, channelMembers, botUserId),
    );
    refreshHome(client, deps, scope);
  });
}

/** Everyone in the channel who is a person joins the cohort; a new cohort's channel then gets its note. */
async function fillRoster(
  client: WebClient,
  deps: AppDeps,
  workspaceId: string,
  cohort: SavedCohort,
  channelMembers: readonly string[],
  botUserId: string | undefined,
): Promise<void> {
  const { people, unknown } = await peopleAmong(client, channelMembers, botUserId);
  const changed = await syncCohortRoster(deps.db, workspaceId, cohort.cohortId, people, deps.clock.now());
  deps.log.info(
    { workspaceId, cohortId: cohort.cohortId, ...changed, notLookedUp: unknown },
    'cohort members brought up to date',
  );
  if (!cohort.created) return;
  const note = buildCohortSetUpNote(cohort);
  await client.chat.postMessage({
    channel: cohort.channelId,
    text: note.text,
    blocks: note.blocks,
    unfurl_links: false,
  });
}
