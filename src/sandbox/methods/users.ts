/** users.info and users.lookupByEmail. tz_label and tz_offset are computed from the IANA zone at the current clock time. */
import { argString, type BotAuth, fail, type MethodContext, type MethodSpec, ok } from './context';
import { userObject } from './shapes';

function usersInfo({ args, auth, state }: MethodContext<BotAuth>) {
  const userId = argString(args, 'user');
  const user = userId ? state.userInTeam(auth.team.id, userId) : undefined;
  if (!user) return fail('user_not_found');
  return ok({ user: userObject(user, state.clock()) });
}

function usersLookupByEmail({ args, auth, state }: MethodContext<BotAuth>) {
  const email = argString(args, 'email')?.toLowerCase();
  const user = [...state.users.values()].find(
    (u) => u.teamId === auth.team.id && email !== undefined && u.email?.toLowerCase() === email,
  );
  if (!user) return fail('users_not_found');
  return ok({ user: userObject(user, state.clock()) });
}

export const userMethods: Record<string, MethodSpec> = {
  'users.info': { auth: 'bot', json: false, handle: usersInfo },
  'users.lookupByEmail': { auth: 'bot', json: false, handle: usersLookupByEmail },
};
