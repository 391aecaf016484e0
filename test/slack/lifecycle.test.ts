// app_uninstalled / tokens_revoked at listener depth, with Slack's own payloads: the app's removal
// deletes the workspace's data, a revoked user token deletes that member's, and only ids and counts
// are logged.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { inThreadDrafter } from '../../src/services/drafter';
import { AfterAck, HomeRefresher } from '../../src/slack/after-ack';
import type { AppDeps } from '../../src/slack/deps';
import { workspaceLifecycle } from '../../src/slack/listeners/events/lifecycle';
import appUninstalled from '../fixtures/slack/events_app_uninstalled.json';
import tokensRevoked from '../fixtures/slack/events_tokens_revoked.json';
import { useCleanup } from '../support/cleanup';
import { sqliteTestDatabase, type TestDatabase } from '../support/db';
import { memoryLog } from '../support/nudges';
import { seedWorkspace } from '../support/workspace-data';

type LifecycleArgs = SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'> & AllMiddlewareArgs;
const NOW = new Date('2026-03-10T12:00:00Z');
/** The fixtures' teams, and a workspace next to them that nothing here may touch. */
const UNINSTALLED = appUninstalled.team_id;
const REVOKED = tokensRevoked.team_id;
const OTHER = 'T0UNTOUCHED';
const USER = tokensRevoked.event.tokens.oauth[0] as string;

describe('workspace lifecycle events', () => {
  let file: TestDatabase;
  let database: Database;
  let deps: AppDeps;
  let lines: string[];
  const cleanup = useCleanup();

  beforeEach(async () => {
    file = sqliteTestDatabase();
    cleanup.add(() => file.drop());
    database = await openDatabase(file.url);
    cleanup.add(() => database.close());
    const logged = memoryLog('info');
    lines = logged.lines;
    const later = new AfterAck(logged.log);
    deps = {
      db: database.db,
      log: logged.log,
      clock: { now: () => NOW },
      drafter: inThreadDrafter(),
      later,
      home: new HomeRefresher(logged.log, async () => undefined),
    };
    for (const team of [UNINSTALLED, REVOKED, OTHER])
      await seedWorkspace(deps.db, team, [USER, 'U0COLLEAGUE'], NOW);
  });

  const run = (body: { event: object }) =>
    workspaceLifecycle(deps)({ event: body.event, body } as unknown as LifecycleArgs);

  const workspaces = async () =>
    (await deps.db.workspace.findMany({ orderBy: { id: 'asc' } })).map((w) => w.id);
  const membersOf = async (workspaceId: string) =>
    (await deps.db.member.findMany({ where: { workspaceId }, orderBy: { slackUserId: 'asc' } })).map(
      (m) => m.slackUserId,
    );

  it('app_uninstalled deletes that workspace’s data only, and logs ids and counts', async () => {
    await run(appUninstalled);
    expect(await workspaces()).toEqual([OTHER, REVOKED].sort());
    expect(await deps.db.contact.count({ where: { workspaceId: UNINSTALLED } })).toBe(0);
    expect(await deps.db.handledRequest.count({ where: { workspaceId: UNINSTALLED } })).toBe(0);
    expect(await deps.db.contact.count({ where: { workspaceId: OTHER } })).toBe(4);
    const log = lines.map((l) => JSON.parse(l)).find((l) => l.msg?.startsWith('workspace removed'));
    expect(log).toMatchObject({
      workspaceId: UNINSTALLED,
      event: 'app_uninstalled',
      deleted: { members: 2 },
    });
    expect(lines.join('\n')).not.toContain('private notes');
    expect(lines.join('\n')).not.toContain('Rosa');
  });

  it('tokens_revoked for the bot deletes the workspace’s data', async () => {
    await run(tokensRevoked);
    expect(await workspaces()).toEqual([OTHER, UNINSTALLED].sort());
    expect(await deps.db.member.count({ where: { workspaceId: REVOKED } })).toBe(0);
  });

  it('tokens_revoked for user tokens only deletes those members’ data, in that workspace', async () => {
    await run({ ...tokensRevoked, event: { type: 'tokens_revoked', tokens: { oauth: [USER], bot: [] } } });
    expect(await workspaces()).toEqual([OTHER, REVOKED, UNINSTALLED].sort());
    expect(await membersOf(REVOKED)).toEqual(['U0COLLEAGUE']);
    expect(await membersOf(OTHER)).toEqual([USER, 'U0COLLEAGUE'].sort());
    expect(await deps.db.contact.count({ where: { workspaceId: REVOKED } })).toBe(2);
    const log = lines.map((l) => JSON.parse(l)).find((l) => l.msg?.startsWith('user token revoked'));
    expect(log).toMatchObject({ workspaceId: REVOKED, userId: USER, deleted: { member: 1, contacts: 2 } });
  });

  it('tokens_revoked with no tokens changes nothing', async () => {
    await run({ ...tokensRevoked, event: { type: 'tokens_revoked', tokens: { oauth: [], bot: [] } } });
    expect(await workspaces()).toEqual([OTHER, REVOKED, UNINSTALLED].sort());
    expect(await membersOf(REVOKED)).toEqual([USER, 'U0COLLEAGUE'].sort());
  });

  it('tokens_revoked with tokens missing, null or of the wrong shape changes nothing and does not throw', async () => {
    for (const tokens of [undefined, null, { oauth: null }, { oauth: [42, null] }]) {
      await run({ ...tokensRevoked, event: { type: 'tokens_revoked', tokens } });
    }
    expect(await workspaces()).toEqual([OTHER, REVOKED, UNINSTALLED].sort());
    expect(await membersOf(REVOKED)).toEqual([USER, 'U0COLLEAGUE'].sort());
  });
});
