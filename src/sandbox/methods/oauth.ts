/**
 * oauth.v2.access for the install flow (Slack's OAuth and SDK docs): a code registered with `registerOAuthCode`
 * is exchanged once for the team's bot token; the team is then installed (auth.test works with the token).
 */
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

function oauthV2Access(ctx: MethodContext<NoAuth>) {
  const { args, state } = ctx;
  const { clientId, clientSecret } = clientCredentials(ctx);
  const expected = state.oauthClient;
  if (!clientId || (expected && clientId !== expected.clientId)) return fail('invalid_client_id');
  if (expected && clientSecret !== expected.clientSecret) return fail('bad_client_secret');
  const grantType = argString(args, 'grant_type');
  if (grantType === 'refresh_token') return fail('invalid_refresh_token');
  if (grantType && grantType !== 'authorization_code') return fail('invalid_grant_type');
  const code = argString(args, 'code');
  const record = code ? state.oauthCodes.get(code) : undefined;
  if (!record || record.used) return fail('invalid_code');
  const { team, options } = record;
  if (options.redirectUri !== undefined && argString(args, 'redirect_uri') !== options.redirectUri) {
    return fail('bad_redirect_uri');
  }
  record.used = true;
  state.addTeam(team);
  const installer =
    options.userId ??
    [...state.users.values()].find((u) => u.teamId === team.id && !u.isBot)?.id ??
    'U0INSTALLER';
  return ok({
    app_id: team.appId ?? null,
    authed_user: { id: installer },
    scope: (options.scopes ?? []).join(','),
    token_type: 'bot',
    access_token: team.botToken,
    bot_user_id: team.botUserId,
    team: { id: team.id, name: team.name },
    enterprise: team.enterpriseId ? { id: team.enterpriseId } : null,
    is_enterprise_install: false,
  });
}

export const oauthMethods: Record<string, MethodSpec> = {
  'oauth.v2.access': { auth: 'none', json: false, handle: oauthV2Access },
};
