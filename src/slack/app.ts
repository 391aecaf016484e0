// The Bolt app factory used by every mode: HTTP, Socket Mode, OAuth (many workspaces) and sandbox.
// Receivers only move bytes; everything else is listeners and middleware.
import type { Server } from 'node:http';
import { App, type Authorize, type Receiver, type ReceiverEvent, SocketModeReceiver } from '@slack/bolt';
import type { ExtendedErrorHandlerArgs } from '@slack/bolt/dist/App';
import type { CustomRoute } from '@slack/bolt/dist/receivers/custom-routes';
import type { InstallationStore } from '@slack/oauth';
import type { WebClientOptions } from '@slack/web-api';
import type { SlackMode } from '../config';
import { scrubTokens, slackLogger } from '../log';
import { inThreadDrafter } from '../services/drafter';
import { AfterAck, HomeRefresher } from './after-ack';
import type { AppDeps, CoreDeps } from './deps';
import { publishHome } from './home';
import { registerListeners } from './listeners';
import { createInstaller, type Installer } from './oauth';
import { describeError, dispatch } from './pipeline/dispatch';
import { answerEverything, applyOnce, resolveScope } from './pipeline/middleware';
import { ListenerRouter } from './pipeline/router';
import { CoachReceiver } from './receiver';

/** Bot scopes the app asks for; manifest.yml lists the same (a test keeps them equal). */
export const BOT_SCOPES = [
  'channels:read',
  'chat:write',
  'commands',
  'files:write',
  'groups:read',
  'im:history',
  'im:write',
  'users:read',
];

export interface SlackAppOptions {
  mode: Exclude<SlackMode, { kind: 'sandbox' }>;
  deps: CoreDeps;
  /** Base URL of the Slack Web API (a local stand-in in tests and sandbox mode). */
  slackApiUrl?: string;
  /** Extra HTTP routes served next to /slack/events (health, sandbox page). */
  routes?: CustomRoute[];
  /** OAuth mode: where installations are kept, and the app's public URL for the redirect. */
  installationStore?: InstallationStore;
  appBaseUrl?: string;
  /** Skip the auth.test call at start (bot id and user id known already). */
  botIdentity?: { botId: string; botUserId: string };
}

export interface SlackApp {
  app: App;
  /** What the listeners run with (the queue for work after the ack included). */
  deps: AppDeps;
  /** Resolves when the requests received so far and the work they queued are all done. */
  settle(): Promise<void>;
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
  const { mode } = options;
  const logger = slackLogger(options.deps.log, 'bolt');
  const routes = options.routes ?? [];
  const later = new AfterAck(options.deps.log);
  const deps: AppDeps = {
    ...options.deps,
    drafter: options.deps.drafter ?? inThreadDrafter(),
    later,
    home: new HomeRefresher(options.deps.log, (client, scope) => publishHome(client, options.deps, scope)),
  };
  let receiver: Receiver;
  let socket = false;
  let authorize: Authorize<boolean> | undefined;

  if (mode.kind === 'socket') {
    socket = true;
    receiver = answeringSocketReceiver(
      new SocketModeReceiver({
        appToken: mode.appToken,
        logger,
        customRoutes: routes,
        installerOptions: { clientOptions: clientOptions(options.slackApiUrl) },
      }),
      deps,
    );
  } else {
    let installer: Installer | undefined;
    if (mode.kind === 'oauth') {
      if (!options.installationStore) throw new Error('OAuth mode needs an installation store');
      installer = createInstaller(
        {
          clientId: mode.clientId,
          clientSecret: mode.clientSecret,
          stateSecret: mode.stateSecret,
          scopes: BOT_SCOPES,
          installationStore: options.installationStore,
          clientOptions: clientOptions(options.slackApiUrl),
          ...(options.appBaseUrl ? { appBaseUrl: options.appBaseUrl } : {}),
        },
        options.deps,
      );
      authorize = (source) => (installer as Installer).provider.authorize(source);
    }
    const http = new CoachReceiver({
      signingSecret: mode.signingSecret,
      log: deps.log,
      routes: [...routes, ...(installer?.routes ?? [])],
      onAnswered: () => later.requestDone(),
    });
    later.yieldTo(() => http.awaitingAck);
    receiver = http;
  }

  const app = new App({
    receiver,
    logger,
    // The level LOG_LEVEL gives (Bolt would otherwise set its own default on the logger).
    logLevel: logger.getLevel(),
    // Bolt's conversation store is not used: it would cost a lookup (and an Error when empty) per request.
    convoStore: false,
    clientOptions: clientOptions(options.slackApiUrl),
    // Many workspaces: each request's token comes from its installation (refreshed when it rotates).
    ...(authorize
      ? { authorize }
      : { token: (mode as { botToken: string }).botToken, ...(options.botIdentity ?? {}) }),
    deferInitialization: true,
    extendedErrorHandler: true,
  });

  app.error(async ({ error, body }: ExtendedErrorHandlerArgs) => {
    const ids = body && typeof body === 'object' ? describeBody(body as Record<string, unknown>) : {};
    deps.log.error({ ...ids, err: scrubTokens(describeError(error)) }, 'listener failed');
  });

  app.use(answerEverything(deps));
  app.use(resolveScope(deps));
  app.use(applyOnce(deps));
  // Listeners are found by kind and id in one step rather than each asked in turn (see router.ts).
  const router = new ListenerRouter();
  registerListeners(router.registrar(app), deps);
  app.use(router.middleware());

  let server: Server | undefined;
  return {
    app,
    deps,
    async settle() {
      for (let round = 0; round < 5; round++) {
        if (receiver instanceof CoachReceiver) await receiver.idle();
        await deps.home.flush();
        await later.drain();
        const busy =
          (receiver instanceof CoachReceiver && receiver.busy) || later.pending > 0 || deps.home.waiting > 0;
        if (!busy) return;
      }
    },
    async start(port, host) {
      await app.init();
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
      await deps.home.flush();
      await later.drain();
    },
  };
}

/**
 * Socket Mode delivers the same requests over a WebSocket: they go through the same dispatcher, so they
 * too are always answered and never throw past it.
 */
function answeringSocketReceiver(inner: SocketModeReceiver, deps: AppDeps): Receiver {
  return {
    init(app: App) {
      const answering = {
        processEvent: (event: ReceiverEvent) =>
          dispatch(app, event, (response) => event.ack(response), { log: deps.log }).then(() => undefined),
      };
      inner.init(answering as unknown as App);
    },
    start: (...args: unknown[]) => inner.start(...(args as [])),
    stop: (...args: unknown[]) => inner.stop(...(args as [])),
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
