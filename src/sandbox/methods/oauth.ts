/**
 * oauth.v2.access for the install flow (Slack's OAuth and SDK docs): a code registered with `registerOAuthCode`
 * is exchanged once for the team's bot token; the team is then installed (auth.test works with the token).
 *
 * With token rotation on for the code (Slack's "Using token rotation"), the exchange gives an expiring bot
 * token, a refresh token and `expires_in`; `grant_type=refresh_token` swaps a refresh token, once, for a new
 * pair. Without it, a refresh is refused with `invalid_refresh_token`.
 */
import { ROTATING_TOKEN_LIFETIME_SECONDS, type SandboxState } from '../state';
import type { OAuthCodeOptions, StandInTeam } from '../types';
import { argString, fail, type MethodContext, type MethodSpec, type NoAuth, ok } from './context';

/** Client credentials from HTTP Basic auth (preferred by Slack) or from the form fields. */
function clientCredentials({ args, headers }: MethodContext<NoAuth>): {
  clientId?: string;
  clientSecret?: string;
} {
  const basic = /^Basic\s+(.+)$/i.exec(headers.authorization ?? '');
  if (basic?.[1]) {
    const decoded = Buffer.from(basic[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon > 0) return { clientId: decoded.slice(0, colon), clientSecret: decoded.slice(colon + 1) };
  }
  return { clientId: argString(args, 'client_id'), clientSecret: argString(args, 'client_secret') };
}

/** How long a rotating token lives, or undefined when rotation is off for the code. */
function rotationLifetime(rotation: OAuthCodeOptions['tokenRotation']): number | undefined {
  if (!rotation) return undefined;
  return (rotation === true ? undefined : rotation.expiresInSeconds) ?? ROTATING_TOKEN_LIFETIME_SECONDS;
}

/** The fields of an answer that say which team and bot the token is for. */
function teamFields(team: StandInTeam) {
  return {
    app_id: team.appId ?? null,
    token_type: 'bot',
    bot_user_id: team.botUserId,
    team: { id: team.id, name: team.name },
    enterprise: team.enterpriseId ? { id: team.enterpriseId } : null,
    is_enterprise_install: false,
  };
}

/** `grant_type=refresh_token`: a new access token and refresh token; the one given stops working. */
function refresh(args: MethodContext<NoAuth>['args'], state: SandboxState) {
  const given = argString(args, 'refresh_token');
  const record = given ? state.useRefreshToken(given) : undefined;
  if (!record) return fail('invalid_refresh_token');
  const team = state.requireTeam(record.teamId);
  const issued = state.issueRotatingTokens(team.id, record.expiresInSeconds, record.scope);
  return ok({
    ...teamFields(team),
    scope: record.scope,
    access_token: issued.accessToken,
    refresh_token: issued.refreshToken,
    expires_in: issued.expiresInSeconds,
  });
}

function oauthV2Access(ctx: MethodContext<NoAuth>) {
  const { args, state } = ctx;
  const { clientId, clientSecret } = clientCredentials(ctx);
  const expected = state.oauthClient;
  if (!clientId || (expected && clientId !== expected.clientId)) return fail('invalid_client_id');
  if (expected && clientSecret !== expected.clientSecret) return fail('bad_client_secret');
  const grantType = argString(args, 'grant_type');
  if (grantType === 'refresh_token') return refresh(args, state);
  if (grantType && grantType !== 'authorization_code') return fail('invalid_grant_type');
  const code = argString(args, 'code');
  const record = code ? state.oauthCodes.get(code) : undefined;
  if (!record || record.used) return fail('invalid_code');
  const { team, options } = record;
  if (options.redirectUri !== undefined && argString(args, 'redirect_uri') !== options.redirectUri) {
    return fail('bad_redirect_uri');
  }
  const lifetime = rotationLifetime(options.tokenRotation);
  record.used = true;
  state.addTeam(team);
  const installer =
    options.userId ??
    [...state.users.values()].find((u) => u.teamId === team.id && !u.isBot)?.id ??
    'U0INSTALLER';
  const scope = (options.scopes ?? []).join(',');
  if (lifetime === undefined) {
    return ok({ ...teamFields(team), authed_user: { id: installer }, scope, access_token: team.botToken });
  }
  const issued = state.issueRotatingTokens(team.id, lifetime, scope);
  return ok({
    ...teamFields(team),
    authed_user: { id: installer },
    scope,
    access_token: issued.accessToken,
    refresh_token: issued.refreshToken,
    expires_in: issued.expiresInSeconds,
  });
}

export const oauthMethods: Record<string, MethodSpec> = {
  'oauth.v2.access': { auth: 'none', json: false, handle: oauthV2Access },
};
