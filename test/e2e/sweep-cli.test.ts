// `coach sweep --now …` as an operator runs it: a separate process against the same database and the
// same Slack (the stand-in), sending a thank-you nudge exactly once.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nudgePosts } from '../nudges/support';
import { sqliteTestDatabase, type TestDatabase } from '../support/db';
import { ALICE, type Harness, SIGNING_SECRET, startHarness, TEAM, TestClock } from '../support/harness';
import { dmTo, openModal, submitModal } from '../support/slack-play';

const run = promisify(execFile);
const START = new Date('2026-03-10T14:00:00Z'); // Tue 10:00 in New York, Alice's timezone
const at = (hours: number) => new Date(START.getTime() + hours * 3_600_000).toISOString();

describe('coach sweep --now', () => {
  let database: TestDatabase;
  let h: Harness;

  beforeAll(async () => {
    database = sqliteTestDatabase();
    h = await startHarness({ database, clock: new TestClock(START) });
    const view = await openModal(h, ALICE.id, 'log Jane Doe');
    await submitModal(h, ALICE.id, view, { "One thing I'll act on": 'rewrite my portfolio intro' });
    await dmTo(h, ALICE.id);
  });
  afterAll(async () => {
    await h.stop();
    await database.drop();
  });

  async function sweep(now: string) {
    h.standIn.clearCalls();
    const { stdout } = await run(process.execPath, ['bin/coach.js', 'sweep', '--now', now], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: database.url,
        SLACK_BOT_TOKEN: TEAM.botToken,
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: String(h.coach.slackApiUrl),
        LOG_LEVEL: 'silent',
      },
    });
    return stdout;
  }

  it('sends nothing before the thank-you is due', async () => {
    const out = await sweep(at(1));
    expect(out).toContain('0 sent');
    expect(nudgePosts(h)).toHaveLength(0);
  });

  it('sends the thank-you nudge at +20 h, once, and prints it without its text', async () => {
    const out = await sweep(at(20));
    expect(out).toMatch(/sent\s+thank_you/);
    expect(out).not.toContain('portfolio');
    const posts = nudgePosts(h);
    expect(posts).toHaveLength(1);
    expect(JSON.stringify(posts[0]?.args.blocks)).toContain('rewrite my portfolio intro');
  });

  it('sends nothing the second time', async () => {
    const out = await sweep(at(20.5));
    expect(out).toContain('0 sent');
    expect(nudgePosts(h)).toHaveLength(0);
  });
});
