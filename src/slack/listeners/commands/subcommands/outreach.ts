import type { Subcommand } from '../subcommand';

export const OUTREACH_SUBCOMMANDS: readonly Subcommand[] = [];
