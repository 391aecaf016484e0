// app_uninstalled / tokens_revoked at listener depth: the workspace stops, its waiting nudges are cancelled.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from '@slack/bolt';
import { beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { createLogger } from '../../src/log';
import { AfterAck, HomeRefresher } from '../../src/slack/after-ack';
import type { AppDeps } from '../../src/slack/deps';
import { workspaceLifecycle } from '../../src/slack/listeners/events/lifecycle';
import { ensureMember } from '../../src/store/members';
import { useCleanup } from '../support/cleanup';
import { sqliteTestDatabase, type TestDatabase } from '../support/db';

type LifecycleArgs = SlackEventMiddlewareArgs<'app_uninstalled' | 'tokens_revoked'> & AllMiddlewareArgs;
const NOW = new Date('2026-03-10T12:00:00Z');

describe('workspace lifecycle events', () => {
  let file: TestDatabase;
  let database: Database;
  let deps: AppDeps;
  const cleanup = useCleanup();

  beforeEach(async () => {
    file = sqliteTestDatabase();
    cleanup.add(() => file.drop());
    database = await openDatabase(file.url);
    cleanup.add(() => database.close());
    const log = createLogger('silent');
    const later = new AfterAck(log);
    deps = {
      db: database.db,
      log,
      clock: { now: () => NOW },
      later,
      home: new HomeRefresher(log, async () => undefined),
    };
    for (const [team, user] of [
      ['T1', 'U1'],
      ['T2', 'U2'],
    ] as const) {
      const member = await ensureMember(deps.db, { workspaceId: team, userId: user });
      await deps.db.nudge.create({
        data: {
          workspaceId: team,
          memberId: member.id,
          kind: 'weekly_summary',
          dedupeKey: `${member.id}:w`,
          dueAt: NOW,
        },
      });
    }
  });

  const run = (event: object, teamId: string) =>
    workspaceLifecycle(deps)({
      event,
      body: { team_id: teamId, event, type: 'event_callback' },
    } as unknown as LifecycleArgs);

  it('app_uninstalled stops that workspace only', async () => {
    await run({ type: 'app_uninstalled' }, 'T1');
    expect((await deps.db.workspace.findUniqueOrThrow({ where: { id: 'T1' } })).uninstalledAt).toEqual(NOW);
    expect((await deps.db.workspace.findUniqueOrThrow({ where: { id: 'T2' } })).uninstalledAt).toBeNull();
    const statuses = await deps.db.nudge.findMany({
      orderBy: { workspaceId: 'asc' },
      select: { workspaceId: true, status: true },
    });
    expect(statuses).toEqual([
      { workspaceId: 'T1', status: 'cancelled' },
      { workspaceId: 'T2', status: 'pending' },
    ]);
  });

  it('tokens_revoked for the bot stops the workspace; for user tokens only, nothing changes', async () => {
    await run({ type: 'tokens_revoked', tokens: { oauth: ['U1'], bot: [] } }, 'T1');
    expect((await deps.db.workspace.findUniqueOrThrow({ where: { id: 'T1' } })).uninstalledAt).toBeNull();
    await run({ type: 'tokens_revoked', tokens: { oauth: [], bot: ['UBOT'] } }, 'T1');
    expect((await deps.db.workspace.findUniqueOrThrow({ where: { id: 'T1' } })).uninstalledAt).toEqual(NOW);
  });
});
