// The app removed from a workspace, over the whole app: Slack's app_uninstalled (or the bot token's
// revocation) deletes every row of the workspace, in every table, and nothing of another workspace;
// a member revoking their user token loses their own rows only. Over signed HTTP on both databases,
// and over Socket Mode. (OAuth mode: test/e2e/oauth-install.test.ts.)
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { type RunningCoach, startCoach } from '../../src/main';
import { createSlackStandIn, type SlackStandIn } from '../../src/sandbox';
import appUninstalled from '../fixtures/slack/events_app_uninstalled.json';
import { useCleanup } from '../support/cleanup';
import { DATABASE_KINDS, sqliteTestDatabase } from '../support/db';
import { OTHER_TEAM } from '../support/fixtures';
import { ALICE, BOB, errorsLogged, TEAM, useHarness } from '../support/harness';
import { type Kind, listTables, rowsByOwner, seedWorkspace, type Table } from '../support/workspace-data';

const START = '2026-03-10T14:00:00Z';

/** Tables with a row in them, by name. */
const filled = (rows: Map<string, string[]>) =>
  [...rows]
    .filter(([, list]) => list.length > 0)
    .map(([name]) => name)
    .sort();

for (const { kind, create } of DATABASE_KINDS) {
  describe(`uninstalling over HTTP on ${kind}`, () => {
    const h = useHarness({ start: START, database: create });
    let tables: Table[];

    async function seedBoth() {
      tables = await listTables(h.db, kind as Kind);
      const now = h.clock.now();
      const team = await seedWorkspace(h.db, TEAM.id, [ALICE.id, BOB.id], now);
      await seedWorkspace(h.db, OTHER_TEAM.id, [ALICE.id, BOB.id], now);
      return team;
    }

    it('app_uninstalled deletes every row of the workspace and nothing of the other; a retry is harmless', async () => {
      await seedBoth();
      const before = await rowsByOwner(h.db, tables, { workspaceId: TEAM.id });
      expect(filled(before.theirs)).toEqual(tables.map((t) => t.name).sort());

      const res = await h.driver.event({ type: 'app_uninstalled' }, { eventId: 'Ev0UNINSTALL' });
      expect(res.status).toBe(200);
      await h.settle();

      const after = await rowsByOwner(h.db, tables, { workspaceId: TEAM.id });
      // The event's own ledger row went with the workspace's.
      expect(filled(after.theirs)).toEqual([]);
      expect(after.others).toEqual(before.others);
      const logged = h.logs
        .map((line) => JSON.parse(line))
        .find((l) => l.msg?.startsWith('workspace removed'));
      expect(logged).toMatchObject({ workspaceId: TEAM.id, deleted: { workspace: 1, members: 2 } });
      expect(h.logs.join('\n')).not.toContain('private notes');

      // Slack retries a delivery it did not see answered: deleting again finds nothing and fails nothing.
      const retry = await h.driver.event(
        { type: 'app_uninstalled' },
        { eventId: 'Ev0UNINSTALL', retryNum: 1 },
      );
      expect(retry.status).toBe(200);
      await h.settle();
      expect(filled((await rowsByOwner(h.db, tables, { workspaceId: TEAM.id })).theirs)).toEqual([]);
      expect(errorsLogged(h)).toEqual([]);
    });

    it('tokens_revoked for the bot deletes the workspace like an uninstall', async () => {
      await seedBoth();
      await h.driver.event({ type: 'tokens_revoked', tokens: { oauth: [], bot: [TEAM.botUserId] } });
      await h.settle();
      expect(filled((await rowsByOwner(h.db, tables, { workspaceId: TEAM.id })).theirs)).toEqual([]);
      expect(await h.db.member.count({ where: { workspaceId: OTHER_TEAM.id } })).toBe(2);
    });

    it('tokens_revoked for a user token deletes that member’s rows only', async () => {
      const team = await seedBoth();
      const alice = team.members.find((m) => m.userId === ALICE.id)?.memberId as string;
      const before = await rowsByOwner(h.db, tables, { memberId: alice });

      await h.driver.event(
        { type: 'tokens_revoked', tokens: { oauth: [ALICE.id] } },
        { eventId: 'Ev0REVOKE' },
      );
      await h.settle();

      const after = await rowsByOwner(h.db, tables, { memberId: alice });
      expect(filled(after.theirs)).toEqual([]);
      // Everything else is as it was, but for the event's own row in the request ledger.
      const ledger = (rows: Map<string, string[]>) => rows.get('HandledRequest') ?? [];
      expect(ledger(after.others).filter((row) => !ledger(before.others).includes(row))).toEqual([
        expect.stringContaining('"event:Ev0REVOKE"'),
      ]);
      expect(new Map([...after.others].filter(([t]) => t !== 'HandledRequest'))).toEqual(
        new Map([...before.others].filter(([t]) => t !== 'HandledRequest')),
      );
      expect(
        await h.db.member.findMany({ where: { workspaceId: TEAM.id }, select: { slackUserId: true } }),
      ).toEqual([{ slackUserId: BOB.id }]);
    });
  });
}

describe('uninstalling over Socket Mode', () => {
  const APP_TOKEN = 'xapp-1-A0TESTAPP-socket-secret';
  let standIn: SlackStandIn;
  let coach: RunningCoach;
  const cleanup = useCleanup('all');

  beforeAll(async () => {
    const database = sqliteTestDatabase();
    cleanup.add(() => database.drop());
    standIn = createSlackStandIn({ teams: [TEAM, OTHER_TEAM], users: [ALICE] });
    standIn.addAppToken(APP_TOKEN, TEAM.appId as string);
    cleanup.add(() => standIn.close());
    const { apiUrl } = await standIn.listen(0);
    const config = loadConfig({
      DATABASE_URL: database.url,
      PORT: '0',
      HOST: '127.0.0.1',
      SLACK_BOT_TOKEN: TEAM.botToken,
      SLACK_APP_TOKEN: APP_TOKEN,
      SLACK_API_URL: apiUrl,
      SCHEDULER_ENABLED: 'false',
    });
    expect(config.slack.kind).toBe('socket');
    coach = await startCoach(config, createLogger('silent'));
    cleanup.add(() => coach.stop());
    await standIn.socket.waitForConnection(5000);
  });

  it('app_uninstalled deletes the workspace’s data', async () => {
    const now = new Date(START);
    await seedWorkspace(coach.db, TEAM.id, [ALICE.id], now);
    await seedWorkspace(coach.db, OTHER_TEAM.id, [ALICE.id], now);
    await standIn.socket.deliver({
      type: 'events_api',
      payload: {
        ...appUninstalled,
        team_id: TEAM.id,
        api_app_id: TEAM.appId as string,
        event_id: 'Ev0SOCKET',
      },
    });
    // Events are acknowledged before their listener runs: wait for its effect.
    await vi.waitFor(async () => expect(await coach.db.workspace.count({ where: { id: TEAM.id } })).toBe(0));
    await coach.slack.settle();
    expect(await coach.db.member.count({ where: { workspaceId: TEAM.id } })).toBe(0);
    expect(await coach.db.handledRequest.count({ where: { workspaceId: TEAM.id } })).toBe(0);
    expect(await coach.db.member.count({ where: { workspaceId: OTHER_TEAM.id } })).toBe(1);
  });
});
