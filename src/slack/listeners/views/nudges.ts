import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps';

export function registerNudgesViews(_app: App, _deps: AppDeps): void {}
