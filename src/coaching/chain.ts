// Chains of introductions: who suggested whom. Built iteratively and guarded against cycles, so bad
// data (A referred by B referred by A) can never hang a request or overflow the stack.
import { stageEmoji, stageLabel } from './stages';
import { clipChars, plural } from './text';
import type { ContactData, SuggestionData } from './types';

export interface ChainNode {
  contact: ContactData;
  /** 0 for the first person in a chain. */
  depth: number;
  /** People this person suggested, oldest first. */
  children: ChainNode[];
}

/** Every chain, as trees. Roots are people nobody (in the list) suggested, oldest first. */
export type ChainForest = ChainNode[];

export interface RenderChainOptions {
  /** Lines to return at most, including the closing "…and N more" line. */
  maxLines: number;
  /** Levels to show (1 = only the first person of each chain). */
  maxDepth: number;
  /** Names of the later introducers of each person (by contact id): "also suggested by …" on their line. */
  also?: ReadonlyMap<string, readonly string[]>;
}

const INDENT = '\u2003\u2003';
const NAME_MAX_CHARS = 60;

function byCreated(a: ContactData, b: ContactData): number {
  return a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}

/**
 * Builds the referral trees. A contact whose referrer is missing from the list (archived, filtered
 * out or deleted) starts its own chain. In a cycle, the oldest contact in the loop becomes the root
 * and the link back to it is dropped.
 */
export function buildChains(contacts: readonly ContactData[]): ChainForest {
  const byId = new Map<string, ContactData>();
  for (const contact of contacts) if (!byId.has(contact.id)) byId.set(contact.id, contact);
  const unique = [...byId.values()].sort(byCreated);

  const children = new Map<string, ContactData[]>();
  for (const contact of unique) {
    const parentId = referrerIn(byId, contact);
    if (parentId === null) continue;
    const list = children.get(parentId) ?? [];
    list.push(contact);
    children.set(parentId, list);
  }

  const visited = new Set<string>();
  const forest: ChainForest = [];
  for (const contact of unique) {
    if (referrerIn(byId, contact) === null) forest.push(growTree(contact, children, visited));
  }
  // Whatever is left hangs off a cycle. Start each leftover loop at its oldest member.
  for (const contact of unique) {
    if (visited.has(contact.id)) continue;
    const root = oldestInLoop(contact, byId, visited);
    forest.push(growTree(root, children, visited));
  }
  return forest.sort((a, b) => byCreated(a.contact, b.contact));
}

function referrerIn(byId: ReadonlyMap<string, ContactData>, contact: ContactData): string | null {
  const parentId = contact.referredById;
  if (!parentId || parentId === contact.id || !byId.has(parentId)) return null;
  return parentId;
}

function growTree(
  root: ContactData,
  children: ReadonlyMap<string, ContactData[]>,
  visited: Set<string>,
): ChainNode {
  visited.add(root.id);
  const rootNode: ChainNode = { contact: root, depth: 0, children: [] };
  const stack: ChainNode[] = [rootNode];
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    for (const child of children.get(node.contact.id) ?? []) {
      if (visited.has(child.id)) continue;
      visited.add(child.id);
      const childNode: ChainNode = { contact: child, depth: node.depth + 1, children: [] };
      node.children.push(childNode);
      stack.push(childNode);
    }
  }
  return rootNode;
}

// Walks up the referrer links from `start` until a person repeats, then returns the oldest person
// on that loop (or `start` if the walk reaches someone already placed in a tree).
function oldestInLoop(
  start: ContactData,
  byId: ReadonlyMap<string, ContactData>,
  visited: ReadonlySet<string>,
): ContactData {
  const order: ContactData[] = [];
  const seenAt = new Map<string, number>();
  let current: ContactData | undefined = start;
  while (current && !seenAt.has(current.id) && !visited.has(current.id)) {
    seenAt.set(current.id, order.length);
    order.push(current);
    const parentId = referrerIn(byId, current);
    current = parentId === null ? undefined : byId.get(parentId);
  }
  if (!current || visited.has(current.id)) return start;
  const loop = order.slice(seenAt.get(current.id) ?? 0);
  return [...loop].sort(byCreated)[0] ?? start;
}

/** Every node in the forest, in reading order (each person before the people they suggested). */
export function flattenChains(forest: ChainForest): ChainNode[] {
  const out: ChainNode[] = [];
  const stack = [...forest].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i -= 1) {
      const child = node.children[i];
      if (child) stack.push(child);
    }
  }
  return out;
}

function subtreeSize(node: ChainNode): number {
  return flattenChains([node]).length;
}

/** The deepest path from a chain's first person down, oldest branch first on ties. */
export function longestChain(forest: ChainForest): ContactData[] {
  let best: ChainNode | null = null;
  const parent = new Map<ChainNode, ChainNode>();
  const stack = [...forest].reverse();
  while (stack.length > 0) {
    const node = stack.pop();
    if (!node) break;
    if (!best || node.depth > best.depth) best = node;
    for (let i = node.children.length - 1; i >= 0; i -= 1) {
      const child = node.children[i];
      if (!child) continue;
      parent.set(child, node);
      stack.push(child);
    }
  }
  const path: ContactData[] = [];
  for (let node = best ?? undefined; node; node = parent.get(node)) path.push(node.contact);
  return path.reverse();
}

export interface ChainStats {
  people: number;
  chains: number;
  /** People in the longest chain (1 when nobody has suggested anyone yet). */
  longest: number;
}

export function chainStats(forest: ChainForest): ChainStats {
  return {
    people: flattenChains(forest).length,
    chains: forest.length,
    longest: longestChain(forest).length,
  };
}

/**
 * The later introducers of each person, by contact id, oldest first: people on the list who suggested
 * them after their first introducer (or after the student had found them). Unknown ids are skipped.
 */
