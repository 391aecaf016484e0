// Wiring the sweep into a process: which token it sends with, in each mode.
import type { WebClient } from '@slack/web-api';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import type { Db } from '../db/client';
import type { Log } from '../log';
import { SANDBOX_BOT_TOKEN } from '../modes/sandbox';
import type { DeliverOptions } from './deliver';
import { type NudgeScheduler, startScheduler } from './scheduler';
import { createDeliveryClient } from './slack';

export class NoDeliveryTokenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NoDeliveryTokenError';
  }
}

/**
 * The delivery client for the configured mode. Single-workspace modes (HTTP, Socket Mode) use the bot
 * token from the configuration; sandbox mode the stand-in's bot token at `slackApiUrl` (the running
 * app's stand-in on SANDBOX_PORT unless given). OAuth mode needs a token per workspace from the
 * installation store, which does not exist yet.
 */
export function deliveryClientFor(config: Config, log: Log, slackApiUrl?: string): WebClient {
  const apiUrl = slackApiUrl ?? config.slackApiUrl;
  switch (config.slack.kind) {
    case 'http':
    case 'socket':
      return createDeliveryClient({
        token: config.slack.botToken,
        ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
        log,
      });
    case 'sandbox':
      return createDeliveryClient({
        token: SANDBOX_BOT_TOKEN,
        slackApiUrl: apiUrl ?? `http://127.0.0.1:${config.sandboxPort}/api/`,
        log,
      });
    case 'oauth':
      // TODO(installations): resolve a client per workspace from the installation store
      // (runSweep already accepts `slack: (workspaceId) => WebClient`) once it exists.
      throw new NoDeliveryTokenError(
        'Nudges cannot be sent in OAuth mode yet: bot tokens come from installations, and the installation ' +
          'store is not available. Run with SLACK_BOT_TOKEN (single workspace), or set SCHEDULER_ENABLED=false.',
      );
  }
}

export interface SchedulerStart {
  config: Config;
  db: Db;
  log: Log;
  clock: Clock;
  slackApiUrl?: string;
  deliver?: DeliverOptions;
}

/**
 * Starts the every-minute sweep for the configured mode, with the nightly retention prune when
 * RETENTION_MONTHS is set. Throws NoDeliveryTokenError in OAuth mode.
 */
export function startNudgeScheduler(options: SchedulerStart): NudgeScheduler {
  const slack = deliveryClientFor(options.config, options.log, options.slackApiUrl);
  return startScheduler({
    db: options.db,
    slack,
    log: options.log.child({ component: 'nudges' }),
    clock: options.clock,
    ...(options.deliver ? { deliver: options.deliver } : {}),
    ...(options.config.retentionMonths ? { retentionMonths: options.config.retentionMonths } : {}),
  });
}
