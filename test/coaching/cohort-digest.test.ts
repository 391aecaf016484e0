import { describe, expect, it } from 'vitest';
import {
  type CohortStudent,
  cohortDigest,
  cohortStage,
  digestMoment,
  digestSoFar,
  dueDigest,
  facilitatorTotalsCover,
  type Sharing,
  type StudentFigures,
  type StudentRecords,
  scheduleLabel,
  stalledStudents,
  studentFigures,
} from '../../src/coaching/cohort-digest';

const DAY = 24 * 60 * 60 * 1000;
const HOUR = 60 * 60 * 1000;
// The week of Monday 9 March 2026, 09:00 UTC, up to Monday 16 March, 09:00.
const WEEK = { start: new Date('2026-03-09T09:00:00Z'), end: new Date('2026-03-16T09:00:00Z') };
const NOW = WEEK.end;
const at = (iso: string) => new Date(iso);

const none: StudentRecords = { contacts: [], asks: [], conversations: [] };

function records(over: Partial<StudentRecords>): StudentRecords {
  return { ...none, ...over };
}

function chat(heldAt: string | null, thankYouSentAt: string | null = null, contactId = 'c1') {
  return {
    contactId,
    heldAt: heldAt ? at(heldAt) : null,
    thankYouSentAt: thankYouSentAt ? at(thankYouSentAt) : null,
    cancelledAt: null,
    createdAt: heldAt ? at(heldAt) : at('2026-03-01T00:00:00Z'),
  };
}

const quiet: StudentFigures = studentFigures(none, WEEK, NOW);

function student(
  id: string,
  sharing: Sharing,
  figures: Partial<StudentFigures> = {},
  joinedAt = at('2026-02-01T00:00:00Z'),
): CohortStudent {
  return { memberId: `m-${id}`, slackUserId: `U${id}`, sharing, joinedAt, figures: { ...quiet, ...figures } };
}

describe('studentFigures', () => {
  it('counts asks sent, conversations held, on-time thank-yous and referrals inside the week only', () => {
    const f = studentFigures(
      records({
        contacts: [
          { id: 'c1', referredById: null, createdAt: at('2026-02-10T10:00:00Z') },
          { id: 'c2', referredById: 'c1', createdAt: at('2026-03-10T10:00:00Z') },
          { id: 'c3', referredById: 'c2', createdAt: at('2026-03-11T10:00:00Z') },
          { id: 'c4', referredById: 'c1', createdAt: at('2026-03-01T10:00:00Z') },
        ],
        asks: [
          { contactId: 'c1', sentAt: at('2026-03-09T08:59:00Z') },
          { contactId: 'c2', sentAt: at('2026-03-09T09:00:00Z') },
          { contactId: 'c3', sentAt: at('2026-03-15T20:00:00Z') },
          { contactId: 'c3', sentAt: at('2026-03-16T09:00:00Z') },
        ],
        conversations: [
          chat('2026-02-20T15:00:00Z', '2026-02-20T18:00:00Z'),
          // Thanked 23 hours later: on time.
          chat('2026-03-10T12:00:00Z', '2026-03-11T11:00:00Z'),
          // Thanked 25 hours later: not on time.
          chat('2026-03-12T12:00:00Z', '2026-03-13T13:00:00Z'),
          { ...chat('2026-03-13T12:00:00Z'), cancelledAt: at('2026-03-13T08:00:00Z') },
          chat(null),
        ],
      }),
      WEEK,
      NOW,
    );
    expect(f).toMatchObject({
      asksSent: 2,
      conversationsHeld: 2,
      thankYousOnTime: 1,
      referralsGained: 2,
      longestChain: 3,
      firstConversation: false,
      hasConversation: true,
    });
  });

  it('marks a first conversation in the week, and cold outreach only after a first conversation', () => {
    const first = studentFigures(
      records({
        contacts: [
          { id: 'c1', referredById: null, createdAt: at('2026-03-01T10:00:00Z') },
          { id: 'c2', referredById: 'c1', createdAt: at('2026-03-01T11:00:00Z') },
        ],
        // An ask before any conversation, and one after it to someone suggested: neither is cold.
        asks: [
          { contactId: 'c1', sentAt: at('2026-03-02T10:00:00Z') },
          { contactId: 'c2', sentAt: at('2026-03-12T10:00:00Z') },
        ],
        conversations: [chat('2026-03-11T12:00:00Z')],
      }),
      WEEK,
      NOW,
    );
    expect(first).toMatchObject({ firstConversation: true, hasConversation: true, reachingOutCold: false });

    const cold = studentFigures(
      records({
        contacts: [{ id: 'c9', referredById: null, createdAt: at('2026-03-12T10:00:00Z') }],
        asks: [{ contactId: 'c9', sentAt: at('2026-03-12T11:00:00Z') }],
        conversations: [chat('2026-03-11T12:00:00Z')],
      }),
      WEEK,
      NOW,
    );
    expect(cold.reachingOutCold).toBe(true);
  });

  it('takes the latest activity up to now, whatever kind it was', () => {
    const f = studentFigures(
      records({
        contacts: [{ id: 'c1', referredById: null, createdAt: at('2026-02-01T10:00:00Z') }],
        asks: [{ contactId: 'c1', sentAt: at('2026-02-05T10:00:00Z') }],
        conversations: [chat('2026-02-20T12:00:00Z', '2026-02-21T09:00:00Z')],
      }),
      WEEK,
      NOW,
    );
    expect(f.lastActivityAt).toEqual(at('2026-02-21T09:00:00Z'));
    expect(quiet.lastActivityAt).toBeNull();
    expect(quiet.longestChain).toBe(0);
  });
});

