// OAuth mode: installing the coach in many workspaces. Bolt's InstallProvider runs the flow
// (`/slack/install` → Slack's authorize page → `/slack/oauth_redirect`); every Web API call it makes,
// `oauth.v2.access` and token refreshes included, goes to the configured Slack API URL. The `state`
// parameter is signed, lasts 10 minutes and works once (claimed in the request ledger, so a second
// replica refuses it too).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CustomRoute } from '@slack/bolt/dist/receivers/custom-routes';
import {
  type CodedError,
  ErrorCode,
  type InstallationStore,
  InstallProvider,
  type InstallURLOptions,
  InvalidStateError,
  type StateStore,
} from '@slack/oauth';
import type { WebClientOptions } from '@slack/web-api';
import { scrubTokens, slackLogger } from '../log';
import { firstDelivery } from '../services/workspaces';
import type { CoreDeps } from './deps';
import { type InstallProblem, installedPage, installFailedPage, installPage } from './views/install-pages';

export const INSTALL_PATH = '/slack/install';
export const REDIRECT_PATH = '/slack/oauth_redirect';
/** How long an install link (its `state`) stays good. */
export const STATE_TTL_MS = 10 * 60 * 1000;

export interface OAuthSettings {
  clientId: string;
  clientSecret: string;
  stateSecret: string;
  scopes: readonly string[];
  installationStore: InstallationStore;
  clientOptions: WebClientOptions;
  /** Public base URL of the app: the redirect URL sent to Slack is built from it when set. */
  appBaseUrl?: string;
}

/** Why a `state` was refused, for the page the installer sees. */
class StateRefused extends InvalidStateError {
  constructor(readonly problem: InstallProblem) {
    super(`install state refused: ${problem}`);
  }
}

/**
 * Signed state that works once: `<payload>.<hmac>`, the payload holding a random nonce, the time and
 * the install options. Verifying claims the nonce, so a replayed redirect is refused.
 */
export class SingleUseStateStore implements StateStore {
  constructor(
    private readonly secret: string,
    private readonly deps: CoreDeps,
  ) {}

  private sign(payload: string): string {
    return createHmac('sha256', this.secret).update(payload).digest('base64url');
  }

  async generateStateParam(installOptions: InstallURLOptions, now: Date): Promise<string> {
    const payload = Buffer.from(
      JSON.stringify({ n: randomBytes(16).toString('base64url'), t: now.getTime(), o: installOptions }),
    ).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  async verifyStateParam(_now: Date, state: string): Promise<InstallURLOptions> {
    const [payload, mac, extra] = state.split('.');
    if (!payload || !mac || extra !== undefined) throw new StateRefused('invalid');
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(mac);
    if (expected.length !== given.length || !timingSafeEqual(expected, given))
      throw new StateRefused('invalid');
    let decoded: { n?: unknown; t?: unknown; o?: unknown };
    try {
      decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    } catch {
      throw new StateRefused('invalid');
    }
    if (typeof decoded.n !== 'string' || typeof decoded.t !== 'number') throw new StateRefused('invalid');
    const now = this.deps.clock.now();
    if (now.getTime() - decoded.t > STATE_TTL_MS || decoded.t - now.getTime() > 60_000) {
      throw new StateRefused('expired');
    }
    const first = await firstDelivery(this.deps.db, `oauth-state:${decoded.n}`, null, now);
    if (!first) throw new StateRefused('used');
    return (decoded.o ?? { scopes: [] }) as InstallURLOptions;
  }
}

export interface Installer {
  provider: InstallProvider;
  routes: CustomRoute[];
}

/** The InstallProvider and the two routes it serves. */
export function createInstaller(settings: OAuthSettings, deps: CoreDeps): Installer {
  const redirectUri = settings.appBaseUrl ? `${settings.appBaseUrl}${REDIRECT_PATH}` : undefined;
  const provider = new InstallProvider({
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    installationStore: settings.installationStore,
    stateStore: new SingleUseStateStore(settings.stateSecret, deps),
    stateCookieExpirationSeconds: STATE_TTL_MS / 1000,
    directInstall: false,
    installUrlOptions: { scopes: [...settings.scopes], ...(redirectUri ? { redirectUri } : {}) },
    renderHtmlForInstallPath: (url) => installPage(url),
    clientOptions: settings.clientOptions,
    logger: slackLogger(deps.log, 'oauth'),
  });

  const send = (res: ServerResponse, status: number, html: string) => {
    if (res.headersSent) return;
    res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
    res.end(html);
  };

  const install: CustomRoute = {
    path: INSTALL_PATH,
    method: ['GET'],
    handler: (req: IncomingMessage, res: ServerResponse) => provider.handleInstallPath(req, res),
  };
  const redirect: CustomRoute = {
    path: REDIRECT_PATH,
    method: ['GET'],
    handler: (req: IncomingMessage, res: ServerResponse) =>
      provider.handleCallback(req, res, {
        successAsync: async (installation, _options, _req, response) => {
          const team = installation.isEnterpriseInstall ? installation.enterprise : installation.team;
          deps.log.info(
            { workspaceId: team?.id, enterprise: installation.isEnterpriseInstall === true },
            'installed',
          );
          const appId = installation.appId;
          const openUrl =
            appId && team?.id
              ? `https://slack.com/app_redirect?app=${encodeURIComponent(appId)}&team=${encodeURIComponent(team.id)}`
              : undefined;
          send(response, 200, installedPage({ teamName: team?.name, openUrl }));
        },
        failureAsync: async (error: CodedError, _options, _req, response) => {
          const problem = problemOf(error);
          deps.log.warn(
            { code: error.code, problem, err: scrubTokens(error.message) },
            'install did not finish',
          );
          send(response, problem === 'failed' ? 500 : 400, installFailedPage(problem, INSTALL_PATH));
        },
      }),
  };
  return { provider, routes: [install, redirect] };
}

function problemOf(error: CodedError): InstallProblem {
  if (error instanceof StateRefused) return error.problem;
  switch (error.code) {
    case ErrorCode.AuthorizationError:
      return 'cancelled';
    case ErrorCode.InvalidStateError:
      // No cookie, or a cookie from another install: the redirect is not for this browser.
      return 'other_browser';
    case ErrorCode.MissingStateError:
    case ErrorCode.MissingCodeError:
      return 'failed';
    default:
      return 'failed';
  }
}
