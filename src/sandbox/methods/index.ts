/** The table of Web API methods the stand-in implements. */
import { appMethods } from './apps';
import { authMethods } from './auth';
import { chatMethods } from './chat';
import type { MethodSpec } from './context';
import { conversationMethods } from './conversations';
import { fileMethods } from './files';
import { oauthMethods } from './oauth';
import { teamMethods } from './team';
import { userMethods } from './users';
import { viewMethods } from './views';

export type { MethodSpec } from './context';

export function buildMethodTable(openSocketUrl: (appId?: string) => string): ReadonlyMap<string, MethodSpec> {
  return new Map(
    Object.entries({
      ...authMethods,
      ...chatMethods,
      ...conversationMethods,
      ...userMethods,
      ...teamMethods,
      ...viewMethods,
      ...fileMethods,
      ...oauthMethods,
      ...appMethods(openSocketUrl),
    }),
  );
}
