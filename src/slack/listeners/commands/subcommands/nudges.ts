import { loadNudgeSettings } from '../../../../services/settings';
import { openModal } from '../../../surfaces';
import { buildSettingsModal } from '../../../views/settings';
import { ensureTimezone } from '../../actions/outreach-shared';
import type { Subcommand } from '../subcommand';

export const settingsSubcommand: Subcommand = {
  name: 'settings',
  aliases: ['nudges', 'pause'],
  usage: '/coach settings',
  summary: 'When I nudge you (timezone, hours, days), which nudges you get, and pausing them.',
  async run({ ack, client, command, scope, deps }) {
    await ack();
    await openModal(
      client,
      command.trigger_id,
      'Nudge settings',
      async () => {
        // "Use my Slack timezone" and the pause date need the zone Slack has for them.
        await ensureTimezone(client, deps, scope);
        return buildSettingsModal(await loadNudgeSettings(deps.db, scope, deps.clock.now()));
      },
      deps.log,
    );
  },
};

export const NUDGES_SUBCOMMANDS: readonly Subcommand[] = [settingsSubcommand];
