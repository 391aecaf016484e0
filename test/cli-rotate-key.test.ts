// `coach rotate-key` as an operator runs it: a separate process that seals every installation again
// under ENCRYPTION_KEY, or changes nothing and says which key is missing.
import type { Installation } from '@slack/oauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Sealer } from '../src/core/seal';
import { type Database, openDatabase } from '../src/db/client';
import { PrismaInstallationStore } from '../src/store/installations';
import { runCoach as coach } from './support/cli';
import { sqliteTestDatabase } from './support/db';

const OLD_KEY = Buffer.alloc(32, 11);
const NEW_KEY = Buffer.alloc(32, 12);
const OLD = OLD_KEY.toString('base64');
const NEW = NEW_KEY.toString('hex');

function install(teamId: string): Installation {
  return {
    team: { id: teamId, name: `Cohort ${teamId}` },
    enterprise: undefined,
    user: { id: 'U0INSTALLER', token: undefined, scopes: undefined },
    bot: { token: `xoxb-${teamId}-secret`, scopes: ['chat:write'], id: 'B0BOT', userId: 'U0BOT' },
    isEnterpriseInstall: false,
    authVersion: 'v2',
  } as Installation;
}

// Each run starts a Node process, which takes seconds on a busy machine.
describe('coach rotate-key', { timeout: 60_000 }, () => {
  const file = sqliteTestDatabase();
  let database: Database;
  const rows = () =>
    database.db.installation.findMany({ select: { data: true }, orderBy: { workspaceId: 'asc' } });
  beforeAll(async () => {
    database = await openDatabase(file.url);
    const old = new PrismaInstallationStore(database.db, new Sealer(OLD_KEY));
    await old.storeInstallation(install('T0ONE'));
    await old.storeInstallation(install('T0TWO'));
    await new PrismaInstallationStore(database.db, new Sealer(NEW_KEY)).storeInstallation(install('T0THREE'));
  });
  afterAll(async () => {
    await database?.close();
    await file.drop();
  });

  it('exits 2 asking for ENCRYPTION_KEY when it is not set', async () => {
    const result = await coach(['rotate-key'], { DATABASE_URL: file.url });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('ENCRYPTION_KEY is not set');
  });

  it('exits 1 naming ENCRYPTION_KEY_PREVIOUS and changes nothing when the old key is missing', async () => {
    const before = await rows();
    const result = await coach(['rotate-key'], { DATABASE_URL: file.url, ENCRYPTION_KEY: NEW });
    expect(result.code, result.stderr).toBe(1);
    expect(result.stderr).toContain('Nothing was changed');
    expect(result.stderr).toContain(`sealed under key ${new Sealer(OLD_KEY).keyId}`);
    expect(result.stderr).toContain('ENCRYPTION_KEY_PREVIOUS');
    const output = result.stdout + result.stderr;
    for (const secret of [OLD, NEW, 'xoxb-']) expect(output).not.toContain(secret);
    expect(await rows()).toEqual(before);
  });

  it('re-seals the installations under the new key and says the old key can go', async () => {
    const result = await coach(['rotate-key'], {
      DATABASE_URL: file.url,
      ENCRYPTION_KEY: NEW,
      ENCRYPTION_KEY_PREVIOUS: OLD,
    });
    expect(result.code, result.stderr).toBe(0);
    const keyId = new Sealer(NEW_KEY).keyId;
    expect(result.stdout).toContain(
      `Re-sealed 2 installations under key ${keyId} (1 was current already). ` +
        'You can now remove the old key from ENCRYPTION_KEY_PREVIOUS.',
    );
    const onlyNew = new PrismaInstallationStore(database.db, new Sealer(NEW_KEY));
    for (const team of ['T0ONE', 'T0TWO', 'T0THREE']) {
      const fetched = await onlyNew.fetchInstallation({
        teamId: team,
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      });
      expect(fetched.bot?.token).toBe(`xoxb-${team}-secret`);
    }
  });
});
