// Workspace-level events: de-duplicating Slack's retries and replays, and the app being removed.
import type { Db } from '../db/client';
import { claimRequestAlone, wasHandled } from '../store/requests';
import { markWorkspaceInstalled, markWorkspaceUninstalled } from '../store/workspaces';

/**
 * True the first time a request key is seen, by any replica: for requests whose effect is a message or
 * a modal (events, clicks, shortcuts), so a retry or a replay does not send it twice.
 */
export function firstDelivery(db: Db, key: string, workspaceId: string | null, now: Date): Promise<boolean> {
  return claimRequestAlone(db, key, workspaceId, now);
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

/** True when a request with this key was applied already. */
export function requestHandled(db: Db, key: string): Promise<boolean> {
  return wasHandled(db, key);
}
