// The chain of introductions: who suggested whom.
import {
  buildChains,
  type ChainForest,
  type ContactChain,
  chainForContact,
  flattenChains,
  laterIntroducers,
  longestChain,
} from '../coaching/chain';
import { lookUpPerson } from '../coaching/logging';
import type { ContactData } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { listContacts } from '../store/contacts';
import { ensureMember } from '../store/members';
import { listSuggestions } from '../store/suggestions';

export type ChainView =
  | {
      kind: 'all';
      /** Chains with at least one introduction in them. */
      forest: ChainForest;
      longest: ContactData[];
      /** People nobody suggested and who have not suggested anyone yet. */
      unlinked: number;
      /** Names of each person's later introducers (by contact id). */
      also: Map<string, string[]>;
    }
  | { kind: 'person'; contact: ContactData; chain: ContactChain; also: Map<string, string[]> }
  | { kind: 'no_match'; name: string }
  | { kind: 'several'; name: string; matches: ContactData[] };

/** Everyone's chains, or one person's place in theirs (archived people included: it is history). */
export async function referralChains(db: Db, scope: Scope, name: string | null): Promise<ChainView> {
  const member = await ensureMember(db, scope);
  const [contacts, suggestions] = await Promise.all([
    listContacts(db, member, { includeArchived: true }),
    listSuggestions(db, member),
  ]);
  const later = laterIntroducers(contacts, suggestions);
  const also = new Map([...later].map(([id, by]) => [id, by.map((c) => c.name)]));
  const typed = name?.trim();
  if (typed) {
    const found = lookUpPerson(contacts, typed);
    if (found.kind === 'several') return { kind: 'several', name: typed, matches: found.matches };
    if (found.kind !== 'one') return { kind: 'no_match', name: typed };
    const chain = chainForContact(contacts, found.contact.id, suggestions);
    if (!chain) return { kind: 'no_match', name: typed };
    return { kind: 'person', contact: found.contact, chain, also };
  }
  const all = buildChains(contacts);
  // A chain counts once someone in it was suggested: by a first introducer, or by someone later.
  const forest = all.filter(
    (tree) => tree.children.length > 0 || flattenChains([tree]).some((n) => later.has(n.contact.id)),
  );
  return { kind: 'all', forest, longest: longestChain(forest), unlinked: all.length - forest.length, also };
}
