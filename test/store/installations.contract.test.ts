// The installation store's contract, on every database the app runs on: what Bolt stores it fetches
// back (workspace and org-wide installs, refreshed tokens), deleted is gone, workspaces never see each
// other's, and no token is ever readable in the database.
import type { Installation } from '@slack/oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SealError, Sealer } from '../../src/core/seal';
import { type Database, openDatabase } from '../../src/db/client';
import {
  botCredentialsFor,
  PrismaInstallationStore,
  resealInstallations,
} from '../../src/store/installations';
import { markWorkspaceUninstalled } from '../../src/store/workspaces';
import { DATABASE_KINDS, type TestDatabase } from '../support/db';

const KEY = Buffer.alloc(32, 1);
const NEW_KEY = Buffer.alloc(32, 2);
const STRANGER_KEY = Buffer.alloc(32, 3);
const T0 = new Date('2026-03-02T14:00:00.000Z');

function workspaceInstall(teamId: string, token: string, extra: Partial<Installation> = {}): Installation {
  return {
    team: { id: teamId, name: `Cohort ${teamId}` },
    enterprise: undefined,
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: { token, scopes: ['chat:write', 'commands', 'im:write'], id: 'B0BOT', userId: 'U0BOT' },
    appId: 'A0COACH',
    tokenType: 'bot',
    isEnterpriseInstall: false,
    authVersion: 'v2',
    ...extra,
  } as Installation;
}

function orgInstall(enterpriseId: string, token: string): Installation {
  return {
    team: undefined,
    enterprise: { id: enterpriseId, name: 'Bootcamp Org' },
    user: { id: 'U0ADMIN', token: undefined, scopes: undefined },
    bot: { token, scopes: ['chat:write', 'commands'], id: 'B0ORGBOT', userId: 'U0ORGBOT' },
    appId: 'A0COACH',
    enterpriseUrl: 'https://bootcamp.enterprise.slack.com/',
    tokenType: 'bot',
    isEnterpriseInstall: true,
    authVersion: 'v2',
  } as Installation;
}

const teamQuery = (teamId: string, extra: { userId?: string; enterpriseId?: string } = {}) => ({
  teamId,
  enterpriseId: extra.enterpriseId,
  isEnterpriseInstall: false as const,
  ...(extra.userId ? { userId: extra.userId } : {}),
});

