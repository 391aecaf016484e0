// Sandbox mode's wiring: the local Slack stand-in with the sandbox workspace, the Bolt app pointed at
// it (HTTP with a signing secret made up for this run), the sandbox page and its routes (the
// /sandbox/command route `coach try` uses among them), and the driver that plays Slack's side once the
// app listens. The only module outside src/sandbox that imports it (test/architecture.test.ts keeps it
// that way).
import { randomBytes } from 'node:crypto';
import type { CustomRoute } from '@slack/bolt/dist/receivers/custom-routes';
import type { WebClient } from '@slack/web-api';
import type { OffsetClock } from '../core/clock';
import { runCohortJobs } from '../nudges/cohort-digests';
import type { SlackForWorkspace } from '../nudges/slack';
import { runSweep } from '../nudges/sweep';
import { createSlackStandIn, type SlackStandIn } from '../sandbox';
import { sandboxPageRoutes } from '../sandbox/page-routes';
import { SlackDriver } from '../sandbox/slack-driver';
import {
  SANDBOX_CHANNEL,
  SANDBOX_FACILITATOR_ID,
  SANDBOX_TEAM,
  sandboxWorkspace,
} from '../sandbox/workspace';
import { SANDBOX_DEMO, seedDemo } from '../services/demo';
import { createSlackApp, type SlackApp } from '../slack/app';
import type { CoreDeps } from '../slack/deps';

export type { SlackStandIn };

/** The sandbox workspace's bot token: what the nudge delivery sends with in sandbox mode. */
export const SANDBOX_BOT_TOKEN = SANDBOX_TEAM.botToken;

/** The app's name as the page shows it on its messages. */
const BOT_NAME = 'Networking Coach';

export interface SandboxSlackOptions {
  /** Port of the stand-in (SANDBOX_PORT; 0 → a free one). It listens on 127.0.0.1 only. */
  port: number;
  /** `deps.clock` is `clock`: the app, its scheduler, the stand-in and the page all read it. */
  deps: CoreDeps;
  /** The simulated time the page moves forward (real time plus an offset). */
  clock: OffsetClock;
  /** The nudge delivery's client for the stand-in at `slackApiUrl` (as the scheduler gets it). */
  delivery: (slackApiUrl: string) => WebClient | SlackForWorkspace;
  /** The app's other routes (health); the sandbox page's routes are added to them. */
  routes: CustomRoute[];
}

export interface SandboxSlack {
  standIn: SlackStandIn;
  /** The stand-in's Web API base URL, which the app and the nudge delivery call. */
  slackApiUrl: string;
  slack: SlackApp;
  /** Call once the app listens on `port`: from then on the page and `coach try` can play against it. */
  started(port: number): void;
  close(): Promise<void>;
}

/** Starts the stand-in and builds the app for it (not started yet; the caller starts it). */
export async function startSandboxSlack(options: SandboxSlackOptions): Promise<SandboxSlack> {
  const { clock, deps } = options;
  const workspace = sandboxWorkspace();
  const standIn = createSlackStandIn({ ...workspace, clock: () => clock.now().getTime() });
  const { apiUrl } = await standIn.listen(options.port, '127.0.0.1');
  try {
    const signingSecret = randomBytes(16).toString('hex');
    let driver: SlackDriver | undefined;
    const delivery = options.delivery(apiUrl);
    const page = sandboxPageRoutes({
      standIn,
      driver: () => driver,
      team: SANDBOX_TEAM,
      users: workspace.users,
      facilitatorId: SANDBOX_FACILITATOR_ID,
      channel: { id: SANDBOX_CHANNEL.id, name: SANDBOX_CHANNEL.name },
      botName: BOT_NAME,
      now: () => clock.now(),
      async advanceClock(minutes) {
        const now = clock.advance(minutes * 60_000);
        const sweep = await runSweep({ now, db: deps.db, slack: delivery, log: deps.log });
        const cohorts = await runCohortJobs({ now, db: deps.db, slack: delivery, log: deps.log });
        const posts = cohorts.posts.filter((p) => p.outcome === 'sent').length;
        return { now, sent: sweep.sent.length + posts };
      },
      seedDemo: async () => (await seedDemo(deps.db, SANDBOX_DEMO, clock.now())).summary,
    });
    const app = createSlackApp({
      mode: { kind: 'http', botToken: SANDBOX_TEAM.botToken, signingSecret },
      deps,
      slackApiUrl: apiUrl,
      routes: [...options.routes, ...page.routes],
    });
    const slack: SlackApp = {
      ...app,
      async stop() {
        // Open event streams would keep the server from closing.
        page.close();
        await app.stop();
      },
    };
    return {
      standIn,
      slackApiUrl: apiUrl,
      slack,
      started(port) {
        driver = new SlackDriver({
          appUrl: `http://127.0.0.1:${port}`,
          signingSecret,
          slack: standIn,
          teamId: SANDBOX_TEAM.id,
          appId: SANDBOX_TEAM.appId,
        });
      },
      close: async () => {
        page.close();
        await standIn.close();
      },
    };
  } catch (error) {
    await standIn.close().catch(() => undefined);
    throw error;
  }
}
