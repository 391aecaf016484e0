// The weekly cohort posts as the scheduler runs them, on every database: exactly one digest per cohort
// and week with two workers sweeping at once (two database clients, as two processes have) and with a
// sweep run twice; a worker that died after its claim is taken over once the lease runs out; 429 and
// 5xx are tried again later, a channel that is gone stops that week's tries; a scheduler that was down
// posts later the same week, never for a week that is over.
import { beforeEach, describe, expect, it } from 'vitest';
import { type Database, openDatabase } from '../../src/db/client';
import { runCohortJobs } from '../../src/nudges/cohort-digests';
import { createDeliveryClient } from '../../src/nudges/slack';
import { createSlackStandIn, type SlackStandIn } from '../../src/sandbox';
import { claimCohortPost } from '../../src/store/cohort-posts';
import { seedCohort } from '../support/cohorts';
import { DATABASE_KINDS, type TestDatabase } from '../support/db';
import { ALICE, BOB, COHORT, MINUTE, TEAM } from '../support/fixtures';
import { memoryLog } from '../support/nudges';

const FRAN = { id: 'U0FRAN', teamId: TEAM.id, name: 'fran', realName: 'Fran Okafor', tz: 'America/New_York' };
// Monday 16 March 2026, 09:00 in New York (EDT, UTC-4): the cohort's digest time.
const DIGEST_AT = new Date('2026-03-16T13:00:00Z');
const at = (ms: number) => new Date(DIGEST_AT.getTime() + ms);

