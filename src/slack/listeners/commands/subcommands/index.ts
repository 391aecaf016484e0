import type { Subcommand } from '../subcommand';
import { addSubcommand } from './add';
import { AFTER_CHAT_SUBCOMMANDS } from './after-chat';
import { cohortSubcommand } from './cohort';
import { helpSubcommand } from './help';
import { NUDGES_SUBCOMMANDS } from './nudges';
import { OUTREACH_SUBCOMMANDS } from './outreach';
import { whoKnowsSubcommand } from './who-knows';

/** Every working subcommand, in the order help lists them. */
export const SUBCOMMANDS: readonly Subcommand[] = [
  helpSubcommand(() => SUBCOMMANDS),
  addSubcommand,
  ...OUTREACH_SUBCOMMANDS,
  ...AFTER_CHAT_SUBCOMMANDS,
  ...NUDGES_SUBCOMMANDS,
  cohortSubcommand,
  whoKnowsSubcommand,
];
