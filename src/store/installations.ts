// OAuth installations (one per workspace, or per Enterprise Grid org for an org-wide install), with
// their tokens sealed at rest: the whole Installation object Slack's OAuth flow produced is stored
// sealed in `data`; the plain columns hold only what is not secret (ids, scopes).
//
// Which row an installation is: a workspace install is the row of its team (`workspaceId` = T…,
// `enterpriseId` = the team's org when it has one); an org-wide install is the row of the org itself
// (`workspaceId` = `enterpriseId` = E…, `isEnterpriseInstall`), as the schema says. A workspace has
// one row: storing again (a reinstall, or Bolt saving refreshed tokens when token rotation is on)
// replaces what was stored.
import type { Installation, InstallationQuery, InstallationStore } from '@slack/oauth';
import { SealError, type Sealer } from '../core/seal';
import type { Db, Prisma } from '../db/client';

type DbOrTx = Db | Prisma.TransactionClient;

/** Re-sealing every installation is one transaction; allow it longer than an ordinary one. */
const RESEAL_TIMEOUT_MS = 120_000;

type AnyInstallation = Installation<'v1' | 'v2', boolean>;

/** The row an installation (or a query for one) is kept in. */
interface Where {
  workspaceId: string;
  isEnterpriseInstall: boolean;
}

function whereOfInstallation(installation: AnyInstallation): Where & { enterpriseId: string | null } {
  const enterpriseId = installation.enterprise?.id ?? null;
  if (installation.isEnterpriseInstall) {
    if (!enterpriseId) throw new Error('An org-wide installation must name its enterprise');
    return { workspaceId: enterpriseId, enterpriseId, isEnterpriseInstall: true };
  }
  const teamId = installation.team?.id;
  if (!teamId) throw new Error('A workspace installation must name its team');
  return { workspaceId: teamId, enterpriseId, isEnterpriseInstall: false };
}

function whereOfQuery(query: InstallationQuery<boolean>): Where {
  if (query.isEnterpriseInstall) {
    if (!query.enterpriseId) throw new Error('An org-wide installation is looked up by its enterprise id');
    return { workspaceId: query.enterpriseId, isEnterpriseInstall: true };
  }
  if (!query.teamId) throw new Error('A workspace installation is looked up by its team id');
  return { workspaceId: query.teamId, isEnterpriseInstall: false };
}

function nameOf(where: Where): string {
  return where.isEnterpriseInstall ? `org ${where.workspaceId}` : `workspace ${where.workspaceId}`;
}

/** Opens a stored installation; a SealError names whose installation it is (never a token). */
function openInstallation(sealer: Sealer, where: Where, data: string): AnyInstallation {
  let text: string;
  try {
    text = sealer.open(data);
  } catch (error) {
    if (error instanceof SealError) {
      throw new SealError(`The installation of ${nameOf(where)}: ${error.message}`, { cause: error });
    }
    throw error;
  }
  const installation = JSON.parse(text) as AnyInstallation;
  // A sealed value copied onto another workspace's row opens, but is not that workspace's.
  const owner = installation.isEnterpriseInstall ? installation.enterprise?.id : installation.team?.id;
  if (owner !== where.workspaceId) {
    throw new Error(`The installation stored for ${nameOf(where)} belongs to another workspace`);
  }
  return installation;
}

/** The installation without its user token (the installer's, which must not act for anyone else). */
function withoutUserToken(installation: AnyInstallation): AnyInstallation {
  return {
    ...installation,
    user: {
      id: installation.user.id,
      token: undefined,
      refreshToken: undefined,
      expiresAt: undefined,
      scopes: undefined,
    },
  } as AnyInstallation;
}

function columnsOf(installation: AnyInstallation) {
  return {
    appId: installation.appId ?? null,
    botUserId: installation.bot?.userId ?? null,
    botId: installation.bot?.id ?? null,
    botScopes: (installation.bot?.scopes ?? []).join(','),
    installerUserId: installation.user?.id ?? null,
  };
}