for (const { kind, create } of DATABASE_KINDS) {
  describe(`weekly cohort posts (${kind})`, () => {
    let testDb: TestDatabase;
    let one: Database;
    let two: Database;
    let standIn: SlackStandIn;
    let apiUrl: string;

    beforeEach(async () => {
      standIn = createSlackStandIn({ teams: [TEAM], users: [ALICE, BOB, FRAN], channels: [COHORT] });
      ({ apiUrl } = await standIn.listen(0));
      testDb = await create();
      one = await openDatabase(testDb.url, { poolSize: 5 });
      two = await openDatabase(testDb.url, { migrate: false, poolSize: 5 });
      await one.db.workspace.create({ data: { id: TEAM.id } });
      await seedCohort(one.db, {
        workspaceId: TEAM.id,
        channelId: COHORT.id,
        facilitators: [FRAN.id],
        students: [ALICE.id, BOB.id],
        settings: { tz: 'America/New_York', digestWeekday: 1, digestHour: 9, digestMinute: 0 },
        now: new Date('2026-02-01T00:00:00Z'),
      });
      return async () => {
        await two.close();
        await one.close();
        await testDb.drop();
        await standIn.close();
      };
    });

    const slack = () => createDeliveryClient({ token: TEAM.botToken, slackApiUrl: apiUrl, timeoutMs: 2000 });
    const sweep = (now: Date, database: Database = one, log = memoryLog('silent').log) =>
      runCohortJobs({ now, db: database.db, slack: slack(), log });
    const digests = () =>
      standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === COHORT.id && c.response?.ok);
    const digestRow = () => one.db.cohortPost.findFirst({ where: { kind: 'digest' } });

    it('posts one digest when two workers sweep at the same moment, and none when a sweep is run again', async () => {
      const [a, b] = await Promise.all([sweep(DIGEST_AT, one), sweep(DIGEST_AT, two)]);
      expect(digests()).toHaveLength(1);
      const sent = [...a.posts, ...b.posts].filter((p) => p.kind === 'digest' && p.outcome === 'sent');
      expect(sent).toHaveLength(1);
      // The sweep redelivered, by either worker: nothing more.
      await sweep(DIGEST_AT, one);
      await sweep(at(MINUTE), two);
      expect(digests()).toHaveLength(1);
      const row = await digestRow();
      expect(row).toMatchObject({ status: 'sent', week: '2026-W12', channelId: COHORT.id });
      expect(row?.messageTs).toBe(digests()[0]?.response?.ts);
    });

    it('posts nothing before the local time, and the week it is due in only', async () => {
      await sweep(at(-MINUTE));
      expect(digests()).toHaveLength(0);
      // The scheduler was down on Monday: Thursday, still the same week, it posts.
      await sweep(at(3 * 24 * 60 * MINUTE));
      expect(digests()).toHaveLength(1);
      expect((await digestRow())?.week).toBe('2026-W12');
      // The next week's is not due until its own Monday 09:00; the week that is over is not posted again.
      await sweep(at(7 * 24 * 60 * MINUTE - MINUTE));
      expect(digests()).toHaveLength(1);
      await sweep(at(7 * 24 * 60 * MINUTE));
      expect(digests()).toHaveLength(2);
    });

    it('never posts for a week that is over, however long the scheduler was down', async () => {
      // Down from before the 16 March digest until Monday 23 March, 08:59 New York time.
      await sweep(at(7 * 24 * 60 * MINUTE - MINUTE));
      expect(digests()).toHaveLength(0);
      expect(await one.db.cohortPost.count()).toBe(0);
    });

    it('takes over a claim whose worker died, once its lease has run out, and posts it once', async () => {
      const cohort = await one.db.cohort.findFirstOrThrow();
      const claim = await claimCohortPost(
        one.db,
        { workspaceId: TEAM.id, cohortId: cohort.id, kind: 'digest', week: '2026-W12', recipientId: '' },
        { owner: 'a worker that died', now: DIGEST_AT, leaseUntil: at(5 * MINUTE) },
      );
      expect(claim.claimed).toBe(true);
      await sweep(at(MINUTE));
      await sweep(at(4 * MINUTE));
      expect(digests()).toHaveLength(0);
      await Promise.all([sweep(at(5 * MINUTE), one), sweep(at(5 * MINUTE), two)]);
      expect(digests()).toHaveLength(1);
      expect((await digestRow())?.status).toBe('sent');
    });

    it('waits out a 429 and tries a 5xx again a few minutes later', async () => {
      standIn.faults.set('chat.postMessage', { kind: 'ratelimit', retryAfter: 30, times: 1 });
      const first = await sweep(DIGEST_AT);
      expect(first.posts.find((p) => p.kind === 'digest')?.outcome).toBe('retrying');
      expect(await digestRow()).toMatchObject({ status: 'pending' });
      await sweep(at(20_000));
      expect(digests()).toHaveLength(0);
      standIn.faults.set('chat.postMessage', { kind: 'error', status: 503, times: 1 });
      await sweep(at(31_000));
      expect(digests()).toHaveLength(0);
      await sweep(at(31_000 + 4 * MINUTE));
      expect(digests()).toHaveLength(0);
      await sweep(at(31_000 + 6 * MINUTE));
      expect(digests()).toHaveLength(1);
    });

    for (const gone of ['channel_not_found', 'not_in_channel', 'is_archived']) {
      it(`stops trying for the week on ${gone}, and logs ids only`, async () => {
        standIn.faults.set('chat.postMessage', { kind: 'slack_error', error: gone, times: 1 });
        const { log, lines } = memoryLog('warn');
        const report = await sweep(DIGEST_AT, one, log);
        expect(report.posts.find((p) => p.kind === 'digest')).toMatchObject({
          outcome: 'failed',
          error: gone,
        });
        const logged = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
        const line = logged.find((l) => l.msg === 'cohort post refused; not trying again this week');
        expect(line).toMatchObject({ team: TEAM.id, channel: COHORT.id, err: gone, kind: 'digest' });
        expect(lines.join('\n')).not.toContain('Spring cohort');
        expect(lines.join('\n')).not.toContain(TEAM.botToken);
        standIn.clearCalls();
        await sweep(at(MINUTE));
        await sweep(at(2 * 24 * 60 * MINUTE));
        expect(standIn.callsTo('chat.postMessage').filter((c) => c.args.channel === COHORT.id)).toHaveLength(
          0,
        );
        expect((await digestRow())?.status).toBe('failed');
      });
    }

    it('tries again later when the workspace has no token', async () => {
      const report = await runCohortJobs({
        now: DIGEST_AT,
        db: one.db,
        slack: () => undefined,
        log: memoryLog('silent').log,
      });
      expect(report.posts.find((p) => p.kind === 'digest')?.outcome).toBe('retrying');
      await sweep(at(30 * MINUTE));
      expect(digests()).toHaveLength(0);
      await sweep(at(61 * MINUTE));
      expect(digests()).toHaveLength(1);
    });

    it('posts no digest for a cohort without students yet', async () => {
      await one.db.cohortMembership.updateMany({ where: { role: 'student' }, data: { leftAt: DIGEST_AT } });
      const report = await sweep(DIGEST_AT);
      expect(report.posts.find((p) => p.kind === 'digest')?.outcome).toBe('skipped');
      expect(digests()).toHaveLength(0);
    });

    it('posts nothing for a workspace that uninstalled the app', async () => {
      await one.db.workspace.update({ where: { id: TEAM.id }, data: { uninstalledAt: DIGEST_AT } });
      await sweep(DIGEST_AT);
      expect(standIn.callsTo('chat.postMessage')).toHaveLength(0);
    });
  });
}
