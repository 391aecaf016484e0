// Workspace-level events: de-duplicating Slack's event retries, and the app being removed.
import type { Db } from '../db/client';
import { claimEvent } from '../store/events';
import { markWorkspaceUninstalled } from '../store/workspaces';

/** True the first time an Events API event id is seen, by any replica. */
export function firstDelivery(db: Db, eventId: string, workspaceId: string | undefined): Promise<boolean> {
  return claimEvent(db, eventId, workspaceId);
}

/** The app was uninstalled or its bot token revoked: stop working for the workspace. */
export function workspaceRemoved(db: Db, workspaceId: string, now: Date): Promise<void> {
  return markWorkspaceUninstalled(db, workspaceId, now);
}
