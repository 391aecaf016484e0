// Starts the coach in whichever mode the configuration selects.
import { randomBytes } from 'node:crypto';
import type { CustomRoute } from '@slack/bolt/dist/receivers/custom-routes';
import { type Config, describeDatabase } from './config';
import { type Db, openDatabase } from './db/client';
import type { Log } from './log';
import { createSlackStandIn, type SlackStandIn } from './sandbox';
import { SlackDriver } from './sandbox/slack-driver';
import { sandboxCommandRoute } from './sandbox/try-route';
import { SANDBOX_TEAM, sandboxWorkspace } from './sandbox/workspace';
import { createSlackApp, type SlackApp } from './slack/app';
import { type Clock, systemClock } from './slack/deps';
import { healthRoute } from './slack/routes';

export interface RunningCoach {
  port: number | undefined;
  db: Db;
  mode: Config['slack']['kind'];
  slack: SlackApp;
  standIn?: SlackStandIn;
  stop(): Promise<void>;
}

export interface StartOptions {
  clock?: Clock;
}

export async function startCoach(
  config: Config,
  log: Log,
  options: StartOptions = {},
): Promise<RunningCoach> {
  const database = await openDatabase(config.databaseUrl);
  const deps = { db: database.db, log, clock: options.clock ?? systemClock };
  const stops: (() => Promise<void>)[] = [() => database.close()];
  const routes: CustomRoute[] = [healthRoute(database.ping, config.slack.kind)];

  let standIn: SlackStandIn | undefined;
  let slack: SlackApp;
  let slackApiUrl = config.slackApiUrl;
  let driver: SlackDriver | undefined;
  let onStarted: ((port: number) => void) | undefined;
  try {
    if (config.slack.kind === 'sandbox') {
      standIn = createSlackStandIn(sandboxWorkspace());
      const { apiUrl } = await standIn.listen(config.sandboxPort, '127.0.0.1');
      stops.unshift(() => standIn!.close());
      slackApiUrl = apiUrl;
      slack = createSlackApp({
        mode: {
          kind: 'http',
          botToken: SANDBOX_TEAM.botToken,
          signingSecret: randomBytes(16).toString('hex'),
        },
        deps,
        slackApiUrl,
        routes,
      });
    } else {
      slack = createSlackApp({ mode: config.slack, deps, slackApiUrl, routes });
    }
    const port = await slack.start(config.port, config.host);
    if (port !== undefined) onStarted?.(port);
    stops.unshift(() => slack.stop());

    log.info(
      { mode: config.slack.kind, port, database: describeDatabase(config) },
      `networking coach started: ${config.slack.kind} mode, port ${port ?? '-'}, ${describeDatabase(config)}`,
    );
    if (standIn) {
      log.info(
        `Sandbox mode (no Slack credentials set): a local Slack stand-in answers at ${slackApiUrl}. ` +
          `Try it: npm run coach -- try "/coach help"`,
      );
    }
    return {
      port,
      db: database.db,
      mode: config.slack.kind,
      slack,
      standIn,
      async stop() {
        for (const stop of stops)
          await stop().catch((err: Error) => log.warn({ err: err.message }, 'shutdown step failed'));
      },
    };
  } catch (error) {
    for (const stop of stops) await stop().catch(() => undefined);
    throw error;
  }
}
