import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  addLocalDays,
  formatLocal,
  isoLocalDate,
  isoWeekKey,
  isWorkingMoment,
  localDateTimeToUtc,
  localParts,
  nextWorkingMoment,
  previousWorkingDayStart,
  resolveZone,
  snoozeUntil,
  type WorkingPrefs,
  workingHours,
} from '../../src/coaching/time';
import { at, utc } from '../support/coaching-fixtures';

function prefs(tz: string, over: Partial<WorkingPrefs> = {}): WorkingPrefs {
  return { tz, workdayStartMinute: 540, workdayEndMinute: 1050, workDays: [1, 2, 3, 4, 5], ...over };
}

const NY = 'America/New_York';
const LA = 'America/Los_Angeles';
const BERLIN = 'Europe/Berlin';
const KOLKATA = 'Asia/Kolkata';
const AUCKLAND = 'Pacific/Auckland';

describe('resolveZone and workingHours fallbacks', () => {
  it.each([
    ['Europe/Berlin', 'Europe/Berlin'],
    ['Asia/Kolkata', 'Asia/Kolkata'],
    ['Mars/Olympus', 'UTC'],
    ['', 'UTC'],
    ['  ', 'UTC'],
  ])('%j → %s', (tz, expected) => {
    expect(resolveZone(tz)).toBe(expected);
  });

  it('treats an invalid zone as UTC for working hours', () => {
    const p = prefs('Not/AZone');
    expect(isWorkingMoment(utc('2026-03-10T09:00'), p)).toBe(true);
    expect(isWorkingMoment(utc('2026-03-10T08:59'), p)).toBe(false);
  });

  it('falls back to 09:00–17:30 when start is not before end, and to Mon–Fri when no day is valid', () => {
    const wh = workingHours(
      prefs('UTC', { workdayStartMinute: 600, workdayEndMinute: 600, workDays: [0, 9] }),
    );
    expect(wh.startMinute).toBe(540);
    expect(wh.endMinute).toBe(1050);
    expect([...wh.days].sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps valid custom hours and days', () => {
    const wh = workingHours(
      prefs(KOLKATA, { workdayStartMinute: 600, workdayEndMinute: 1140, workDays: [7, 1] }),
    );
    expect(wh).toMatchObject({ zone: KOLKATA, startMinute: 600, endMinute: 1140 });
    expect([...wh.days].sort()).toEqual([1, 7]);
  });
});

describe('isWorkingMoment edges', () => {
  const p = prefs(NY);
  it.each([
    ['2026-03-10T09:00:00.000', true], // exactly at start
    ['2026-03-10T08:59:59.999', false],
    ['2026-03-10T17:29:59.999', true],
    ['2026-03-10T17:30:00.000', false], // exactly at end: outside
    ['2026-03-14T10:00:00.000', false], // Saturday
    ['2026-03-15T10:00:00.000', false], // Sunday
    ['2026-03-09T12:00:00.000', true], // Monday after the DST switch
  ])('%s New York → %s', (local, expected) => {
    expect(isWorkingMoment(at(local, NY), p)).toBe(expected);
  });

  it('uses the wall clock of the member, not UTC (Kolkata +5:30)', () => {
    // 03:30 UTC is 09:00 in Kolkata.
    expect(isWorkingMoment(utc('2026-03-10T03:30'), prefs(KOLKATA))).toBe(true);
    expect(isWorkingMoment(utc('2026-03-10T03:29'), prefs(KOLKATA))).toBe(false);
  });
});

describe('nextWorkingMoment', () => {
  it.each([
    // [zone, from (local), expected (UTC)]
    [NY, '2026-03-10T10:15', '2026-03-10T14:15'], // already inside: unchanged
    [NY, '2026-03-10T07:00', '2026-03-10T13:00'], // before start: 09:00 EDT
    [NY, '2026-03-10T17:30', '2026-03-11T13:00'], // exactly at end: next morning
    [NY, '2026-03-06T18:00', '2026-03-09T13:00'], // Friday evening EST → Monday 09:00 EDT
    [NY, '2026-10-30T18:00', '2026-11-02T14:00'], // Friday EDT → Monday 09:00 EST
    [BERLIN, '2026-03-27T18:00', '2026-03-30T07:00'], // Friday CET → Monday 09:00 CEST
    [BERLIN, '2026-10-23T18:00', '2026-10-26T08:00'], // Friday CEST → Monday 09:00 CET
    [BERLIN, '2026-03-28T11:00', '2026-03-30T07:00'], // Saturday
    [LA, '2026-03-14T09:00', '2026-03-16T16:00'], // Saturday → Monday 09:00 PDT
    [KOLKATA, '2026-03-10T18:00', '2026-03-11T03:30'],
    [AUCKLAND, '2026-11-28T10:00', '2026-11-29T20:00'], // Saturday → Monday 09:00 NZDT (Sunday UTC)
  ])('%s %s → %s', (zone, local, expected) => {
    expect(nextWorkingMoment(at(local, zone), prefs(zone)).toISOString()).toBe(utc(expected).toISOString());
  });

  it('returns a copy, not the same object', () => {
    const from = at('2026-03-10T10:00', NY);
    const got = nextWorkingMoment(from, prefs(NY));
    expect(got).not.toBe(from);
    expect(got.getTime()).toBe(from.getTime());
  });

  it('skips custom non-working days (Sunday–Thursday week)', () => {
    const p = prefs('Asia/Dubai', { workDays: [7, 1, 2, 3, 4] });
    // Thursday 18:00 → Sunday 09:00 Dubai (+4).
    expect(nextWorkingMoment(at('2026-03-12T18:00', 'Asia/Dubai'), p).toISOString()).toBe(
      '2026-03-15T05:00:00.000Z',
    );
  });

  it('a workday start that falls in the spring-forward gap starts when the gap ends', () => {
    // 02:30 does not exist in New York on 2026-03-08; the first moment at or after it is 03:00 EDT.
    const p = prefs(NY, { workdayStartMinute: 150, workdayEndMinute: 600, workDays: [7] });
    expect(nextWorkingMoment(utc('2026-03-08T05:00'), p).toISOString()).toBe('2026-03-08T07:00:00.000Z');
  });

  it('a workday start that happens twice (fall back) uses the first one', () => {
    // 01:30 happens at 05:30Z (EDT) and 06:30Z (EST) on 2026-11-01.
    const p = prefs(NY, { workdayStartMinute: 90, workdayEndMinute: 600, workDays: [7] });
    expect(nextWorkingMoment(utc('2026-11-01T04:00'), p).toISOString()).toBe('2026-11-01T05:30:00.000Z');
  });
});

describe('previousWorkingDayStart', () => {
  it.each([
    [NY, '2026-03-11T14:00', '2026-03-10T13:00'], // Wednesday → Tuesday 09:00
    [NY, '2026-03-09T10:00', '2026-03-06T14:00'], // Monday EDT → Friday 09:00 EST
    [NY, '2026-11-02T10:00', '2026-10-30T13:00'], // Monday EST → Friday 09:00 EDT
    [BERLIN, '2026-03-30T11:00', '2026-03-27T08:00'], // Monday CEST → Friday 09:00 CET
    [BERLIN, '2026-03-31T11:00', '2026-03-30T07:00'], // Tuesday → Monday 09:00 CEST
    [BERLIN, '2026-10-26T11:00', '2026-10-23T07:00'], // Monday CET → Friday 09:00 CEST
    [NY, '2026-03-14T10:00', '2026-03-13T13:00'], // Saturday → Friday
    [NY, '2026-03-10T00:30', '2026-03-09T13:00'], // just after midnight: still the day before
    [AUCKLAND, '2026-12-01T10:00', '2026-11-29T20:00'], // Tuesday → Monday 09:00 NZDT (Sunday UTC)
  ])('%s %s → %s', (zone, local, expected) => {
    expect(previousWorkingDayStart(at(local, zone), prefs(zone)).toISOString()).toBe(
      utc(expected).toISOString(),
    );
  });
});

describe('calendar helpers', () => {
  it.each([
    [utc('2026-11-29T20:00'), AUCKLAND, '2026-W49'], // Monday 09:00 in Auckland, still Sunday in UTC
    [utc('2026-11-29T20:00'), 'UTC', '2026-W48'],
    [utc('2026-11-30T07:00'), LA, '2026-W48'], // Sunday 23:00 in Los Angeles
    [utc('2027-01-01T12:00'), BERLIN, '2026-W53'],
    [utc('2026-03-02T00:00'), 'Bad/Zone', '2026-W10'],
  ])('isoWeekKey(%s, %s) = %s', (d, tz, expected) => {
    expect(isoWeekKey(d, tz)).toBe(expected);
  });

  it('localParts reads the wall clock, weekday and offset', () => {
    expect(localParts(utc('2026-03-10T03:45'), KOLKATA)).toMatchObject({
      year: 2026,
      month: 3,
      day: 10,
      hour: 9,
      minute: 15,
      weekday: 2,
      minuteOfDay: 555,
      isoDate: '2026-03-10',
      offsetMinutes: 330,
    });
    expect(localParts(utc('2026-11-29T20:00'), AUCKLAND)).toMatchObject({
      weekday: 1,
      hour: 9,
      offsetMinutes: 780,
    });
  });

  it('addLocalDays keeps the wall clock across DST; isoLocalDate uses the zone', () => {
    expect(addLocalDays(at('2026-03-28T11:00', BERLIN), 2, BERLIN).toISOString()).toBe(
      '2026-03-30T09:00:00.000Z',
    );
    expect(isoLocalDate(utc('2026-01-05T20:00'), AUCKLAND)).toBe('2026-01-06');
    expect(isoLocalDate(utc('2026-01-05T20:00'), LA)).toBe('2026-01-05');
  });

  it.each([
    ['weekdayTime', 'Tue 14:00'],
    ['time', '14:00'],
    ['date', 'Tue 3 Mar'],
    ['dateTime', 'Tue 3 Mar, 14:00'],
    ['isoDate', '2026-03-03'],
  ] as const)('formatLocal %s', (style, expected) => {
    expect(formatLocal(at('2026-03-03T14:00', BERLIN), BERLIN, style)).toBe(expected);
  });

  it('formatLocal defaults to "Tue 14:00" and formats in the given zone', () => {
    expect(formatLocal(utc('2026-03-03T13:00'), BERLIN)).toBe('Tue 14:00');
    expect(formatLocal(utc('2026-03-03T13:00'), KOLKATA)).toBe('Tue 18:30');
  });
});

describe('snoozeUntil', () => {
  it.each([
    [NY, '2026-03-10T10:00', '1d', '2026-03-11T14:00'], // Wed 10:00 EDT
    [NY, '2026-03-12T17:00', '1d', '2026-03-13T21:00'], // Fri 17:00: still inside the day
    [NY, '2026-03-13T16:00', '1d', '2026-03-16T13:00'], // Sat 16:00 → Mon 09:00
    [NY, '2026-03-10T10:00', '3d', '2026-03-13T14:00'],
    [NY, '2026-03-05T10:00', '1w', '2026-03-12T14:00'], // across spring forward: still 10:00 local
    [BERLIN, '2026-03-27T10:00', '1w', '2026-04-03T08:00'],
    [BERLIN, '2026-10-20T20:00', '3d', '2026-10-26T08:00'], // Fri 20:00 → Mon 09:00 CET
    [KOLKATA, '2026-03-10T18:00', '1d', '2026-03-12T03:30'], // Wed 18:00 → Thu 09:00
  ] as const)('%s %s + %s → %s', (zone, local, choice, expected) => {
    expect(snoozeUntil(at(local, zone), choice, prefs(zone)).toISOString()).toBe(utc(expected).toISOString());
  });
});

describe('a working window inside a DST gap', () => {
  // Chile moves its clocks from 00:00 to 01:00 on Sunday 2027-09-05: a 00:00–00:30 Sunday window does
  // not exist that day.
  const p = { tz: 'America/Santiago', workdayStartMinute: 0, workdayEndMinute: 30, workDays: [7] };

  it('nextWorkingMoment skips the day whose window was skipped', () => {
    expect(nextWorkingMoment(utc('2027-09-05T02:00'), p).toISOString()).toBe('2027-09-12T03:00:00.000Z');
  });

  it('a window that starts in the gap and ends after it begins when the gap ends', () => {
    const late = { ...p, workdayStartMinute: 1, workdayEndMinute: 62 };
    expect(nextWorkingMoment(utc('2027-08-29T05:02'), late).toISOString()).toBe('2027-09-05T04:00:00.000Z');
  });

  it('previousWorkingDayStart keeps that day, at the moment just after the gap (not a week early)', () => {
    expect(previousWorkingDayStart(utc('2027-09-07T12:00'), p).toISOString()).toBe(
      '2027-09-05T04:00:00.000Z',
    );
  });
});

// ---- properties ------------------------------------------------------------------------------------

const ZONES = [NY, LA, BERLIN, KOLKATA, AUCKLAND, 'UTC', 'Australia/Lord_Howe', 'America/Santiago'];

const prefsArb = fc
  .record({
    tz: fc.constantFrom(...ZONES),
    start: fc.integer({ min: 0, max: 1380 }),
    length: fc.integer({ min: 30, max: 1440 }),
    workDays: fc.uniqueArray(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 7 }),
  })
  .map(({ tz, start, length, workDays }) => ({
    tz,
    workdayStartMinute: start,
    workdayEndMinute: Math.min(1440, start + length),
    workDays,
  }));

