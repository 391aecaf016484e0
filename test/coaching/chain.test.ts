import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildChains,
  type ChainNode,
  chainForContact,
  chainLine,
  chainStats,
  flattenChains,
  longestChain,
  renderChainLines,
} from '../../src/coaching/chain';
import type { ContactData, Stage } from '../../src/coaching/types';
import { STAGES } from '../../src/coaching/types';
import { contact, daysAfter, T0 } from '../support/coaching-fixtures';

// c(id, referredBy, day) — a contact created `day` days after T0.
const c = (id: string, referredById: string | null, day: number, stage: Stage = 'target'): ContactData =>
  contact({ id, name: `Name ${id}`, referredById, createdAt: daysAfter(T0, day), stage });

const shape = (node: ChainNode): unknown =>
  node.children.length === 0 ? node.contact.id : { [node.contact.id]: node.children.map(shape) };

describe('buildChains', () => {
  it('builds trees from referrers, oldest first at every level', () => {
    const forest = buildChains([
      c('b', 'a', 2),
      c('a', null, 0),
      c('d', 'a', 1),
      c('e', 'b', 3),
      c('x', null, 5),
      c('f', null, -1),
    ]);
    expect(forest.map(shape)).toEqual(['f', { a: ['d', { b: ['e'] }] }, 'x']);
    expect(flattenChains(forest).map((n) => [n.contact.id, n.depth])).toEqual([
      ['f', 0],
      ['a', 0],
      ['d', 1],
      ['b', 1],
      ['e', 2],
      ['x', 0],
    ]);
  });

  it('starts a new chain when the referrer is missing or the contact refers to itself', () => {
    const forest = buildChains([c('a', 'gone', 0), c('b', 'b', 1), c('c', 'a', 2)]);
    expect(forest.map(shape)).toEqual([{ a: ['c'] }, 'b']);
  });

  it('breaks a cycle at its oldest member, without looping', () => {
    const forest = buildChains([c('a', 'c', 1), c('b', 'a', 2), c('c', 'b', 0), c('d', 'b', 3)]);
    // c is oldest on the loop a → c → b → a, so c is the root and the link back to it is dropped.
    expect(forest.map(shape)).toEqual([{ c: [{ a: [{ b: ['d'] }] }] }]);
  });

  it('handles a person hanging off a cycle and several cycles at once', () => {
    const forest = buildChains([
      c('p', 'q', 0),
      c('q', 'p', 1),
      c('tail', 'q', 2),
      c('r', 'r2', 4),
      c('r2', 'r', 3),
    ]);
    expect(forest.map(shape)).toEqual([{ p: [{ q: ['tail'] }] }, { r2: ['r'] }]);
  });

  it('keeps the first of two rows with the same id', () => {
    const forest = buildChains([c('a', null, 0), { ...c('a', null, 0), name: 'Duplicate' }]);
    expect(flattenChains(forest).map((n) => n.contact.name)).toEqual(['Name a']);
  });

  it('copes with a very deep chain', () => {
    const contacts = Array.from({ length: 20_000 }, (_, i) => c(`n${i}`, i === 0 ? null : `n${i - 1}`, i));
    const forest = buildChains(contacts);
    expect(forest).toHaveLength(1);
    expect(longestChain(forest)).toHaveLength(20_000);
    expect(renderChainLines(forest, { maxLines: 10, maxDepth: 5 }).lines.length).toBeLessThanOrEqual(10);
  });

  it('places every contact exactly once, whatever the links', () => {
    fc.assert(
      fc.property(randomContacts(40), (contacts) => {
        const forest = buildChains(contacts);
        const placed = flattenChains(forest).map((n) => n.contact.id);
        expect([...placed].sort()).toEqual([...new Set(contacts.map((x) => x.id))].sort());
        for (const node of flattenChains(forest)) {
          for (const child of node.children) {
            expect(child.depth).toBe(node.depth + 1);
            expect(child.contact.referredById).toBe(node.contact.id);
          }
        }
      }),
    );
  });
});

describe('longestChain', () => {
  it('returns the deepest path, oldest branch on ties', () => {
    const forest = buildChains([
      c('a', null, 0),
      c('b', 'a', 1),
      c('c', 'a', 2),
      c('d', 'b', 3),
      c('e', 'c', 4),
      c('f', 'e', 5),
      c('g', 'd', 6),
    ]);
    expect(longestChain(forest).map((x) => x.id)).toEqual(['a', 'b', 'd', 'g']);
  });

  it('is empty for no contacts and one person for no links', () => {
    expect(longestChain([])).toEqual([]);
    expect(longestChain(buildChains([c('a', null, 0), c('b', null, 1)])).map((x) => x.id)).toEqual(['a']);
  });

  it('reports stats', () => {
    const forest = buildChains([c('a', null, 0), c('b', 'a', 1), c('x', null, 2)]);
    expect(chainStats(forest)).toEqual({ people: 3, chains: 2, longest: 2 });
  });
});

