// `coach sweep --now …` as an operator runs it: a separate process against the same database and the
// same Slack (the stand-in), sending a thank-you nudge exactly once.
import { beforeEach, describe, expect, it } from 'vitest';
import { runCoach } from '../support/cli';
import { sqliteTestDatabase, type TestDatabase } from '../support/db';
import { ALICE, HOUR, SIGNING_SECRET, TEAM } from '../support/fixtures';
import { useHarness } from '../support/harness';
import { dmTo, nudgePosts, openModal, submitModal, visibleText } from '../support/slack-play';

const START = new Date('2026-03-10T14:00:00Z'); // Tue 10:00 in New York, Alice's timezone
const at = (hours: number) => new Date(START.getTime() + hours * HOUR).toISOString();

// Each sweep starts a Node process, which takes seconds on a busy machine.
describe('coach sweep --now', { timeout: 60_000 }, () => {
  let database: TestDatabase;
  const h = useHarness({
    start: START,
    database: () => {
      database = sqliteTestDatabase();
      return database;
    },
  });

  // Alice logs a chat through the log modal at START: its thank-you is due by the next morning.
  beforeEach(async () => {
    const view = await openModal(h, ALICE.id, 'log Jane Doe');
    await submitModal(h, ALICE.id, view, { "One thing I'll act on": 'rewrite my portfolio intro' });
    await dmTo(h, ALICE.id);
  });

  /** `coach sweep --now <now>` in its own process; the calls the stand-in recorded are cleared first. */
  async function sweep(now: string) {
    h.standIn.clearCalls();
    const result = await runCoach(['sweep', '--now', now], {
      DATABASE_URL: database.url,
      SLACK_BOT_TOKEN: TEAM.botToken,
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: String(h.coach.slackApiUrl),
      LOG_LEVEL: 'silent',
    });
    expect(result.code, result.stderr).toBe(0);
    return result.stdout;
  }

  it('sends nothing before the thank-you is due', async () => {
    const out = await sweep(at(1));
    expect(out).toContain('0 sent');
    expect(nudgePosts(h)).toHaveLength(0);
  });

  it('sends the thank-you nudge at +23 h (09:00, her working day starts), once, and prints it without its text', async () => {
    // At +20 h it is 06:00 in New York: the nudge waits for her working hours (the deadline is 10:00).
    expect(await sweep(at(20))).toContain('0 sent');
    const out = await sweep(at(23));
    expect(out).toMatch(/sent\s+thank_you/);
    expect(out).not.toContain('portfolio');
    const posts = nudgePosts(h);
    expect(posts).toHaveLength(1);
    expect(visibleText(posts[0]!.args)).toContain('rewrite my portfolio intro');
  });

  it('sends nothing the second time', async () => {
    await sweep(at(23));
    expect(nudgePosts(h)).toHaveLength(1);
    const out = await sweep(at(23.5));
    expect(out).toContain('0 sent');
    expect(nudgePosts(h)).toHaveLength(0);
  });
});
