import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps';
import { coachCommand } from './coach';

export const COACH_COMMAND = '/coach';

export function register(app: App, deps: AppDeps): void {
  app.command(COACH_COMMAND, coachCommand(deps));
}