describe.each(DATABASE_KINDS)('PrismaInstallationStore on $kind', ({ create }) => {
  let file: TestDatabase;
  let database: Database;
  let now = T0;
  const sealer = new Sealer(KEY);
  let store: PrismaInstallationStore;
  beforeAll(async () => {
    file = await create();
    database = await openDatabase(file.url);
    store = new PrismaInstallationStore(database.db, sealer, () => now);
  });
  afterAll(async () => {
    await database?.close();
    await file?.drop();
  });

  it('stores a workspace install and fetches it back whole', async () => {
    const installation = workspaceInstall('T0STORE', 'xoxb-store-1111', { metadata: '{"from":"home"}' });
    await store.storeInstallation(installation);
    expect(await store.fetchInstallation(teamQuery('T0STORE'))).toEqual(installation);

    const workspace = await database.db.workspace.findUniqueOrThrow({ where: { id: 'T0STORE' } });
    expect(workspace).toMatchObject({ name: 'Cohort T0STORE', enterpriseId: null, uninstalledAt: null });
    expect(workspace.installedAt.toISOString()).toBe(T0.toISOString());
    const row = await database.db.installation.findFirstOrThrow({ where: { workspaceId: 'T0STORE' } });
    expect(row).toMatchObject({
      enterpriseId: null,
      isEnterpriseInstall: false,
      appId: 'A0COACH',
      botUserId: 'U0BOT',
      botId: 'B0BOT',
      botScopes: 'chat:write,commands,im:write',
      installerUserId: 'U0INSTALLER',
      revokedAt: null,
    });
    expect(sealer.sealedUnderCurrent(row.data)).toBe(true);
  });

  it('fetches an org-wide install by its enterprise id, for any of its workspaces', async () => {
    const installation = orgInstall('E0ORG', 'xoxb-org-2222');
    await store.storeInstallation(installation);
    const fetched = await store.fetchInstallation({
      teamId: 'T0INORG',
      enterpriseId: 'E0ORG',
      isEnterpriseInstall: true,
    });
    expect(fetched).toEqual(installation);
    expect(fetched.isEnterpriseInstall).toBe(true);
    const row = await database.db.installation.findFirstOrThrow({ where: { workspaceId: 'E0ORG' } });
    expect(row).toMatchObject({ enterpriseId: 'E0ORG', isEnterpriseInstall: true, botUserId: 'U0ORGBOT' });
    const workspace = await database.db.workspace.findUniqueOrThrow({ where: { id: 'E0ORG' } });
    expect(workspace).toMatchObject({ name: 'Bootcamp Org', enterpriseId: 'E0ORG' });
    // Not a workspace install: a query for the org's id as a team finds nothing.
    await expect(store.fetchInstallation(teamQuery('E0ORG'))).rejects.toThrow(/No installation/);
  });

  it('a workspace install inside an org keeps the org id and is fetched by its team', async () => {
    const installation = workspaceInstall('T0GRID', 'xoxb-grid-3333', {
      enterprise: { id: 'E0GRID', name: 'Grid' },
    });
    await store.storeInstallation(installation);
    expect(await store.fetchInstallation(teamQuery('T0GRID', { enterpriseId: 'E0GRID' }))).toEqual(
      installation,
    );
    const row = await database.db.installation.findFirstOrThrow({ where: { workspaceId: 'T0GRID' } });
    expect(row.enterpriseId).toBe('E0GRID');
  });

  it('storing again (refreshed tokens) replaces what was stored', async () => {
    const first = workspaceInstall('T0ROTATE', 'xoxe.xoxb-rotate-old', {
      bot: {
        token: 'xoxe.xoxb-rotate-old',
        refreshToken: 'xoxe-1-refresh-old',
        expiresAt: 1_772_460_000,
        scopes: ['chat:write'],
        id: 'B0BOT',
        userId: 'U0BOT',
      },
    });
    await store.storeInstallation(first);
    now = new Date(T0.getTime() + 12 * 3600_000);
    const refreshed = structuredClone(first);
    refreshed.bot = {
      ...refreshed.bot!,
      token: 'xoxe.xoxb-rotate-new',
      refreshToken: 'xoxe-1-refresh-new',
      expiresAt: 1_772_503_200,
    };
    await store.storeInstallation(refreshed);
    const fetched = await store.fetchInstallation(teamQuery('T0ROTATE'));
    expect(fetched.bot).toMatchObject({
      token: 'xoxe.xoxb-rotate-new',
      refreshToken: 'xoxe-1-refresh-new',
      expiresAt: 1_772_503_200,
    });
    expect(await database.db.installation.count({ where: { workspaceId: 'T0ROTATE' } })).toBe(1);
    // A token refresh is not a new install.
    const workspace = await database.db.workspace.findUniqueOrThrow({ where: { id: 'T0ROTATE' } });
    expect(workspace.installedAt.toISOString()).toBe(T0.toISOString());
    now = T0;
  });

  it('two stores at once for a new workspace leave one installation', async () => {
    await Promise.all([
      store.storeInstallation(workspaceInstall('T0RACE', 'xoxb-race-a')),
      store.storeInstallation(workspaceInstall('T0RACE', 'xoxb-race-b')),
    ]);
    expect(await database.db.installation.count({ where: { workspaceId: 'T0RACE' } })).toBe(1);
    const fetched = await store.fetchInstallation(teamQuery('T0RACE'));
    expect(['xoxb-race-a', 'xoxb-race-b']).toContain(fetched.bot?.token);
  });

  it('after deleting, fetching throws; the workspace and its members stay', async () => {
    await store.storeInstallation(workspaceInstall('T0DELETE', 'xoxb-delete-4444'));
    await store.deleteInstallation(teamQuery('T0DELETE'));
    await expect(store.fetchInstallation(teamQuery('T0DELETE'))).rejects.toThrow(
      'No installation of the app for workspace T0DELETE',
    );
    await expect(store.fetchInstallation(teamQuery('T0NEVER'))).rejects.toThrow(/No installation/);
    expect(await database.db.workspace.count({ where: { id: 'T0DELETE' } })).toBe(1);

    await store.storeInstallation(orgInstall('E0DELETE', 'xoxb-org-delete'));
    await store.deleteInstallation({
      teamId: undefined,
      enterpriseId: 'E0DELETE',
      isEnterpriseInstall: true,
    });
    await expect(
      store.fetchInstallation({ teamId: undefined, enterpriseId: 'E0DELETE', isEnterpriseInstall: true }),
    ).rejects.toThrow(/No installation/);
  });

  it('installing again after an uninstall marks the workspace installed, from then', async () => {
    await store.storeInstallation(workspaceInstall('T0BACK', 'xoxb-back-1'));
    await markWorkspaceUninstalled(database.db, 'T0BACK', T0);
    await store.deleteInstallation(teamQuery('T0BACK'));
    now = new Date('2026-04-01T09:00:00.000Z');
    await store.storeInstallation(workspaceInstall('T0BACK', 'xoxb-back-2'));
    const workspace = await database.db.workspace.findUniqueOrThrow({ where: { id: 'T0BACK' } });
    expect(workspace.uninstalledAt).toBeNull();
    expect(workspace.installedAt.toISOString()).toBe(now.toISOString());
    expect((await store.fetchInstallation(teamQuery('T0BACK'))).bot?.token).toBe('xoxb-back-2');
    now = T0;
  });

  it("gives the installer's user token to the installer only, and deletes only theirs", async () => {
    const installation = workspaceInstall('T0USER', 'xoxb-user-5555', {
      user: { id: 'U0INSTALLER', token: 'xoxp-installer-secret', scopes: ['search:read'] },
    });
    await store.storeInstallation(installation);
    expect((await store.fetchInstallation(teamQuery('T0USER', { userId: 'U0INSTALLER' }))).user.token).toBe(
      'xoxp-installer-secret',
    );
    const forOther = await store.fetchInstallation(teamQuery('T0USER', { userId: 'U0OTHER' }));
    expect(forOther.user.token).toBeUndefined();
    expect(forOther.bot?.token).toBe('xoxb-user-5555');

    // Bolt saving a refreshed bot token from the installation it fetched for another member keeps the
    // installer's user token.
    await store.storeInstallation({ ...forOther, bot: { ...forOther.bot!, token: 'xoxb-user-6666' } });
    const again = await store.fetchInstallation(teamQuery('T0USER'));
    expect(again.user.token).toBe('xoxp-installer-secret');
    expect(again.bot?.token).toBe('xoxb-user-6666');

    await store.deleteInstallation(teamQuery('T0USER', { userId: 'U0OTHER' }));
    expect((await store.fetchInstallation(teamQuery('T0USER'))).user.token).toBe('xoxp-installer-secret');
    await store.deleteInstallation(teamQuery('T0USER', { userId: 'U0INSTALLER' }));
    const after = await store.fetchInstallation(teamQuery('T0USER'));
    expect(after.user.token).toBeUndefined();
    expect(after.user.id).toBe('U0INSTALLER');
    expect(after.bot?.token).toBe('xoxb-user-6666');
  });

  it('keeps two workspaces apart', async () => {
    await store.storeInstallation(workspaceInstall('T0ALPHA', 'xoxb-alpha-7777'));
    await store.storeInstallation(workspaceInstall('T0BETA', 'xoxb-beta-8888'));
    expect((await store.fetchInstallation(teamQuery('T0ALPHA'))).bot?.token).toBe('xoxb-alpha-7777');
    expect((await store.fetchInstallation(teamQuery('T0BETA'))).bot?.token).toBe('xoxb-beta-8888');
    await store.deleteInstallation(teamQuery('T0ALPHA'));
    await expect(store.fetchInstallation(teamQuery('T0ALPHA'))).rejects.toThrow();
    expect((await store.fetchInstallation(teamQuery('T0BETA'))).bot?.token).toBe('xoxb-beta-8888');
  });

  it('refuses a sealed value copied onto another workspace', async () => {
    await store.storeInstallation(workspaceInstall('T0SOURCE', 'xoxb-source-9999'));
    await store.storeInstallation(workspaceInstall('T0TARGET', 'xoxb-target-9999'));
    const source = await database.db.installation.findFirstOrThrow({ where: { workspaceId: 'T0SOURCE' } });
    await database.db.installation.updateMany({
      where: { workspaceId: 'T0TARGET' },
      data: { data: source.data },
    });
    await expect(store.fetchInstallation(teamQuery('T0TARGET'))).rejects.toThrow(
      /belongs to another workspace/,
    );
  });

  it('never keeps a token readable in the database', async () => {
    const secrets = ['xoxb-raw-check-0000', 'xoxe-1-raw-refresh', 'xoxp-raw-user-token'];
    await store.storeInstallation(
      workspaceInstall('T0RAW', secrets[0]!, {
        bot: {
          token: secrets[0]!,
          refreshToken: secrets[1],
          expiresAt: 1_772_460_000,
          scopes: ['chat:write'],
          id: 'B0BOT',
          userId: 'U0BOT',
        },
        user: { id: 'U0INSTALLER', token: secrets[2], scopes: ['search:read'] },
      }),
    );
    const rows = await database.db.$queryRaw<Record<string, unknown>[]>`
      SELECT * FROM "Installation" WHERE "workspaceId" = ${'T0RAW'}`;
    expect(rows).toHaveLength(1);
    const raw = JSON.stringify(rows[0]);
    expect(String(rows[0]!.data)).toMatch(/^v1\.[0-9a-f]{12}\./);
    for (const secret of [...secrets, 'xoxb', 'xoxe', 'xoxp']) expect(raw).not.toContain(secret);
  });

  it('with the wrong key, fetching fails with a SealError (never garbage)', async () => {
    await store.storeInstallation(workspaceInstall('T0WRONG', 'xoxb-wrong-key'));
    const stranger = new PrismaInstallationStore(database.db, new Sealer(STRANGER_KEY));
    const failure = stranger.fetchInstallation(teamQuery('T0WRONG'));
    await expect(failure).rejects.toBeInstanceOf(SealError);
    await expect(failure).rejects.toThrow(
      `The installation of workspace T0WRONG: The value was sealed under key ${sealer.keyId}, which is neither ENCRYPTION_KEY nor one of ENCRYPTION_KEY_PREVIOUS`,
    );
    await expect(botCredentialsFor(database.db, new Sealer(STRANGER_KEY), 'T0WRONG')).rejects.toBeInstanceOf(
      SealError,
    );
  });

  it('finds the bot credentials of a workspace, or of its org-wide install', async () => {
    await store.storeInstallation(workspaceInstall('T0CREDS', 'xoxb-creds-own'));
    expect(await botCredentialsFor(database.db, sealer, 'T0CREDS')).toEqual({
      token: 'xoxb-creds-own',
      botUserId: 'U0BOT',
      botId: 'B0BOT',
    });
    await store.storeInstallation(orgInstall('E0CREDS', 'xoxb-creds-org'));
    await database.db.workspace.create({ data: { id: 'T0INCREDS', enterpriseId: 'E0CREDS' } });
    expect(await botCredentialsFor(database.db, sealer, 'T0INCREDS')).toEqual({
      token: 'xoxb-creds-org',
      botUserId: 'U0ORGBOT',
      botId: 'B0ORGBOT',
    });
    await database.db.workspace.create({ data: { id: 'T0LONELY' } });
    expect(await botCredentialsFor(database.db, sealer, 'T0LONELY')).toBeUndefined();
    expect(await botCredentialsFor(database.db, sealer, 'T0NOWHERE')).toBeUndefined();
    await store.deleteInstallation(teamQuery('T0CREDS'));
    expect(await botCredentialsFor(database.db, sealer, 'T0CREDS')).toBeUndefined();
  });

  it('re-seals every value from the old key to the new one, or nothing when one cannot be opened', async () => {
    await store.storeInstallation(workspaceInstall('T0RESEAL1', 'xoxb-reseal-1'));
    await store.storeInstallation(orgInstall('E0RESEAL', 'xoxb-reseal-org'));
    const rotated = new Sealer(NEW_KEY, [KEY]);
    const snapshot = () =>
      database.db.installation.findMany({ select: { id: true, data: true }, orderBy: { id: 'asc' } });
    const before = await snapshot();

    // One value under a key nobody holds any more: the whole re-seal fails and changes nothing.
    await new PrismaInstallationStore(database.db, new Sealer(STRANGER_KEY)).storeInstallation(
      workspaceInstall('T0LOST', 'xoxb-lost-key'),
    );
    const withLost = await snapshot();
    await expect(resealInstallations(database.db, rotated)).rejects.toThrow(
      /The installation of workspace T0LOST: .*neither ENCRYPTION_KEY nor one of ENCRYPTION_KEY_PREVIOUS/,
    );
    expect(await snapshot()).toEqual(withLost);
    await database.db.installation.deleteMany({ where: { workspaceId: 'T0LOST' } });

    expect(await resealInstallations(database.db, rotated)).toEqual({
      resealed: before.length,
      alreadyCurrent: 0,
    });
    const after = await snapshot();
    expect(after.map((r) => r.id)).toEqual(before.map((r) => r.id));
    for (const row of after) expect(rotated.sealedUnderCurrent(row.data)).toBe(true);
    expect(await resealInstallations(database.db, rotated)).toEqual({
      resealed: 0,
      alreadyCurrent: before.length,
    });

    const onlyNew = new PrismaInstallationStore(database.db, new Sealer(NEW_KEY));
    expect((await onlyNew.fetchInstallation(teamQuery('T0RESEAL1'))).bot?.token).toBe('xoxb-reseal-1');
    expect(
      (
        await onlyNew.fetchInstallation({
          teamId: undefined,
          enterpriseId: 'E0RESEAL',
          isEnterpriseInstall: true,
        })
      ).bot?.token,
    ).toBe('xoxb-reseal-org');
    for (const row of before) {
      const opened = new Sealer(NEW_KEY).open(after.find((r) => r.id === row.id)!.data);
      expect(opened).toBe(sealer.open(row.data));
    }
    await expect(store.fetchInstallation(teamQuery('T0RESEAL1'))).rejects.toBeInstanceOf(SealError);
  });
});
