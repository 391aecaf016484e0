// Finding people by name: what the member types in "/coach log Jan" or a picker search box.
import type { ContactData } from './types';

/**
 * The stored lookup key for a name: Unicode-normalised (NFKC), trimmed, inner spaces collapsed,
 * lower-cased. The store writes this to Contact.nameKey, so it must stay stable.
 */
export function nameKey(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();
}

/** A looser key for searching: also ignores accents and treats hyphens and apostrophes as spaces. */
export function searchKey(name: string): string {
  return nameKey(name)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[-'\u2019.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface NameMatch {
  /** The contact whose whole name equals the query (ignoring case and spacing), if exactly one does. */
  exact?: ContactData;
  /** Every contact the query matches, best first (exact, then start of full name, then start of a later word). */
  matches: ContactData[];
}

export interface MatchOptions {
  includeArchived?: boolean;
}

/**
 * Case-insensitive prefix search. A query matches a name when the name starts with it, or when the
 * part of the name from any word onwards does: "jan" finds "Jane Doe" and "Ana January", "doe" finds
 * "Jane Doe", "mary j" finds "Anna Mary Jones". An empty query matches nobody.
 */
export function matchContacts(
  contacts: readonly ContactData[],
  query: string,
  options: MatchOptions = {},
): NameMatch {
  const wanted = searchKey(query);
  if (wanted === '') return { matches: [] };
  const exactKey = nameKey(query);

  const ranked: { contact: ContactData; rank: number }[] = [];
  for (const contact of contacts) {
    if (contact.stage === 'archived' && !options.includeArchived) continue;
    const rank = matchRank(contact.name, wanted, exactKey);
    if (rank !== null) ranked.push({ contact, rank });
  }
  ranked.sort(
    (a, b) =>
      a.rank - b.rank ||
      searchKey(a.contact.name).localeCompare(searchKey(b.contact.name)) ||
      a.contact.createdAt.getTime() - b.contact.createdAt.getTime() ||
      a.contact.id.localeCompare(b.contact.id),
  );

  const matches = ranked.map((r) => r.contact);
  const exacts = ranked.filter((r) => r.rank === 0);
  const only = exacts.length === 1 ? exacts[0] : undefined;
  return only ? { exact: only.contact, matches } : { matches };
}

/** 0 = exact, 1 = full-name prefix, 2 = prefix of a later word; null = no match. */
function matchRank(name: string, wanted: string, exactKey: string): number | null {
  if (nameKey(name) === exactKey) return 0;
  const key = searchKey(name);
  if (key === wanted) return 0;
  if (key.startsWith(wanted)) return 1;
  const words = key.split(' ');
  for (let i = 1; i < words.length; i += 1) {
    if (words.slice(i).join(' ').startsWith(wanted)) return 2;
  }
  return null;
}
