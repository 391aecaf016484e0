// Starts the coach in whichever mode the configuration selects.
import type { CustomRoute } from '@slack/bolt/dist/receivers/custom-routes';
import { type Config, describeDatabase } from './config';
import { type Clock, OffsetClock, systemClock } from './core/clock';
import { Sealer } from './core/seal';
import { type Db, openDatabase } from './db/client';
import type { Log } from './log';
import type { SlackStandIn } from './modes/sandbox';
import { deliveryClientFor, startNudgeScheduler } from './nudges/runtime';
import type { NudgeScheduler } from './nudges/scheduler';
import { inThreadDrafter, workerDrafter } from './services/drafter';
import { checkInstallationKeys } from './services/installations';
import { workspaceInstalled } from './services/workspaces';
import { createSlackApp, type SlackApp } from './slack/app';
import { healthRoute } from './slack/routes';
import { PrismaInstallationStore } from './store/installations';

export interface RunningCoach {
  port: number | undefined;
  db: Db;
  mode: Config['slack']['kind'];
  slack: SlackApp;
  standIn?: SlackStandIn;
  /** Base URL of the Slack Web API the app talks to (the stand-in's in sandbox mode and tests). */
  slackApiUrl?: string;
  /** The every-minute nudge sweep, when SCHEDULER_ENABLED (default on). */
  scheduler?: NudgeScheduler;
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
  const database = await openDatabase(config.databaseUrl, { poolSize: config.databasePoolSize });
  const drafter =
    config.draftThreads > 0 ? workerDrafter(log, { threads: config.draftThreads }) : inThreadDrafter();
  // Sandbox mode runs on a clock the sandbox page can move forward (the app, its sweep and the stand-in).
  const sandboxClock = config.slack.kind === 'sandbox' ? new OffsetClock(options.clock ?? systemClock) : null;
  const deps = { db: database.db, log, clock: sandboxClock ?? options.clock ?? systemClock, drafter };
  const stops: (() => Promise<void>)[] = [() => database.close(), () => drafter.close()];
  const routes: CustomRoute[] = [healthRoute(database.ping, config.slack.kind)];

  let standIn: SlackStandIn | undefined;
  let slack: SlackApp;
  let slackApiUrl = config.slackApiUrl;
  let onStarted: ((port: number) => void) | undefined;
  try {
    if (config.slack.kind === 'sandbox') {
      // The stand-in's modules load in sandbox mode only.
      const { startSandboxSlack } = await import('./modes/sandbox');
      const sandbox = await startSandboxSlack({
        port: config.sandboxPort,
        deps,
        // Set above for sandbox mode: the same clock as deps.clock.
        clock: sandboxClock!,
        delivery: (apiUrl) => deliveryClientFor(config, database.db, log, apiUrl),
        routes,
      });
      stops.unshift(() => sandbox.close());
      standIn = sandbox.standIn;
      slackApiUrl = sandbox.slackApiUrl;
      slack = sandbox.slack;
      onStarted = (port) => sandbox.started(port);
    } else if (config.slack.kind === 'oauth') {
      // config.ts refuses OAuth mode without ENCRYPTION_KEY.
      const sealer = new Sealer(config.encryption.key as Buffer, config.encryption.previous);
      const { unopened } = await checkInstallationKeys(database.db, sealer);
      if (unopened.length > 0) {
        log.error(
          { workspaces: unopened },
          'these installations cannot be opened with ENCRYPTION_KEY or ENCRYPTION_KEY_PREVIOUS; they are not served',
        );
      }
      slack = createSlackApp({
        mode: config.slack,
        deps,
        slackApiUrl,
        routes,
        installationStore: new PrismaInstallationStore(database.db, sealer, () => deps.clock.now()),
        ...(config.appBaseUrl ? { appBaseUrl: config.appBaseUrl } : {}),
      });
    } else {
      slack = createSlackApp({ mode: config.slack, deps, slackApiUrl, routes });
    }
    const port = await slack.start(config.port, config.host);
    if (port !== undefined) onStarted?.(port);
    if (config.slack.kind !== 'oauth') {
      // A single-workspace token that works means the app is installed there, even after an earlier uninstall.
      const identity = await slack.app.client.auth.test();
      if (identity.team_id) {
        await workspaceInstalled(database.db, identity.team_id, identity.team ?? null, deps.clock.now());
      }
    }
    stops.unshift(() => slack.stop());

    // The nudge sweep runs in the bot process unless SCHEDULER_ENABLED=false (then `coach worker` runs it).
    let scheduler: NudgeScheduler | undefined;
    if (config.schedulerEnabled) {
      scheduler = startNudgeScheduler({ config, db: database.db, log, clock: deps.clock, slackApiUrl });
      const running = scheduler;
      // Stopped first on shutdown, so a sweep in progress finishes before the database closes.
      stops.unshift(() => running.stop());
    }

    log.info(
      { mode: config.slack.kind, port, database: describeDatabase(config) },
      `networking coach started: ${config.slack.kind} mode, port ${port ?? '-'}, ${describeDatabase(config)}`,
    );
    if (standIn) {
      log.info(
        `Sandbox mode (no Slack credentials set): open http://localhost:${port}/ to try the app in your ` +
          `browser. A local Slack stand-in answers at ${slackApiUrl}; ` +
          `or from a terminal: npm run coach -- try "/coach help"`,
      );
    }
    return {
      port,
      db: database.db,
      mode: config.slack.kind,
      slack,
      standIn,
      slackApiUrl,
      scheduler,
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
