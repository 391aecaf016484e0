// Sandbox mode's wiring: the local Slack stand-in with the sandbox workspace, the Bolt app pointed at
// it (HTTP with a signing secret made up for this run), the /sandbox/command route `coach try` uses,
// and the driver that plays Slack's side once the app listens. The only module outside src/sandbox
// that imports it (test/architecture.test.ts keeps it that way).
import { randomBytes } from 'node:crypto';
import type { CustomRoute } from '@slack/bolt/dist/receivers/custom-routes';
import { createSlackStandIn, type SlackStandIn } from '../sandbox';
import { SlackDriver } from '../sandbox/slack-driver';
import { sandboxCommandRoute } from '../sandbox/try-route';
import { SANDBOX_TEAM, sandboxWorkspace } from '../sandbox/workspace';
import { createSlackApp, type SlackApp } from '../slack/app';
import type { CoreDeps } from '../slack/deps';

export type { SlackStandIn };

/** The sandbox workspace's bot token: what the nudge delivery sends with in sandbox mode. */
export const SANDBOX_BOT_TOKEN = SANDBOX_TEAM.botToken;

export interface SandboxSlackOptions {
  /** Port of the stand-in (SANDBOX_PORT; 0 → a free one). It listens on 127.0.0.1 only. */
  port: number;
  deps: CoreDeps;
  /** The app's other routes (health); the sandbox command route is added to them. */
  routes: CustomRoute[];
}

export interface SandboxSlack {
  standIn: SlackStandIn;
  /** The stand-in's Web API base URL, which the app and the nudge delivery call. */
  slackApiUrl: string;
  slack: SlackApp;
  /** Call once the app listens on `port`: from then on `coach try` can play commands against it. */
  started(port: number): void;
  close(): Promise<void>;
}

/** Starts the stand-in and builds the app for it (not started yet; the caller starts it). */
export async function startSandboxSlack(options: SandboxSlackOptions): Promise<SandboxSlack> {
  const standIn = createSlackStandIn(sandboxWorkspace());
  const { apiUrl } = await standIn.listen(options.port, '127.0.0.1');
  try {
    const signingSecret = randomBytes(16).toString('hex');
    let driver: SlackDriver | undefined;
    const slack = createSlackApp({
      mode: { kind: 'http', botToken: SANDBOX_TEAM.botToken, signingSecret },
      deps: options.deps,
      slackApiUrl: apiUrl,
      routes: [...options.routes, sandboxCommandRoute(standIn, () => driver)],
    });
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
      close: () => standIn.close(),
    };
  } catch (error) {
    await standIn.close().catch(() => undefined);
    throw error;
  }
}
