// Publishes the App Home for one member: on app_home_opened and after every change they make.
import type { WebClient } from '@slack/web-api';
import type { Scope } from '../core/scope';
import { homeSnapshot } from '../services/home';
import { knownTimezone, rememberSlackTz } from '../services/prep';
import type { AppDeps } from './deps';
import { buildHomeView } from './views/home';

export async function refreshHome(client: WebClient, deps: AppDeps, scope: Scope): Promise<void> {
  await learnTimezone(client, deps, scope);
  const snapshot = await homeSnapshot(deps.db, scope);
  await client.views.publish({ user_id: scope.userId, view: buildHomeView(snapshot, deps.clock.now()) });
}

/**
 * Asks Slack for the member's timezone the first time it is needed (dates and deadlines are shown in
 * it). A failure only means times show in UTC for now.
 */
export async function learnTimezone(client: WebClient, deps: AppDeps, scope: Scope): Promise<void> {
  if (await knownTimezone(deps.db, scope)) return;
  try {
    const info = await client.users.info({ user: scope.userId });
    const tz = info.user?.tz;
    if (tz) await rememberSlackTz(deps.db, scope, tz);
  } catch (error) {
    deps.log.warn(
      { team: scope.workspaceId, user: scope.userId, err: String(error) },
      'could not read the timezone',
    );
  }
}
