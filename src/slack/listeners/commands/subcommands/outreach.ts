import type { Subcommand } from '../subcommand';
import { askSubcommand } from './ask';
import { goalSubcommand } from './goal';
import { prepSubcommand } from './prep';

export const OUTREACH_SUBCOMMANDS: readonly Subcommand[] = [askSubcommand, prepSubcommand, goalSubcommand];
