import type { Subcommand } from '../subcommand';

export const NUDGES_SUBCOMMANDS: readonly Subcommand[] = [];
