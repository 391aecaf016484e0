/** auth.test (Slack's Web API reference; Bolt calls it at start-up to learn bot_id and user_id). */
import { type BotAuth, type MethodContext, type MethodSpec, ok } from './context';
import { teamUrl } from './shapes';

function authTest({ auth, state }: MethodContext<BotAuth>) {
  const { team } = auth;
  return ok({
    url: teamUrl(team),
    team: team.name,
    user: state.users.get(team.botUserId)?.name ?? 'bot',
    team_id: team.id,
    user_id: team.botUserId,
    bot_id: team.botId,
    ...(team.appId ? { app_id: team.appId } : {}),
    ...(team.enterpriseId ? { enterprise_id: team.enterpriseId } : {}),
    is_enterprise_install: false,
  });
}

export const authMethods: Record<string, MethodSpec> = {
  'auth.test': { auth: 'bot', json: true, handle: authTest },
};