export function laterIntroducers(
  contacts: readonly ContactData[],
  suggestions: readonly SuggestionData[] | undefined,
): Map<string, ContactData[]> {
  const byId = new Map(contacts.map((c) => [c.id, c]));
  const out = new Map<string, ContactData[]>();
  const sorted = [...(suggestions ?? [])].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  for (const s of sorted) {
    const by = byId.get(s.suggestedById);
    const contact = byId.get(s.contactId);
    if (!by || !contact || by.id === contact.id || contact.referredById === by.id) continue;
    const list = out.get(contact.id) ?? [];
    if (!list.some((c) => c.id === by.id)) list.push(by);
    out.set(contact.id, list);
  }
  return out;
}

/** "Marcus Bell", "Marcus Bell and Jo Park", "Marcus Bell, Jo Park and 2 others". */
export function namesList(names: readonly string[], shown = 2): string {
  const clipped = names.map((n) => clipChars(n, NAME_MAX_CHARS));
  if (clipped.length <= shown + 1) {
    return clipped.length <= 1
      ? (clipped[0] ?? '')
      : `${clipped.slice(0, -1).join(', ')} and ${clipped[clipped.length - 1]}`;
  }
  return `${clipped.slice(0, shown).join(', ')} and ${plural(clipped.length - shown, 'other', 'others')}`;
}

/** One line for one person: indentation, stage emoji, name and stage (and who else suggested them). */
export function chainLine(node: ChainNode, hiddenBelow = 0, also: readonly string[] = []): string {
  const { contact, depth } = node;
  const lead = depth === 0 ? '' : `${INDENT.repeat(depth - 1)}↳ `;
  const more = hiddenBelow > 0 ? ` (+${hiddenBelow} further along)` : '';
  const others = also.length > 0 ? ` · also suggested by ${namesList(also)}` : '';
  return `${lead}${stageEmoji(contact.stage)} ${clipChars(contact.name, NAME_MAX_CHARS)} · ${stageLabel(contact.stage)}${more}${others}`;
}

/**
 * Text lines for the chains, within both limits. People deeper than `maxDepth` are counted on the
 * deepest shown line ("+3 further along"); when lines run out, the last line summarises the rest
 * ("…and 37 more people in 4 chains"). `omitted` counts everyone without a line of their own.
 */
export function renderChainLines(
  forest: ChainForest,
  options: RenderChainOptions,
): { lines: string[]; omitted: number } {
  const maxLines = Math.max(0, Math.floor(options.maxLines));
  const maxDepth = Math.max(1, Math.floor(options.maxDepth));
  const total = flattenChains(forest).length;

  // Visible entries in reading order, each with the root it belongs to and what it hides.
  const entries: { text: string; root: number; weight: number }[] = [];
  for (const [rootIndex, root] of forest.entries()) {
    for (const node of flattenChains([root])) {
      if (node.depth >= maxDepth) continue;
      const hidden =
        node.depth === maxDepth - 1 ? node.children.reduce((sum, c) => sum + subtreeSize(c), 0) : 0;
      entries.push({
        text: chainLine(node, hidden, options.also?.get(node.contact.id) ?? []),
        root: rootIndex,
        weight: 1 + hidden,
      });
    }
  }

  const shownCount = entries.length <= maxLines ? entries.length : Math.max(0, maxLines - 1);
  const shown = entries.slice(0, shownCount);
  const lines = shown.map((e) => e.text);
  const cut = entries.slice(shownCount);
  if (cut.length > 0 && maxLines > 0) {
    const people = cut.reduce((sum, e) => sum + e.weight, 0);
    const chains = new Set(cut.map((e) => e.root)).size;
    const who =
      shown.length === 0
        ? plural(people, 'person', 'people')
        : `…and ${plural(people, 'more person', 'more people')}`;
    lines.push(`${who} in ${plural(chains, 'chain', 'chains')}`);
  }
  return { lines, omitted: total - shown.length };
}

export interface ContactChain {
  /** From the first person in the chain down to this person's referrer. */
  ancestors: ContactData[];
  /** This person and everyone they led to. */
  subtree: ChainNode;
  /** People on the list who suggested this person after their first introducer, oldest first. */
  alsoSuggestedBy: ContactData[];
}

/** One person's place in a chain: who led to them, and who they led to. Null if the id is unknown. */
export function chainForContact(
  contacts: readonly ContactData[],
  contactId: string,
  suggestions?: readonly SuggestionData[],
): ContactChain | null {
  const byId = new Map<string, ContactData>();
  for (const contact of contacts) if (!byId.has(contact.id)) byId.set(contact.id, contact);
  const self = byId.get(contactId);
  if (!self) return null;

  const ancestors: ContactData[] = [];
  const seen = new Set<string>([self.id]);
  let parentId = referrerIn(byId, self);
  while (parentId !== null && !seen.has(parentId)) {
    const parent = byId.get(parentId);
    if (!parent) break;
    seen.add(parent.id);
    ancestors.push(parent);
    parentId = referrerIn(byId, parent);
  }
  ancestors.reverse();

  const children = new Map<string, ContactData[]>();
  for (const contact of [...byId.values()].sort(byCreated)) {
    const pid = referrerIn(byId, contact);
    if (pid === null) continue;
    const list = children.get(pid) ?? [];
    list.push(contact);
    children.set(pid, list);
  }
  // Ancestors are excluded from the subtree so a cycle shows each person once.
  const visited = new Set<string>(ancestors.map((a) => a.id));
  return {
    ancestors,
    subtree: growTree(self, children, visited),
    alsoSuggestedBy: laterIntroducers([...byId.values()], suggestions).get(self.id) ?? [],
  };
}
