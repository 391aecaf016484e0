// `/coach chain [name]`: the chains of introductions — who suggested whom, each person's stage, and
// the longest chain. Deep and wide trees are cut to fit one message, with a line saying what was left out.
import type { KnownBlock } from '@slack/types';
import type { ContactChain } from '../../coaching/chain';
import { type ChainForest, chainStats, renderChainLines } from '../../coaching/chain';
import { stageEmoji, stageLabel } from '../../coaching/stages';
import { plural } from '../../coaching/text';
import type { ContactData } from '../../coaching/types';
import type { Message } from '../surfaces';
import { OPEN } from './action-ids';
import { actions, button, clip, context, esc, header, LIMITS, packLines, section } from './kit';

/** Lines of the tree in one message, and the levels shown. */
export const CHAIN_MAX_LINES = 150;
export const CHAIN_MAX_DEPTH = 8;
/** A chain of names longer than this shows its ends with the middle counted. */
const PATH_MAX_NAMES = 6;
const NAME_CHARS = 40;

/** "Jane → Sam → Priya", with the middle counted when it is long. */
export function pathLine(path: readonly ContactData[]): string {
  const names = path.map((c) => `${esc(clip(c.name, NAME_CHARS))}`);
  if (names.length <= PATH_MAX_NAMES) return names.join(' → ');
  const hidden = names.length - 5;
  return [...names.slice(0, 3), `(${hidden} more)`, ...names.slice(-2)].join(' → ');
}

function escapeLines(lines: readonly string[]): string[] {
  return lines.map((line) => esc(line));
}

export function buildChainMessage(input: {
  forest: ChainForest;
  longest: ContactData[];
  unlinked: number;
}): Message {
  const { forest, longest, unlinked } = input;
  if (forest.length === 0) {
    const text =
      'No introductions yet. When you log a conversation, add the people they suggested under “Who else they suggested”: each becomes a new target, linked to the person who sent you.';
    return {
      text,
      blocks: [
        header('Your chain of introductions'),
        section(text),
        actions('chain_empty', [button('Log a conversation', OPEN.log, '')]),
      ],
    };
  }
  const stats = chainStats(forest);
  const { lines } = renderChainLines(forest, { maxLines: CHAIN_MAX_LINES, maxDepth: CHAIN_MAX_DEPTH });
  const blocks: KnownBlock[] = [
    header('Your chain of introductions'),
    context(
      `${plural(stats.people, 'person', 'people')} in ${plural(stats.chains, 'chain', 'chains')} · ` +
        `longest: ${plural(longest.length, 'person', 'people')}` +
        (unlinked > 0 ? ` · ${plural(unlinked, 'other person', 'other people')} not linked yet` : ''),
    ),
    section(`*Longest chain:* ${pathLine(longest)}`),
    ...packLines(escapeLines(lines), 20).blocks,
    context('Every “who else should I talk to?” adds a link. Ask it at the end of each conversation.'),
  ];
  return {
    text: `Your chains of introductions: ${stats.people} people, the longest ${longest.length} long.`,
    blocks: blocks.slice(0, LIMITS.messageBlocks),
  };
}

/** One person's place: who led to them, and who they led to. */
export function buildPersonChainMessage(contact: ContactData, chain: ContactChain): Message {
  const { lines } = renderChainLines([chain.subtree], {
    maxLines: CHAIN_MAX_LINES,
    maxDepth: CHAIN_MAX_DEPTH,
  });
  const led = chain.subtree.children.length;
  const blocks: KnownBlock[] = [
    header(clip(`${contact.name}'s chain`, LIMITS.header)),
    section(
      chain.ancestors.length > 0
        ? `*How you got to them:* ${pathLine([...chain.ancestors, contact])}`
        : `*${esc(contact.name)}* starts this chain: nobody on your list suggested them.`,
    ),
    context(
      `${stageEmoji(contact.stage)} ${stageLabel(contact.stage)} · suggested ${plural(led, 'person', 'people')} directly`,
    ),
    ...packLines(escapeLines(lines), 20).blocks,
  ];
  return { text: `${contact.name}'s chain of introductions.`, blocks: blocks.slice(0, LIMITS.messageBlocks) };
}

export function buildChainLookupText(problem: {
  kind: 'no_match' | 'several';
  name: string;
  matches?: ContactData[];
}): string {
  if (problem.kind === 'several') {
    const names = (problem.matches ?? []).slice(0, 5).map((c) => c.name);
    return `A few people match “${problem.name}”: ${names.join(', ')}. Add more of the name, like \`/coach chain ${names[0] ?? problem.name}\`.`;
  }
  return `I couldn't find “${problem.name}” on your list. \`/coach chain\` on its own shows every chain.`;
}