describe('cohortDigest', () => {
  const students = [
    student('NAMED', 'named', {
      conversationsHeld: 1,
      firstConversation: true,
      hasConversation: true,
      thankYousOnTime: 1,
      asksSent: 2,
    }),
    student('COUNTS', 'counts', {
      conversationsHeld: 2,
      firstConversation: true,
      hasConversation: true,
      referralsGained: 3,
      longestChain: 4,
    }),
    student('NONE', 'none', { conversationsHeld: 1, asksSent: 5, thankYousOnTime: 2, hasConversation: true }),
    student('IDLE', 'named'),
  ];

  it('adds everyone, "none" included, into the totals and the goal', () => {
    const d = cohortDigest(students, 1);
    expect(d.totals).toEqual({
      students: 4,
      activeStudents: 3,
      asksSent: 7,
      conversationsHeld: 4,
      thankYousOnTime: 3,
      referralsGained: 3,
      longestChain: 4,
    });
    expect(d.goal).toEqual({ weeklyGoal: 1, met: 3, of: 4 });
    expect(cohortDigest(students, 2).goal).toEqual({ weeklyGoal: 2, met: 1, of: 4 });
  });

  it('gives shout-outs only to students who chose to be named, and only for something done', () => {
    const d = cohortDigest(students, 1);
    expect(d.shoutOuts).toEqual([
      { slackUserId: 'UNAMED', reasons: ['first_conversation', 'thank_you_on_time'] },
    ]);
    const everyone = students.map((s) => ({ ...s, sharing: 'named' as const }));
    expect(cohortDigest(everyone, 1).shoutOuts.map((s) => [s.slackUserId, s.reasons])).toEqual([
      ['UNAMED', ['first_conversation', 'thank_you_on_time']],
      ['UCOUNTS', ['first_conversation', 'new_referral']],
      ['UNONE', ['goal_met', 'thank_you_on_time']],
    ]);
  });

  it('has no goal with a weekly goal of 0', () => {
    expect(cohortDigest(students, 0).goal.met).toBe(0);
  });
});

describe('cohortStage', () => {
  const started = { hasConversation: true, conversationsHeld: 1 };
  it('is first conversations while fewer than half have held one', () => {
    const s = cohortStage([student('A', 'counts', started), student('B', 'counts'), student('C', 'counts')]);
    expect(s.key).toBe('first_conversations');
    expect(s.summary).toContain('mentors and warm contacts');
    expect(s.basis).toContain('1 of 3 students have held a conversation');
    expect(cohortStage([]).key).toBe('first_conversations');
  });

  it('is ready for cold outreach once most have started, and cold outreach once many reach out cold', () => {
    const ready = cohortStage([
      student('A', 'none', started),
      student('B', 'counts', started),
      student('C', 'counts'),
    ]);
    expect(ready.key).toBe('ready_for_cold');
    const cold = cohortStage([
      student('A', 'none', { ...started, reachingOutCold: true }),
      student('B', 'counts', { ...started, reachingOutCold: true }),
      student('C', 'counts', started),
      student('D', 'counts'),
    ]);
    expect(cold.key).toBe('cold_outreach');
    expect(cold.summary).toContain('cold to people in your target role');
  });
});

