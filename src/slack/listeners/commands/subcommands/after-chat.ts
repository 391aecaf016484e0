import type { Subcommand } from '../subcommand';

export const AFTER_CHAT_SUBCOMMANDS: readonly Subcommand[] = [];
