// The cohort's digest, status and quiet-students note stay inside Slack's limits however large the
// cohort, and the note's button is replaced only where it was pressed.
import { describe, expect, it } from 'vitest';
import {
  type CohortStudent,
  cohortDigest,
  digestSoFar,
  type StalledStudent,
  studentFigures,
} from '../../src/coaching/cohort-digest';
import { validateMessageBlocks } from '../../src/sandbox';
import type { CohortSummary } from '../../src/services/cohort-digests';
import {
  buildDigestMessage,
  buildStalledDm,
  COHORT_DIGEST_ACTIONS,
  decodeNudgeTarget,
  encodeNudgeTarget,
  noteAfterNudge,
} from '../../src/slack/views/cohort-digest';
import { buildCohortStatus } from '../../src/slack/views/cohort-status';
import { findElements, visibleText } from '../support/slack-play';

const NOW = new Date('2026-03-16T13:00:00Z');
const WEEK = { start: new Date('2026-03-09T13:00:00Z'), end: NOW };
const COHORT: CohortSummary = {
  id: 'cohort-1',
  name: `A very long cohort name ${'x'.repeat(300)}`,
  channelId: 'C0COHORT',
  weeklyGoal: 1,
  schedule: 'Mondays at 09:00 (America/New_York)',
  tz: 'America/New_York',
};

function students(n: number): CohortStudent[] {
  return Array.from({ length: n }, (_, i) => ({
    memberId: `m${i}`,
    slackUserId: `U${String(i).padStart(9, '0')}`,
    sharing: 'named' as const,
    joinedAt: new Date('2026-01-01T00:00:00Z'),
    figures: {
      ...studentFigures({ contacts: [], asks: [], conversations: [] }, WEEK, NOW),
      conversationsHeld: 2,
      firstConversation: true,
      hasConversation: true,
      thankYousOnTime: 1,
      referralsGained: 1,
    },
  }));
}

function stalled(n: number): StalledStudent[] {
  return Array.from({ length: n }, (_, i) => ({
    memberId: `m${i}`,
    slackUserId: `U${String(i).padStart(9, '0')}`,
    quietSince: new Date('2026-02-01T00:00:00Z'),
    daysQuiet: 43,
    neverActive: i % 2 === 0,
  }));
}

describe('cohort views', () => {
  it('keep a digest of 500 named students inside a message, counting the shout-outs left out', () => {
    const message = buildDigestMessage(COHORT, cohortDigest(students(500), 1), WEEK.start);
    expect(validateMessageBlocks(message.blocks)).toEqual([]);
    const text = visibleText(message);
    expect(text).toContain('…and 470 more of you.');
    expect(message.text.length).toBeLessThan(3000);
  });

  it('keep a note of 300 quiet students inside a message, with a button for the first 20', () => {
    const note = buildStalledDm(COHORT, stalled(300));
    expect(validateMessageBlocks(note.blocks)).toEqual([]);
    expect(findElements(note.blocks, COHORT_DIGEST_ACTIONS.nudgeKindly)).toHaveLength(20);
    expect(visibleText(note)).toContain(
      '…and 280 more: `/coach cohort status` in <#C0COHORT> lists everyone.',
    );
  });

  it("keep a facilitator's status of 500 students inside a message", () => {
    const list = students(500);
    const digest = cohortDigest(list, 1);
    const reply = buildCohortStatus({
      kind: 'facilitator',
      cohort: COHORT,
      soFar: digestSoFar({ digestWeekday: 1, digestHour: 9, digestMinute: 0, tz: COHORT.tz }, NOW),
      totals: digest.totals,
      goal: digest.goal,
      students: list.map((s) => ({
        slackUserId: s.slackUserId,
        sharing: 'named',
        figures: s.figures,
        metGoal: true,
        stalled: false,
      })),
      stalled: stalled(500),
      privateStudents: 3,
      totalsCover: 'everyone',
    });
    expect(validateMessageBlocks(reply.blocks)).toEqual([]);
    expect(visibleText({ blocks: reply.blocks })).toContain('more.');
  });

  it("replace only the pressed student's button, and leave a note that is not ours alone", () => {
    const note = buildStalledDm(COHORT, stalled(3));
    const value = encodeNudgeTarget(COHORT.id, 'm1');
    expect(decodeNudgeTarget(value)).toEqual({ cohortId: COHORT.id, memberId: 'm1' });
    expect(decodeNudgeTarget('a|b|c')).toBeNull();
    const after = noteAfterNudge({ text: note.text, blocks: note.blocks as unknown[] }, value, 'Sent.');
    if (!after) throw new Error('the note was not updated');
    expect(validateMessageBlocks(after.blocks)).toEqual([]);
    const buttons = findElements(after.blocks, COHORT_DIGEST_ACTIONS.nudgeKindly).map((b) => b.value);
    expect(buttons).toEqual([encodeNudgeTarget(COHORT.id, 'm0'), encodeNudgeTarget(COHORT.id, 'm2')]);
    expect(visibleText(after)).toContain('Sent.');
    expect(noteAfterNudge({ text: 'hi', blocks: [] }, value, 'Sent.')).toBeNull();
  });
});
