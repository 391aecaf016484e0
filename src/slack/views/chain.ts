// `/coach chain [name]`: the chains of introductions — who suggested whom, each person's stage, and
// the longest chain. Deep and wide trees are cut to fit one message, with a line saying what was left out.
import type { KnownBlock } from '@slack/types';
import type { ContactChain } from '../../coaching/chain';
import { type ChainForest, chainStats, namesList, renderChainLines } from '../../coaching/chain';
import { stageEmoji, stageLabel } from '../../coaching/stages';
import { firstName, plural } from '../../coaching/text';
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
  /** Names of each person's later introducers (by contact id). */
  also?: ReadonlyMap<string, readonly string[]>;
}): Message {
  const { forest, longest, unlinked, also } = input;
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
  const { lines } = renderChainLines(forest, {
    maxLines: CHAIN_MAX_LINES,
    maxDepth: CHAIN_MAX_DEPTH,
    ...(also ? { also } : {}),
  });
  const blocks: KnownBlock[] = [
    header('Your chain of introductions'),
    context(
      `${plural(stats.people, 'person', 'people')} in ${plural(stats.chains, 'chain', 'chains')} · ` +
        `longest: ${plural(longest.length, 'person', 'people')}` +
        (unlinked > 0 ? ` · ${plural(unlinked, 'other person', 'other people')} not linked yet` : ''),
    ),
    ...(longest.length > 1 ? [section(`*Longest chain:* ${pathLine(longest)}`)] : []),
    ...packLines(escapeLines(lines), 20).blocks,
    context('Every “who else should I talk to?” adds a link. Ask it at the end of each conversation.'),
  ];
  const next = actions('chain_next', [button('Log a conversation', OPEN.log, '')]);
  return {
    text: `Your chains of introductions: ${stats.people} people, the longest ${longest.length} long.`,
    blocks: [...blocks.slice(0, LIMITS.messageBlocks - 1), next],
  };
}

/**
 * One person's place: who led to them (their first introducer's chain), who else suggested them later,
 * and who they led to.
 */
export function buildPersonChainMessage(
  contact: ContactData,
  chain: ContactChain,
  also?: ReadonlyMap<string, readonly string[]>,
): Message {
  const { lines } = renderChainLines([chain.subtree], {
    maxLines: CHAIN_MAX_LINES,
    maxDepth: CHAIN_MAX_DEPTH,
    // Their own later introducers are said once, under the path.
    ...(also ? { also: new Map([...also].filter(([id]) => id !== contact.id)) } : {}),
  });
  const led = chain.subtree.children.length;
  const later = chain.alsoSuggestedBy.map((c) => c.name);
  const alsoLine = later.length > 0 ? `\n*Also suggested by ${esc(namesList(later, 5))}*` : '';
  const blocks: KnownBlock[] = [
    header(clip(`${contact.name}'s chain`, LIMITS.header)),
    section(
      (chain.ancestors.length > 0
        ? `*How you got to them:* ${pathLine([...chain.ancestors, contact])}`
        : later.length > 0
          ? `*${esc(contact.name)}* starts this chain: you found them before anyone on your list suggested them.`
          : `*${esc(contact.name)}* starts this chain: nobody on your list suggested them.`) + alsoLine,
    ),
    context(
      `${stageEmoji(contact.stage)} ${stageLabel(contact.stage)} · ` +
        (led > 0 ? `suggested ${plural(led, 'person', 'people')} directly` : 'has not suggested anyone yet'),
    ),
    ...packLines(escapeLines(lines), 20).blocks,
  ];
  const next = actions('chain_person_next', [
    button(clip(`See ${firstName(contact.name) || contact.name}`, 70), OPEN.people, contact.id),
  ]);
  return {
    text: `${contact.name}'s chain of introductions.`,
    blocks: [...blocks.slice(0, LIMITS.messageBlocks - 1), next],
  };
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
