// The Bolt app factory used by every mode: HTTP, Socket Mode, OAuth (many workspaces) and sandbox.
// Receivers only move bytes; everything else is listeners and middleware.
import type { Server } from 'node:http';
import { App, HTTPReceiver, type Receiver, SocketModeReceiver } from '@slack/bolt';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App';
import type { CustomRoute } from '@slack/bolt/dist/receivers/custom-routes';
import type { InstallationStore } from '@slack/oauth';
import type { WebClientOptions } from '@slack/web-api';
import type { SlackMode } from '../config';
import { scrubTokens, slackLogger } from '../log';
import type { AppDeps } from './deps';
import { registerListeners } from './listeners';

/** Bot scopes the app asks for; manifest.yml lists the same (a test keeps them equal). */
export const BOT_SCOPES = [
  'channels:read',
  'chat:write',
  'commands',
  'files:write',
  'groups:read',
  'im:write',
  'users:read',
];

export interface SlackAppOptions {
  mode: Exclude<SlackMode, { kind: 'sandbox' }>;
  deps: AppDeps;
  /** Base URL of the Slack Web API (a local stand-in in tests and sandbox mode). */
  slackApiUrl?: string;
  /** Extra HTTP routes served next to /slack/events (health, sandbox page). */
  routes?: CustomRoute[];
  installationStore?: InstallationStore;
  /** Skip the auth.test call at start (bot id and user id known already). */
  botIdentity?: { botId: string; botUserId: string };
}

export interface SlackApp {
  app: App;
  /** Starts listening; returns the bound HTTP port (0 → a free one), or undefined in Socket Mode without a port. */
  start(port: number, host?: string): Promise<number | undefined>;
  stop(): Promise<void>;
}

function clientOptions(slackApiUrl: string | undefined): WebClientOptions {
  return {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    // A listener's Slack call should fail fast rather than retry behind the user's back for minutes;
    // the nudge outbox owns its own retries.
    retryConfig: { retries: 2, factor: 2, minTimeout: 200, maxTimeout: 2000 },
    timeout: 10_000,
  };
}

export function createSlackApp(options: SlackAppOptions): SlackApp {
  const { mode, deps } = options;
  const logger = slackLogger(deps.log, 'bolt');
  const routes = options.routes ?? [];
  let receiver: Receiver;
  let socket = false;

  if (mode.kind === 'socket') {
    socket = true;
    receiver = new SocketModeReceiver({
      appToken: mode.appToken,
      logger,
      customRoutes: routes,
      installerOptions: { clientOptions: clientOptions(options.slackApiUrl) },
    });
  } else {
    receiver = new HTTPReceiver({
      signingSecret: mode.signingSecret,
      logger,
      customRoutes: routes,
      processBeforeResponse: false,
      ...(mode.kind === 'oauth'
        ? {
            clientId: mode.clientId,
            clientSecret: mode.clientSecret,
            stateSecret: mode.stateSecret,
            scopes: BOT_SCOPES,
            installationStore: options.installationStore,
            installerOptions: { directInstall: false },
          }
        : {}),
    });
  }

  const app = new App({
    receiver,
    logger,
    clientOptions: clientOptions(options.slackApiUrl),
    ...(mode.kind === 'oauth'
      ? {}
      : { token: mode.botToken, ...(options.botIdentity ?? {}), deferInitialization: true }),
    ...(mode.kind === 'oauth' ? { installationStore: options.installationStore } : {}),
    extendedErrorHandler: true,
  });

  app.error(async ({ error, logger: log, body }: ExtendedErrorHandlerArgs) => {
    const ids = body && typeof body === 'object' ? describeBody(body as Record<string, unknown>) : {};
    log.error(`listener failed: ${scrubTokens(error.message)} ${JSON.stringify(ids)}`);
  });

  registerListeners(app, deps);

  let server: Server | undefined;
  return {
    app,
    async start(port, host) {
      if (mode.kind !== 'oauth') await app.init();
      if (socket) {
        await app.start(port);
        return undefined;
      }
      server = (await app.start({ port, ...(host ? { host } : {}) })) as Server;
      const address = server.address();
      return typeof address === 'object' && address ? address.port : port;
    },
    async stop() {
      await app.stop().catch((err: Error) => deps.log.warn({ err: err.message }, 'stopping the app'));
    },
  };
}

/** Ids only, for error logs: never text, notes or tokens. */
function describeBody(body: Record<string, unknown>): Record<string, unknown> {
  const team = body.team as { id?: string } | undefined;
  const user = body.user as { id?: string } | undefined;
  return {
    type: body.type ?? (body.command ? 'command' : undefined),
    team: body.team_id ?? team?.id,
    user: body.user_id ?? user?.id,
  };
}
