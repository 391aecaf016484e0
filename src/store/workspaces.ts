import type { Db } from '../db/client';

/** The app is installed in the workspace (again): its members get nudges. */
export async function markWorkspaceInstalled(
  db: Db,
  workspaceId: string,
  name: string | null,
  now: Date,
): Promise<void> {
  await db.workspace.upsert({
    where: { id: workspaceId },
    create: { id: workspaceId, name, installedAt: now },
    update: { uninstalledAt: null, ...(name ? { name } : {}) },
  });
}

/** Marks the workspace uninstalled and cancels whatever was waiting to be sent there. */
export async function markWorkspaceUninstalled(db: Db, workspaceId: string, now: Date): Promise<void> {
  await db.$transaction([
    db.workspace.updateMany({ where: { id: workspaceId }, data: { uninstalledAt: now } }),
    db.nudge.updateMany({
      where: { workspaceId, status: { in: ['pending', 'sending'] } },
      data: { status: 'cancelled', lastError: 'app uninstalled', resolvedAt: now },
    }),
  ]);
}
