// Publishes the App Home for one member: on app_home_opened and after every change they make.
import type { WebClient } from '@slack/web-api';
import { homeSnapshot } from '../services/home';
import type { AppDeps, Scope } from './deps';
import { buildHomeView } from './views/home';

export async function refreshHome(client: WebClient, deps: AppDeps, scope: Scope): Promise<void> {
  const snapshot = await homeSnapshot(deps.db, scope);
  await client.views.publish({ user_id: scope.userId, view: buildHomeView(snapshot, deps.clock.now()) });
}
