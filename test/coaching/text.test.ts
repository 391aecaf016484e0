import { describe, expect, it } from 'vitest';
import { WHY_BOTHER, WHY_BOTHER_POINTS } from '../../src/coaching/help';
import {
  clipChars,
  clipWords,
  countWords,
  cycleIndex,
  firstName,
  joinAnd,
  stableHash,
  withArticle,
} from '../../src/coaching/text';

describe('text helpers', () => {
  it.each([
    ['', 0],
    ['one', 1],
    ['  two   words ', 2],
    ['Hi Jane, — how are you?', 5],
    ['20-minute chat', 2],
  ])('countWords(%j) = %i', (text, n) => {
    expect(countWords(text)).toBe(n);
  });

  it.each([
    ['engineer', 'an engineer'],
    ['UX researcher', 'a UX researcher'],
    ['SRE', 'an SRE'],
    ['HR lead', 'an HR lead'],
    ['PM', 'a PM'],
    ['user researcher', 'a user researcher'],
    ['hourly analyst', 'an hourly analyst'],
    ['data analyst', 'a data analyst'],
    ['the Head of Design', 'the Head of Design'],
  ])('withArticle(%j) = %j', (role, phrase) => {
    expect(withArticle(role)).toBe(phrase);
  });

  it('clips words and characters', () => {
    expect(clipWords('a b c d', 2)).toBe('a b…');
    expect(clipWords('a b', 2)).toBe('a b');
    expect(clipChars('alpha beta gamma', 12)).toBe('alpha beta');
    expect(clipChars('short', 12)).toBe('short');
  });

  it('joins names and finds first names', () => {
    expect(joinAnd([])).toBe('');
    expect(joinAnd(['Sam'])).toBe('Sam');
    expect(joinAnd(['Sam', 'Priya'])).toBe('Sam and Priya');
    expect(joinAnd(['Sam', 'Priya', 'Lee'])).toBe('Sam, Priya and Lee');
    expect(firstName('  Jane   Doe ')).toBe('Jane');
  });

  it('hashes stably and cycles indexes safely', () => {
    expect(stableHash('abc')).toBe(stableHash('abc'));
    expect(stableHash('abc')).not.toBe(stableHash('abd'));
    expect(cycleIndex(-1, 3)).toBe(2);
    expect(cycleIndex(7, 3)).toBe(1);
    expect(cycleIndex(Number.POSITIVE_INFINITY, 3)).toBe(0);
    expect(cycleIndex(4, 0)).toBe(0);
  });
});

describe('WHY_BOTHER', () => {
  it('is one short paragraph covering the three reasons', () => {
    expect(WHY_BOTHER).not.toContain('\n');
    expect(countWords(WHY_BOTHER)).toBeLessThanOrEqual(80);
    expect(WHY_BOTHER).toMatch(/before they are ever posted/);
    expect(WHY_BOTHER).toMatch(/20 minutes/);
    expect(WHY_BOTHER).toMatch(/credentials/);
    expect(WHY_BOTHER_POINTS).toHaveLength(3);
  });
});

describe('firstName with titles and notes', () => {
  it('skips a title and a parenthesis', () => {
    expect(firstName('Dr. Aisha Khan (Clinical UX, Mayo Clinic)')).toBe('Aisha');
    expect(firstName("Siobhán O'Neill")).toBe('Siobhán');
    expect(firstName('Dr.')).toBe('Dr.');
  });
});
