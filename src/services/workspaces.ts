// Workspace-level events: de-duplicating Slack's event retries, and the app being removed.
import type { Db } from '../db/client';
import { claimEvent } from '../store/events';
import { markWorkspaceInstalled, markWorkspaceUninstalled } from '../store/workspaces';

/** True the first time an Events API event id is seen, by any replica. */
export function firstDelivery(db: Db, eventId: string, workspaceId: string | undefined): Promise<boolean> {
  return claimEvent(db, eventId, workspaceId);
}

/** The app was uninstalled or its bot token revoked: stop working for the workspace. */
export function workspaceRemoved(db: Db, workspaceId: string, now: Date): Promise<void> {
  return markWorkspaceUninstalled(db, workspaceId, now);
}

/** The app's token works for this workspace (at start in single-workspace modes, or after an install). */
export function workspaceInstalled(
  db: Db,
  workspaceId: string,
  name: string | null,
  now: Date,
): Promise<void> {
  return markWorkspaceInstalled(db, workspaceId, name, now);
}
