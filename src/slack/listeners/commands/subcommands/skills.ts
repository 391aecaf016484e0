import { fieldKeywords, skillsPlan } from '../../../../services/skills';
import { buildKeywordsMessage, buildSkillsMessage } from '../../../views/skills';
import type { Subcommand } from '../subcommand';

export const skillsSubcommand: Subcommand = {
  name: 'skills',
  usage: '/coach skills',
  summary: 'Your development plan: skills your conversations showed you need.',
  async run({ ack, scope, deps }) {
    await ack({
      response_type: 'ephemeral',
      ...buildSkillsMessage(await skillsPlan(deps.db, scope, deps.clock.now())),
    });
  },
};

export const keywordsSubcommand: Subcommand = {
  name: 'keywords',
  usage: '/coach keywords',
  summary: "The field's vocabulary you collected, for your resume.",
  async run({ ack, scope, deps }) {
    await ack({ response_type: 'ephemeral', ...buildKeywordsMessage(await fieldKeywords(deps.db, scope)) });
  },
};