function findInstallation(db: DbOrTx, where: Where) {
  return db.installation.findFirst({
    where: {
      workspaceId: where.workspaceId,
      isEnterpriseInstall: where.isEnterpriseInstall,
      revokedAt: null,
    },
    orderBy: { createdAt: 'desc' },
    select: { id: true, data: true },
  });
}

export class PrismaInstallationStore implements InstallationStore {
  constructor(
    private readonly db: Db,
    private readonly sealer: Sealer,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async storeInstallation<AuthVersion extends 'v1' | 'v2'>(
    installation: Installation<AuthVersion, boolean>,
  ): Promise<void> {
    const given = installation as AnyInstallation;
    const where = whereOfInstallation(given);
    const now = this.now();
    const name = (where.isEnterpriseInstall ? given.enterprise?.name : given.team?.name) ?? undefined;
    await this.db.$transaction(async (tx) => {
      const before = await tx.workspace.findUnique({
        where: { id: where.workspaceId },
        select: { uninstalledAt: true },
      });
      // Writing the workspace row first takes its lock (Postgres): a concurrent store for the same
      // workspace waits here, then finds the installation this one wrote.
      await tx.workspace.upsert({
        where: { id: where.workspaceId },
        create: {
          id: where.workspaceId,
          name: name ?? null,
          enterpriseId: where.enterpriseId,
          installedAt: now,
        },
        update: { enterpriseId: where.enterpriseId, uninstalledAt: null, ...(name ? { name } : {}) },
      });
      // Found, not upserted: the unique index on (workspaceId, enterpriseId) does not hold for a NULL
      // enterpriseId on SQLite or Postgres.
      const rows = await tx.installation.findMany({
        where: { workspaceId: where.workspaceId },
        orderBy: { createdAt: 'desc' },
        select: { id: true, data: true, installerUserId: true, revokedAt: true },
      });
      const current = rows[0];
      if (before && (before.uninstalledAt !== null || !current || current.revokedAt !== null)) {
        await tx.workspace.update({ where: { id: where.workspaceId }, data: { installedAt: now } });
      }
      const stored = current ? keepInstallerToken(this.sealer, where, given, current) : given;
      const data = {
        enterpriseId: where.enterpriseId,
        isEnterpriseInstall: where.isEnterpriseInstall,
        ...columnsOf(stored),
        data: this.sealer.seal(JSON.stringify(stored)),
        revokedAt: null,
      };
      if (current) {
        await tx.installation.update({ where: { id: current.id, workspaceId: where.workspaceId }, data });
        if (rows.length > 1) {
          await tx.installation.deleteMany({
            where: { workspaceId: where.workspaceId, id: { in: rows.slice(1).map((r) => r.id) } },
          });
        }
      } else {
        await tx.installation.create({ data: { workspaceId: where.workspaceId, createdAt: now, ...data } });
      }
    });
  }

  async fetchInstallation(query: InstallationQuery<boolean>): Promise<AnyInstallation> {
    const where = whereOfQuery(query);
    const row = await findInstallation(this.db, where);
    if (!row) throw new Error(`No installation of the app for ${nameOf(where)}`);
    const installation = openInstallation(this.sealer, where, row.data);
    if (query.userId && installation.user?.id !== query.userId) return withoutUserToken(installation);
    return installation;
  }

  async deleteInstallation(query: InstallationQuery<boolean>): Promise<void> {
    const where = whereOfQuery(query);
    if (!query.userId) {
      await this.db.installation.deleteMany({ where: { workspaceId: where.workspaceId } });
      return;
    }
    const userId = query.userId;
    await this.db.$transaction(async (tx) => {
      const row = await findInstallation(tx, where);
      if (!row) return;
      const installation = openInstallation(this.sealer, where, row.data);
      if (installation.user?.id !== userId || installation.user.token === undefined) return;
      await tx.installation.update({
        where: { id: row.id, workspaceId: where.workspaceId },
        data: { data: this.sealer.seal(JSON.stringify(withoutUserToken(installation))) },
      });
    });
  }
}

/**
 * When Bolt saves refreshed bot tokens after a fetch for a member other than the installer, the
 * installation it stores has the installer's user token left out (see fetchInstallation): keep the
 * stored one rather than lose it. A stored value that cannot be opened is replaced (a reinstall must
 * work even when the old key is gone).
 */
function keepInstallerToken(
  sealer: Sealer,
  where: Where,
  given: AnyInstallation,
  current: { data: string; installerUserId: string | null },
): AnyInstallation {
  if (given.user?.token !== undefined || !given.user?.id || current.installerUserId !== given.user.id) {
    return given;
  }
  try {
    const stored = openInstallation(sealer, where, current.data);
    if (stored.user?.id !== given.user.id || stored.user.token === undefined) return given;
    return { ...given, user: stored.user };
  } catch {
    return given;
  }
}

export interface BotCredentials {
  token: string;
  botUserId?: string;
  botId?: string;
}

/**
 * The bot token to act in a workspace with, outside a request (the nudge scheduler): the workspace's
 * own installation's, or else its org's org-wide installation's; undefined when there is neither.
 */
export async function botCredentialsFor(
  db: Db,
  sealer: Sealer,
  workspaceId: string,
): Promise<BotCredentials | undefined> {
  const own = { workspaceId, isEnterpriseInstall: false };
  const row = await findInstallation(db, own);
  const bot = row ? openInstallation(sealer, own, row.data).bot : undefined;
  if (bot) return credentials(bot);
  const workspace = await db.workspace.findUnique({
    where: { id: workspaceId },
    select: { enterpriseId: true },
  });
  if (!workspace?.enterpriseId || workspace.enterpriseId === workspaceId) return undefined;
  const org = { workspaceId: workspace.enterpriseId, isEnterpriseInstall: true };
  const orgRow = await findInstallation(db, org);
  const orgBot = orgRow ? openInstallation(sealer, org, orgRow.data).bot : undefined;
  return orgBot ? credentials(orgBot) : undefined;
}

function credentials(bot: NonNullable<AnyInstallation['bot']>): BotCredentials {
  return {
    token: bot.token,
    ...(bot.userId ? { botUserId: bot.userId } : {}),
    ...(bot.id ? { botId: bot.id } : {}),
  };
}

/**
 * Seals again, under the current key, every installation sealed under another (a previous key), in
 * one transaction: a value no key opens fails it with a SealError and nothing is changed.
 */
export async function resealInstallations(
  db: Db,
  sealer: Sealer,
): Promise<{ resealed: number; alreadyCurrent: number }> {
  return db.$transaction(
    async (tx) => {
      const rows = await tx.installation.findMany({
        select: { id: true, workspaceId: true, isEnterpriseInstall: true, data: true },
        orderBy: { id: 'asc' },
      });
      let resealed = 0;
      let alreadyCurrent = 0;
      for (const row of rows) {
        if (sealer.sealedUnderCurrent(row.data)) {
          alreadyCurrent++;
          continue;
        }
        let plain: string;
        try {
          plain = sealer.open(row.data);
        } catch (error) {
          if (!(error instanceof SealError)) throw error;
          throw new SealError(`The installation of ${nameOf(row)}: ${error.message}`, { cause: error });
        }
        await tx.installation.update({
          where: { id: row.id, workspaceId: row.workspaceId },
          data: { data: sealer.seal(plain) },
        });
        resealed++;
      }
      return { resealed, alreadyCurrent };
    },
    { timeout: RESEAL_TIMEOUT_MS },
  );
}

/** Which installations the sealer cannot open (a wrong or missing key), by workspace, with why. */
export async function unopenedInstallations(
  db: Db,
  sealer: Sealer,
): Promise<{ total: number; unopened: { workspaceId: string; problem: string }[] }> {
  const rows = await db.installation.findMany({ select: { workspaceId: true, data: true } });
  const unopened: { workspaceId: string; problem: string }[] = [];
  for (const row of rows) {
    try {
      sealer.open(row.data);
    } catch (error) {
      if (!(error instanceof SealError)) throw error;
      unopened.push({ workspaceId: row.workspaceId, problem: error.message });
    }
  }
  return { total: rows.length, unopened };
}
