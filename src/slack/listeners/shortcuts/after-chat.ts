import type { App } from '@slack/bolt';
import type { AppDeps } from '../../deps';

export function registerAfterChatShortcuts(_app: App, _deps: AppDeps): void {}