const dateArb = fc.date({ min: utc('2025-12-01T00:00'), max: utc('2027-12-31T00:00'), noInvalidDate: true });

describe('time properties', () => {
  it('nextWorkingMoment is the earliest working moment at or after `from`', () => {
    fc.assert(
      fc.property(prefsArb, dateArb, (p, from) => {
        const got = nextWorkingMoment(from, p);
        expect(got.getTime()).toBeGreaterThanOrEqual(from.getTime());
        expect(isWorkingMoment(got, p)).toBe(true);
        if (got.getTime() > from.getTime()) {
          expect(isWorkingMoment(from, p)).toBe(false);
          expect(isWorkingMoment(new Date(got.getTime() - 1), p)).toBe(false);
          // A few points in between are outside working hours too.
          for (const f of [0.25, 0.5, 0.75]) {
            const mid = new Date(from.getTime() + Math.floor((got.getTime() - from.getTime()) * f));
            expect(isWorkingMoment(mid, p)).toBe(false);
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('previousWorkingDayStart is a working-day start on an earlier date, no working day between', () => {
    fc.assert(
      fc.property(prefsArb, dateArb, (p, d) => {
        const got = previousWorkingDayStart(d, p);
        const zone = resolveZone(p.tz);
        const gotLocal = DateTime.fromJSDate(got, { zone });
        const dLocal = DateTime.fromJSDate(d, { zone });
        expect(gotLocal.toISODate()! < dLocal.toISODate()!).toBe(true);
        expect(p.workDays).toContain(gotLocal.weekday);
        // On the rare day whose whole window fell in a DST gap, the start is the moment just after the gap.
        const wanted = gotLocal
          .startOf('day')
          .set({ hour: Math.floor(p.workdayStartMinute / 60), minute: p.workdayStartMinute % 60 });
        const windowInGap = wanted.hour * 60 + wanted.minute !== p.workdayStartMinute;
        if (!windowInGap) expect(isWorkingMoment(got, p)).toBe(true);
        expect(gotLocal.hour * 60 + gotLocal.minute).toBeGreaterThanOrEqual(p.workdayStartMinute);
        const stop = dLocal.startOf('day').toMillis();
        for (
          let day = gotLocal.startOf('day').plus({ days: 1 });
          day.toMillis() < stop;
          day = day.plus({ days: 1 })
        ) {
          expect(p.workDays).not.toContain(day.weekday);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('snoozeUntil lands in working hours, at least the snooze length later (give or take a DST hour)', () => {
    fc.assert(
      fc.property(prefsArb, dateArb, fc.constantFrom('1d', '3d', '1w'), (p, now, choice) => {
        const got = snoozeUntil(now, choice, p);
        const days = choice === '1d' ? 1 : choice === '3d' ? 3 : 7;
        expect(got.getTime()).toBeGreaterThanOrEqual(now.getTime() + days * 86_400_000 - 3_600_000);
        expect(isWorkingMoment(got, p)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('remembered conversions', () => {
  it('gives the same moment again, as a Date of its own each time', () => {
    const first = localDateTimeToUtc('2026-03-08', '02:30', 'America/New_York');
    const again = localDateTimeToUtc('2026-03-08', '02:30', 'America/New_York');
    expect(again?.toISOString()).toBe(first?.toISOString());
    expect(again).not.toBe(first);
    first?.setTime(0);
    expect(localDateTimeToUtc('2026-03-08', '02:30', 'America/New_York')?.toISOString()).toBe(
      again?.toISOString(),
    );
    // The same date and time in another zone is another moment.
    expect(localDateTimeToUtc('2026-03-08', '02:30', 'Europe/Berlin')?.toISOString()).not.toBe(
      again?.toISOString(),
    );
  });

  it('gives the local date of every instant of a minute, either side of midnight', () => {
    const zone = 'Asia/Kolkata';
    expect(isoLocalDate(new Date('2026-05-31T18:29:59.999Z'), zone)).toBe('2026-05-31');
    expect(isoLocalDate(new Date('2026-05-31T18:30:00.000Z'), zone)).toBe('2026-06-01');
    expect(isoLocalDate(new Date('2026-05-31T18:29:00.000Z'), zone)).toBe('2026-05-31');
    expect(isoLocalDate(new Date(Number.NaN), zone)).toBe('');
  });
});
