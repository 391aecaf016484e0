// Workspace-level events: de-duplicating Slack's retries and replays, and the app being removed.
import type { Db } from '../db/client';
import {
  deleteMemberData,
  deleteWorkspaceData,
  type MemberDeletedCounts,
  type WorkspaceDeletedCounts,
} from '../store/erase';
import { claimRequestAlone, wasHandled } from '../store/requests';
import { markWorkspaceInstalled } from '../store/workspaces';

export type { MemberDeletedCounts, WorkspaceDeletedCounts };

/**
 * True the first time a request key is seen, by any replica: for requests whose effect is a message or
 * a modal (events, clicks, shortcuts), so a retry or a replay does not send it twice.
 */
export function firstDelivery(db: Db, key: string, workspaceId: string | null, now: Date): Promise<boolean> {
  return claimRequestAlone(db, key, workspaceId, now);
}

/**
 * The app was uninstalled or its bot token revoked: everything stored for the workspace is deleted
 * (its members' data, cohorts, installations, recorded requests and the workspace itself).
 */
export function workspaceRemoved(db: Db, workspaceId: string): Promise<WorkspaceDeletedCounts> {
  return deleteWorkspaceData(db, workspaceId);
}

/** Members revoked their user tokens: each one's data is deleted (one transaction per member). */
export async function membersRevoked(
  db: Db,
  workspaceId: string,
  userIds: readonly string[],
): Promise<{ userId: string; deleted: MemberDeletedCounts }[]> {
  const results: { userId: string; deleted: MemberDeletedCounts }[] = [];
  for (const userId of new Set(userIds)) {
    results.push({ userId, deleted: await deleteMemberData(db, workspaceId, userId) });
  }
  return results;
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
