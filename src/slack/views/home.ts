// The App Home dashboard. Stays inside Slack's 100-block limit for any amount of data.
import type { HomeView, KnownBlock } from '@slack/types';
import { stageEmoji, stageLabel } from '../../coaching/stages';
import { STAGES, type MemberSnapshot } from '../../coaching/types';
import { OPEN } from './action-ids';
import { actions, button, context, divider, header, LIMITS, section } from './kit';

export function buildHomeView(snapshot: MemberSnapshot, _now: Date): HomeView {
  const counts = STAGES.filter((s) => s !== 'archived').map(
    (s) => `${stageEmoji(s)} ${stageLabel(s)}: *${snapshot.contacts.filter((c) => c.stage === s).length}*`,
  );
  const blocks: KnownBlock[] = [
    header('Your networking coach'),
    actions('home_actions', [
      button('Log a conversation', OPEN.log, '', 'primary'),
      button('Draft an ask', OPEN.ask, ''),
      button('Prepare questions', OPEN.prep, ''),
      button('Add a target', OPEN.addTarget, ''),
    ]),
    divider(),
    section(counts.join('\n')),
    context('Type `/coach help` anywhere to see everything I can do.'),
  ];
  return { type: 'home', blocks: blocks.slice(0, LIMITS.viewBlocks) };
}
