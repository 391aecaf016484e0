/** team.info. */
import { argString, type BotAuth, fail, type MethodContext, type MethodSpec, ok } from './context';
import { teamObject } from './shapes';

function teamInfo({ args, auth }: MethodContext<BotAuth>) {
  const requested = argString(args, 'team');
  if (requested && requested !== auth.team.id) return fail('team_not_found');
  return ok({ team: teamObject(auth.team) });
}

export const teamMethods: Record<string, MethodSpec> = {
  'team.info': { auth: 'bot', json: true, handle: teamInfo },
};