describe('stalledStudents', () => {
  const now = NOW;
  it('lists students quiet for 14 days who share, longest quiet first; "none" never', () => {
    const list = stalledStudents(
      [
        student('RECENT', 'counts', { lastActivityAt: new Date(now.getTime() - 13 * DAY) }),
        student('QUIET', 'named', { lastActivityAt: new Date(now.getTime() - 14 * DAY) }),
        student('LONG', 'counts', { lastActivityAt: new Date(now.getTime() - 30 * DAY) }),
        student('PRIVATE', 'none', { lastActivityAt: new Date(now.getTime() - 30 * DAY) }),
        student('NEVER', 'counts', {}, new Date(now.getTime() - 20 * DAY)),
        student('NEW', 'counts', {}, new Date(now.getTime() - 3 * DAY)),
      ],
      now,
    );
    expect(list.map((s) => [s.slackUserId, s.daysQuiet, s.neverActive])).toEqual([
      ['ULONG', 30, false],
      ['UNEVER', 20, true],
      ['UQUIET', 14, false],
    ]);
  });

  it('counts quiet time from joining when that is later than the last activity', () => {
    const rejoined = student(
      'BACK',
      'counts',
      { lastActivityAt: new Date(now.getTime() - 40 * DAY) },
      new Date(now.getTime() - 5 * DAY),
    );
    expect(stalledStudents([rejoined], now)).toEqual([]);
  });
});

describe('the digest schedule', () => {
  const berlin = { digestWeekday: 1, digestHour: 9, digestMinute: 0, tz: 'Europe/Berlin' };

  it('is due from the local day and time on, for the rest of that local ISO week only', () => {
    // Monday 9 March 2026, 09:00 in Berlin is 08:00 UTC.
    expect(dueDigest(berlin, at('2026-03-09T07:59:00Z'))).toBeNull();
    const due = dueDigest(berlin, at('2026-03-09T08:00:00Z'));
    expect(due).toEqual({
      week: '2026-W11',
      moment: at('2026-03-09T08:00:00Z'),
      window: { start: at('2026-03-02T08:00:00Z'), end: at('2026-03-09T08:00:00Z') },
    });
    // Sunday 23:59 in Berlin: still the same week's digest.
    expect(dueDigest(berlin, at('2026-03-15T22:59:00Z'))?.week).toBe('2026-W11');
    // Monday 00:00 in Berlin: a new week, not due before 09:00.
    expect(dueDigest(berlin, at('2026-03-15T23:00:00Z'))).toBeNull();
  });

  it('keeps the wall-clock time across a DST switch', () => {
    // Clocks go forward on 29 March 2026 in Berlin: the Monday after, 09:00 is 07:00 UTC.
    expect(digestMoment(berlin, at('2026-03-31T12:00:00Z'))).toEqual(at('2026-03-30T07:00:00Z'));
    const week = dueDigest(berlin, at('2026-03-30T07:00:00Z'));
    expect(week?.window.start).toEqual(at('2026-03-23T08:00:00Z'));
  });

  it('works on any weekday and in zones with odd offsets', () => {
    const kolkataFriday = { digestWeekday: 5, digestHour: 16, digestMinute: 30, tz: 'Asia/Kolkata' };
    expect(digestMoment(kolkataFriday, at('2026-03-09T12:00:00Z'))).toEqual(at('2026-03-13T11:00:00Z'));
    expect(scheduleLabel(kolkataFriday)).toBe('Fridays at 16:30 (Asia/Kolkata)');
    expect(scheduleLabel({ digestWeekday: 9, digestHour: 30, digestMinute: -1, tz: 'Nowhere/Else' })).toBe(
      'Mondays at 09:00 (UTC)',
    );
  });

  it('previews what the next digest holds so far: since the last moment, up to now', () => {
    const before = digestSoFar(berlin, at('2026-03-09T07:00:00Z'));
    expect(before).toEqual({
      window: { start: at('2026-03-02T08:00:00Z'), end: at('2026-03-09T07:00:00Z') },
      nextAt: at('2026-03-09T08:00:00Z'),
      week: '2026-W11',
    });
    const after = digestSoFar(berlin, at('2026-03-10T12:00:00Z'));
    expect(after.window.start).toEqual(at('2026-03-09T08:00:00Z'));
    expect(after.nextAt).toEqual(at('2026-03-16T08:00:00Z'));
    expect(after.week).toBe('2026-W12');
    expect(after.window.end.getTime() - after.window.start.getTime()).toBe(28 * HOUR);
  });
});

describe('totals beside per-student figures', () => {
  const student = (sharing: Sharing) => ({ sharing }) as CohortStudent;
  it('cover everyone when nobody, or at least three students, keep their progress private', () => {
    expect(facilitatorTotalsCover([student('counts'), student('named')])).toBe('everyone');
    expect(
      facilitatorTotalsCover([student('counts'), student('none'), student('none'), student('none')]),
    ).toBe('everyone');
  });
  it('cover only the sharers when one or two keep it private, so subtracting gives nobody away', () => {
    expect(facilitatorTotalsCover([student('counts'), student('none')])).toBe('sharers');
    expect(facilitatorTotalsCover([student('named'), student('none'), student('none')])).toBe('sharers');
  });
});
