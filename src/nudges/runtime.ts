// Wiring the sweep into a process: which token it sends with, in each mode.
import { InstallProvider } from '@slack/oauth';
import type { WebClient } from '@slack/web-api';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import { Sealer } from '../core/seal';
import type { Db } from '../db/client';
import { type Log, slackLogger } from '../log';
import { botCredentialsFor, PrismaInstallationStore } from '../store/installations';
import type { DeliverOptions } from './deliver';
import { type NudgeScheduler, startScheduler } from './scheduler';
import { createDeliveryClient, type SlackForWorkspace } from './slack';

/**
 * Who the sweep sends with, in the configured mode. Single-workspace modes (HTTP, Socket Mode) use the
 * bot token from the configuration; sandbox mode the stand-in's bot token at `slackApiUrl` (the running
 * app's stand-in on SANDBOX_PORT unless given). OAuth mode looks up each workspace's installation, its
 * token refreshed first when token rotation is on; a workspace without one is skipped.
 */
export function deliveryClientFor(
  config: Config,
  db: Db,
  log: Log,
  slackApiUrl?: string,
): WebClient | SlackForWorkspace {
  const apiUrl = slackApiUrl ?? config.slackApiUrl;
  switch (config.slack.kind) {
    case 'http':
    case 'socket':
      return createDeliveryClient({
        token: config.slack.botToken,
        ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
        log,
      });
    case 'sandbox': {
      // The stand-in's modules (where its bot token lives) load in sandbox mode only.
      let client: Promise<WebClient> | undefined;
      return () =>
        (client ??= import('../modes/sandbox').then(({ SANDBOX_BOT_TOKEN }) =>
          createDeliveryClient({
            token: SANDBOX_BOT_TOKEN,
            slackApiUrl: apiUrl ?? `http://127.0.0.1:${config.sandboxPort}/api/`,
            log,
          }),
        ));
    }
    case 'oauth':
      return installedWorkspaces(config, config.slack, db, log, apiUrl);
  }
}

/** One delivery client per workspace, from its installation; rebuilt when the token changes. */
function installedWorkspaces(
  config: Config,
  oauth: Extract<Config['slack'], { kind: 'oauth' }>,
  db: Db,
  log: Log,
  apiUrl: string | undefined,
): SlackForWorkspace {
  // config.ts refuses OAuth mode without ENCRYPTION_KEY.
  const sealer = new Sealer(config.encryption.key as Buffer, config.encryption.previous);
  const store = new PrismaInstallationStore(db, sealer);
  // Only for `authorize`, which refreshes a rotating token (and stores the new one) before it expires.
  const provider = new InstallProvider({
    clientId: oauth.clientId,
    clientSecret: oauth.clientSecret,
    stateSecret: oauth.stateSecret,
    installationStore: store,
    // A refresh that fails is tried again on the next sweep, not retried here for minutes.
    clientOptions: {
      ...(apiUrl ? { slackApiUrl: apiUrl } : {}),
      retryConfig: { retries: 0 },
      timeout: 10_000,
    },
    logger: slackLogger(log, 'oauth'),
  });
  const clients = new Map<string, { token: string; client: WebClient }>();
  return async (workspaceId) => {
    let token: string | undefined;
    try {
      const auth = await provider.authorize({
        teamId: workspaceId,
        enterpriseId: undefined,
        isEnterpriseInstall: false,
      });
      token = auth.botToken;
      // When a refresh fails (Slack unreachable, a spent refresh token) the SDK hands back the token it
      // had. Past its expiry (the SDK's clock: Date.now) every send would fail with token_expired and
      // count as failed, so the workspace waits instead, and a later sweep refreshes again.
      if (auth.botTokenExpiresAt !== undefined && auth.botTokenExpiresAt * 1000 <= Date.now()) {
        log.warn({ workspaceId }, 'the workspace token expired and could not be refreshed; its nudges wait');
        token = undefined;
      }
    } catch {
      // Not a workspace install of its own: an org-wide one, or none (uninstalled).
      token = (await botCredentialsFor(db, sealer, workspaceId))?.token;
    }
    if (!token) {
      clients.delete(workspaceId);
      return undefined;
    }
    const known = clients.get(workspaceId);
    if (known?.token === token) return known.client;
    const client = createDeliveryClient({ token, ...(apiUrl ? { slackApiUrl: apiUrl } : {}), log });
    clients.set(workspaceId, { token, client });
    return client;
  };
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
 * RETENTION_MONTHS is set.
 */
export function startNudgeScheduler(options: SchedulerStart): NudgeScheduler {
  const slack = deliveryClientFor(options.config, options.db, options.log, options.slackApiUrl);
  return startScheduler({
    db: options.db,
    slack,
    log: options.log.child({ component: 'nudges' }),
    clock: options.clock,
    ...(options.deliver ? { deliver: options.deliver } : {}),
    ...(options.config.retentionMonths ? { retentionMonths: options.config.retentionMonths } : {}),
  });
}
