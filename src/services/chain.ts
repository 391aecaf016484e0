// The chain of introductions: who suggested whom.
import {
  buildChains,
  type ChainForest,
  type ContactChain,
  chainForContact,
  longestChain,
} from '../coaching/chain';
import { lookUpPerson } from '../coaching/logging';
import type { ContactData } from '../coaching/types';
import type { Scope } from '../core/scope';
import type { Db } from '../db/client';
import { listContacts } from '../store/contacts';
import { ensureMember } from '../store/members';

export type ChainView =
  | {
      kind: 'all';
      /** Chains with at least one introduction in them. */
      forest: ChainForest;
      longest: ContactData[];
      /** People nobody suggested and who have not suggested anyone yet. */
      unlinked: number;
    }
  | { kind: 'person'; contact: ContactData; chain: ContactChain }
  | { kind: 'no_match'; name: string }
  | { kind: 'several'; name: string; matches: ContactData[] };

/** Everyone's chains, or one person's place in theirs (archived people included: it is history). */
export async function referralChains(db: Db, scope: Scope, name: string | null): Promise<ChainView> {
  const member = await ensureMember(db, scope);
  const contacts = await listContacts(db, member, { includeArchived: true });
  const typed = name?.trim();
  if (typed) {
    const found = lookUpPerson(contacts, typed);
    if (found.kind === 'several') return { kind: 'several', name: typed, matches: found.matches };
    if (found.kind !== 'one') return { kind: 'no_match', name: typed };
    const chain = chainForContact(contacts, found.contact.id);
    if (!chain) return { kind: 'no_match', name: typed };
    return { kind: 'person', contact: found.contact, chain };
  }
  const all = buildChains(contacts);
  const forest = all.filter((tree) => tree.children.length > 0);
  return { kind: 'all', forest, longest: longestChain(forest), unlinked: all.length - forest.length };
}
