// Slack retries Events API deliveries it thinks failed, and with several replicas any of them may
// get the retry: each event id is handled once, whichever process sees it first.
import type { AnyMiddlewareArgs, Middleware } from '@slack/bolt';
import { firstDelivery } from '../../../services/workspaces';
import type { AppDeps } from '../../deps';

export function dedupeEvents(deps: AppDeps): Middleware<AnyMiddlewareArgs> {
  return async ({ body, next }) => {
    const envelope = body as { type?: string; event_id?: string; team_id?: string };
    if (envelope.type === 'event_callback' && envelope.event_id) {
      const first = await firstDelivery(deps.db, envelope.event_id, envelope.team_id);
      if (!first) {
        deps.log.debug({ eventId: envelope.event_id }, 'skipping an event already handled');
        return;
      }
    }
    await next();
  };
}
