import { buildHelpMessage } from '../../../views/help';
import type { Subcommand } from '../subcommand';

export function helpSubcommand(list: () => readonly Subcommand[]): Subcommand {
  return {
    name: 'help',
    usage: '/coach help',
    summary: 'What I can do, and why informational interviews work.',
    async run({ ack }) {
      await ack(buildHelpMessage(list().map(({ usage, summary }) => ({ usage, summary }))));
    },
  };
}
