import type { Subcommand } from '../subcommand';
import { chainSubcommand } from './chain';
import { exportSubcommand, forgetSubcommand } from './data';
import { logSubcommand } from './log';
import { peopleSubcommand } from './people';
import { keywordsSubcommand, skillsSubcommand } from './skills';
import { thanksSubcommand } from './thanks';

export const AFTER_CHAT_SUBCOMMANDS: readonly Subcommand[] = [
  logSubcommand,
  thanksSubcommand,
  peopleSubcommand,
  chainSubcommand,
  skillsSubcommand,
  keywordsSubcommand,
  exportSubcommand,
  forgetSubcommand,
];
