// The one welcome DM for someone who joins a cohort's channel: what the cohort is, how to start, and
// what the cohort sees of them (with the button that changes it).
import { joinAnd, plural } from '../../coaching/text';
import type { CohortWelcome } from '../../services/cohorts';
import type { Message } from '../surfaces';
import { OPEN } from './action-ids';
import { COHORT_SHARING_ACTIONS, sharingLine } from './cohort-sharing';
import { actions, button, context, esc, messageText, section } from './kit';

export const COHORT_WELCOME_BLOCK_IDS = {
  start: 'cohort_welcome_start',
  sharing: 'cohort_welcome_sharing',
} as const;

export function buildCohortWelcome(welcome: CohortWelcome): Message {
  const goal = plural(welcome.weeklyGoal, 'conversation', 'conversations');
  const facilitators =
    welcome.facilitatorIds.length > 0
      ? ` ${joinAnd(welcome.facilitatorIds.map((id) => `<@${id}>`))} ${welcome.facilitatorIds.length === 1 ? 'runs' : 'run'} it.`
      : '';
  const intro =
    `:wave: Welcome to *${esc(welcome.cohortName)}* in <#${welcome.channelId}>!${facilitators}\n` +
    'Together you practise informational interviews: short, curious conversations with people a step or two ahead of you on the path you want. ' +
    `The goal is ${goal} a week each, and every week the channel gets a short digest of how the cohort is doing.`;
  const start =
    '*How to start:* pick 5–10 people to learn from, then send one of them a short, specific ask for 20 minutes of their time.';
  const sharing =
    `:lock: *What your cohort sees:* ${sharingLine(welcome.sharing.sharing)}. ` +
    'Your notes, drafts and the people you talk to always stay private.';
  return {
    text: messageText(
      `Welcome to ${welcome.cohortName}! The goal is ${goal} a week each. Start by adding someone you'd like to learn from.`,
    ),
    blocks: [
      section(intro),
      section(start),
      actions(COHORT_WELCOME_BLOCK_IDS.start, [
        button('Add a target', OPEN.addTarget, '', 'primary'),
        button('Draft an ask', OPEN.ask, ''),
      ]),
      section(sharing, {
        block_id: COHORT_WELCOME_BLOCK_IDS.sharing,
        accessory: button('Change what I share', COHORT_SHARING_ACTIONS.open, ''),
      }),
      context('Type `/coach help` to see everything I can do.'),
    ],
  };
}
