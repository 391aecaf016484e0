/** apps.connections.open: an app-level token (xapp-…) gets a one-time Socket Mode WebSocket URL (Slack's Socket Mode docs). */
import { type AppAuth, type MethodContext, type MethodSpec, ok } from './context';

export function appMethods(openSocketUrl: (appId?: string) => string): Record<string, MethodSpec> {
  const connectionsOpen = ({ auth }: MethodContext<AppAuth>) => ok({ url: openSocketUrl(auth.appId) });
  return {
    'apps.connections.open': { auth: 'app', json: true, handle: connectionsOpen },
  };
}
