import { describe, expect, it } from 'vitest';
import { matchContacts, nameKey, searchKey } from '../../src/coaching/names';
import { contact, daysAfter, T0 } from '../support/coaching-fixtures';

describe('nameKey', () => {
  it.each([
    ['Jane Doe', 'jane doe'],
    ['  Jane   Doe ', 'jane doe'],
    ['JANE\tDOE\n', 'jane doe'],
    ['José Álvarez', 'josé álvarez'],
    ['Ｊａｎｅ', 'jane'], // full-width letters fold under NFKC
    ['ﬁona', 'fiona'], // ligature
    ['', ''],
  ])('%j → %j', (name, key) => {
    expect(nameKey(name)).toBe(key);
  });

  it('gives the same key to composed and decomposed accents', () => {
    expect(nameKey('Jose\u0301')).toBe(nameKey('Jos\u00e9'));
  });
});

describe('searchKey', () => {
  it('ignores accents and treats hyphens and apostrophes as spaces', () => {
    expect(searchKey("Zoë O'Brien-Smith")).toBe('zoe o brien smith');
  });
});

describe('matchContacts', () => {
  const jane = contact({ id: 'jane', name: 'Jane Doe', createdAt: T0 });
  const ana = contact({ id: 'ana', name: 'Ana January', createdAt: daysAfter(T0, 1) });
  const janet = contact({ id: 'janet', name: 'Janet Ng', createdAt: daysAfter(T0, 2) });
  const mary = contact({ id: 'mary', name: 'Anna Mary-Jo Jones', createdAt: daysAfter(T0, 3) });
  const jose = contact({ id: 'jose', name: 'José Álvarez', createdAt: daysAfter(T0, 4) });
  const old = contact({ id: 'old', name: 'Jan Archived', stage: 'archived', createdAt: daysAfter(T0, 5) });
  const all = [jane, ana, janet, mary, jose, old];
  const ids = (q: string, includeArchived = false) =>
    matchContacts(all, q, { includeArchived }).matches.map((c) => c.id);

  it('matches the start of the full name or of any later word, full-name starts first', () => {
    expect(ids('jan')).toEqual(['jane', 'janet', 'ana']);
  });

  it('is case-insensitive and ignores extra spaces', () => {
    expect(ids('  JANE   d ')).toEqual(['jane']);
  });

  it('matches a later word, and a run of words from it', () => {
    expect(ids('doe')).toEqual(['jane']);
    expect(ids('mary jo')).toEqual(['mary']);
    expect(ids('jones')).toEqual(['mary']);
  });

  it('does not match the middle of a word', () => {
    expect(ids('oe')).toEqual([]);
    expect(ids('uary')).toEqual([]);
  });

  it('ignores accents', () => {
    expect(ids('jose')).toEqual(['jose']);
    expect(ids('alv')).toEqual(['jose']);
  });

  it('returns an exact match first and as `exact`', () => {
    const result = matchContacts([janet, jane, contact({ id: 'j2', name: 'Jane Doeson' })], 'jane doe');
    expect(result.exact?.id).toBe('jane');
    expect(result.matches.map((c) => c.id)).toEqual(['jane', 'j2']);
  });

  it('has no `exact` when only prefixes match', () => {
    expect(matchContacts(all, 'jan').exact).toBeUndefined();
  });

  it('has no `exact` when two people share the name', () => {
    const twin = contact({ id: 'twin', name: 'jane doe', createdAt: daysAfter(T0, 9) });
    const result = matchContacts([jane, twin], 'Jane Doe');
    expect(result.exact).toBeUndefined();
    expect(result.matches.map((c) => c.id)).toEqual(['jane', 'twin']);
  });

  it('leaves archived contacts out unless asked', () => {
    expect(ids('jan a')).toEqual([]);
    expect(ids('jan a', true)).toEqual(['old']);
  });

  it('matches nobody for an empty query', () => {
    expect(matchContacts(all, '   ')).toEqual({ matches: [] });
  });
});
