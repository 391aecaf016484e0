// The method's range (5–10 people at a time): gentle notes when a goal or the list leaves it, and the
// stage words a member may type.
import { describe, expect, it } from 'vitest';
import { goalRangeNote, listSizeNote } from '../../src/coaching/goals';
import { stageFromWords, stageLabel } from '../../src/coaching/stages';
import { STAGES } from '../../src/coaching/types';

describe('notes on the method’s range', () => {
  it('says nothing inside 5–10 and reminds gently outside it', () => {
    for (const goal of [5, 8, 10]) expect(goalRangeNote(goal)).toBeNull();
    for (const goal of [11, 12, 50]) expect(goalRangeNote(goal)).toContain('5–10 people at a time');
    expect(goalRangeNote(2)).toContain('5–10 people at a time');
  });

  it('counts the list once it passes ten', () => {
    expect(listSizeNote(10)).toBeNull();
    expect(listSizeNote(11)).toMatch(/^That's 11 — the method suggests 5–10 at a time.*archive a few/);
    expect(listSizeNote(55)).toContain("That's 55");
  });
});

describe('stage words', () => {
  it('reads every label as shown, in any case, and the short names', () => {
    for (const stage of STAGES) {
      expect(stageFromWords(stageLabel(stage))).toBe(stage);
      expect(stageFromWords(stageLabel(stage).toUpperCase())).toBe(stage);
      expect(stageFromWords(stage)).toBe(stage);
    }
  });

  it('keeps the older words, and knows none of the rest', () => {
    expect(stageFromWords('booked')).toBe('scheduled');
    expect(stageFromWords('targets')).toBe('target');
    expect(stageFromWords('  “Said no for now”  ')).toBe('declined');
    expect(stageFromWords('friends')).toBeNull();
  });
});