describe('renderChainLines', () => {
  const forest = buildChains([
    c('a', null, 0, 'thanked'),
    c('b', 'a', 1, 'met'),
    c('c', 'b', 2, 'asked'),
    c('d', 'c', 3, 'target'),
    c('x', null, 4, 'scheduled'),
  ]);

  it('indents each person under who suggested them, with stage emoji and label', () => {
    const { lines, omitted } = renderChainLines(forest, { maxLines: 20, maxDepth: 10 });
    expect(lines).toEqual([
      '🙏 Name a · Thanked',
      '↳ ☕ Name b · Met',
      '\u2003\u2003↳ ✉️ Name c · Asked',
      '\u2003\u2003\u2003\u2003↳ 🎯 Name d · To reach out to',
      '📅 Name x · Chat booked',
    ]);
    expect(omitted).toBe(0);
  });

  it('counts people beyond the depth limit on the deepest line shown', () => {
    const { lines, omitted } = renderChainLines(forest, { maxLines: 20, maxDepth: 2 });
    expect(lines).toEqual([
      '🙏 Name a · Thanked',
      '↳ ☕ Name b · Met (+2 further along)',
      '📅 Name x · Chat booked',
    ]);
    expect(omitted).toBe(2);
  });

  it('summarises what does not fit in the last line', () => {
    const { lines, omitted } = renderChainLines(forest, { maxLines: 3, maxDepth: 10 });
    expect(lines).toEqual(['🙏 Name a · Thanked', '↳ ☕ Name b · Met', '…and 3 more people in 2 chains']);
    expect(omitted).toBe(3);
  });

  it('uses the singular for one chain', () => {
    const { lines } = renderChainLines(forest, { maxLines: 4, maxDepth: 10 });
    expect(lines).toEqual([
      '🙏 Name a · Thanked',
      '↳ ☕ Name b · Met',
      '\u2003\u2003↳ ✉️ Name c · Asked',
      '…and 2 more people in 2 chains',
    ]);
    const single = buildChains([c('a', null, 0), c('b', 'a', 1), c('c', 'a', 2)]);
    expect(renderChainLines(single, { maxLines: 2, maxDepth: 10 }).lines.at(-1)).toBe(
      '…and 2 more people in 1 chain',
    );
  });

  it('summarises everything when only one line is allowed', () => {
    expect(renderChainLines(forest, { maxLines: 1, maxDepth: 10 })).toEqual({
      lines: ['5 people in 2 chains'],
      omitted: 5,
    });
  });

  it('returns nothing for no room or no people', () => {
    expect(renderChainLines(forest, { maxLines: 0, maxDepth: 10 })).toEqual({ lines: [], omitted: 5 });
    expect(renderChainLines([], { maxLines: 5, maxDepth: 5 })).toEqual({ lines: [], omitted: 0 });
  });

  it('summarises a wide forest', () => {
    const wide = buildChains(
      Array.from({ length: 50 }, (_, i) => c(`p${i}`, i < 10 ? null : `p${i % 10}`, i)),
    );
    const { lines, omitted } = renderChainLines(wide, { maxLines: 8, maxDepth: 3 });
    expect(lines).toHaveLength(8);
    expect(lines.at(-1)).toBe('…and 43 more people in 9 chains');
    expect(omitted).toBe(43);
  });

  it('clips very long names', () => {
    const line = chainLine({
      contact: { ...c('a', null, 0), name: 'A'.repeat(200) },
      depth: 0,
      children: [],
    });
    expect(line.length).toBeLessThan(90);
  });

  it('always fits the limits and accounts for every person', () => {
    fc.assert(
      fc.property(
        randomContacts(60),
        fc.integer({ min: -2, max: 30 }),
        fc.integer({ min: -2, max: 8 }),
        (contacts, maxLines, maxDepth) => {
          const forest = buildChains(contacts);
          const { lines, omitted } = renderChainLines(forest, { maxLines, maxDepth });
          expect(lines.length).toBeLessThanOrEqual(Math.max(0, maxLines));
          const total = flattenChains(forest).length;
          const personLines = lines.filter((l) => l.includes(' · ')).length;
          expect(omitted).toBe(total - personLines);
          for (const line of lines) expect(line.length).toBeLessThan(200);
        },
      ),
    );
  });
});

describe('chainForContact', () => {
  const contacts = [c('a', null, 0), c('b', 'a', 1), c('c', 'b', 2), c('d', 'c', 3), c('e', 'b', 4)];

  it('returns the people who led to them and the people they led to', () => {
    const chain = chainForContact(contacts, 'b');
    expect(chain?.ancestors.map((x) => x.id)).toEqual(['a']);
    expect(chain && shape(chain.subtree)).toEqual({ b: [{ c: ['d'] }, 'e'] });
  });

  it('lists ancestors from the first person down', () => {
    expect(chainForContact(contacts, 'd')?.ancestors.map((x) => x.id)).toEqual(['a', 'b', 'c']);
  });

  it('is null for an unknown id', () => {
    expect(chainForContact(contacts, 'zzz')).toBeNull();
  });

  it('shows each person once in a cycle', () => {
    const loop = [c('a', 'c', 0), c('b', 'a', 1), c('c', 'b', 2)];
    const chain = chainForContact(loop, 'a');
    expect(chain?.ancestors.map((x) => x.id)).toEqual(['b', 'c']);
    expect(chain && shape(chain.subtree)).toEqual('a');
  });
});

// Random contacts whose referrer is any id in the set (so cycles and self-links happen) or null.
function randomContacts(max: number): fc.Arbitrary<ContactData[]> {
  return fc.integer({ min: 0, max }).chain((n) =>
    fc
      .array(
        fc.record({
          parent: fc.option(fc.integer({ min: 0, max: Math.max(0, n) }), { nil: null }),
          day: fc.integer({ min: 0, max: 30 }),
          stage: fc.constantFrom(...STAGES),
          name: fc.string({ maxLength: 120 }),
        }),
        { minLength: n, maxLength: n },
      )
      .map((rows) =>
        rows.map((row, i) =>
          contact({
            id: `k${i}`,
            name: row.name,
            referredById: row.parent === null ? null : `k${row.parent}`,
            createdAt: daysAfter(T0, row.day),
            stage: row.stage,
          }),
        ),
      ),
  );
}
