// The App Home for one member: published on app_home_opened and after every change they make, through
// the coalescing refresher (several changes in a moment become one views.publish), after the ack.
import type { WebClient } from '@slack/web-api';
import type { Scope } from '../core/scope';
import { homeSnapshot } from '../services/home';
import { knownTimezone, rememberSlackName, rememberSlackTz } from '../services/prep';
import type { AppDeps, CoreDeps } from './deps';
import { buildHomeView } from './views/home';

/** Asks for a fresh App Home; returns at once (the publish runs after the ack). */
export function refreshHome(
  client: WebClient,
  deps: AppDeps,
  scope: Scope,
  options: { soon?: boolean } = {},
): void {
  deps.home.request(client, scope, options);
}

/** Builds and publishes the App Home now. */
export async function publishHome(client: WebClient, deps: CoreDeps, scope: Scope): Promise<void> {
  let home = await homeSnapshot(deps.db, scope, deps.clock.now());
  if (!home.timezoneKnown) {
    await learnTimezone(client, deps, scope);
    home = await homeSnapshot(deps.db, scope, deps.clock.now());
  }
  await client.views.publish({
    user_id: scope.userId,
    view: buildHomeView(home.snapshot, deps.clock.now(), home.cohort, home.facilitating),
  });
}

/**
 * Asks Slack for the member's timezone the first time it is needed (dates and deadlines are shown in
 * it). A failure only means times show in UTC for now.
 */
export async function learnTimezone(client: WebClient, deps: CoreDeps, scope: Scope): Promise<void> {
  if (await knownTimezone(deps.db, scope)) return;
  try {
    const info = await client.users.info({ user: scope.userId });
    const tz = info.user?.tz;
    if (tz) await rememberSlackTz(deps.db, scope, tz);
    const name = info.user?.profile?.real_name || info.user?.real_name || info.user?.profile?.display_name;
    if (name?.trim()) await rememberSlackName(deps.db, scope, name.trim());
  } catch (error) {
    deps.log.warn(
      { team: scope.workspaceId, user: scope.userId, err: String(error) },
      'could not read the timezone',
    );
  }
}
