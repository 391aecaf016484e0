import type { Subcommand } from '../subcommand';
import { addSubcommand } from './add';
import { helpSubcommand } from './help';

/** Every working subcommand, in the order help lists them. */
export const SUBCOMMANDS: readonly Subcommand[] = [helpSubcommand(() => SUBCOMMANDS), addSubcommand];
