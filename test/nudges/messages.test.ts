// What nudge DMs say and which buttons they carry, per kind; the in-place outcome; the settings
// modal and its checks. Pure builders, validated against the stand-in's Block Kit checker.
import { describe, expect, it } from 'vitest';
import type { MemberSnapshot, NudgeKind } from '../../src/coaching/types';
import { NUDGE_KINDS } from '../../src/coaching/types';
import { composeNudge } from '../../src/nudges/compose';
import { validateMessageBlocks, validateView } from '../../src/sandbox';
import { validateSettings } from '../../src/services/settings';
import { OPEN } from '../../src/slack/views/action-ids';
import {
  buildNudgeMessage,
  buildNudgeOutcomeMessage,
  NUDGE_ACTION_IDS,
  NUDGE_ACTIONS_BLOCK_ID,
  NUDGE_OUTCOME_BLOCK_ID,
  parseSnoozeValue,
  snoozeOptionValue,
} from '../../src/slack/views/nudge';
import {
  buildSettingsModal,
  buildSettingsSavedView,
  readSettingsForm,
  SETTINGS_BLOCKS,
  settingsErrors,
} from '../../src/slack/views/settings';
import { THANKS_ACTIONS } from '../../src/slack/views/thanks';
import * as fx from '../support/coaching-fixtures';
import { type Block, everyString, visibleText } from '../support/slack-play';

const NOW = new Date('2026-03-11T14:00:00Z');
const HELD = new Date('2026-03-10T14:00:00Z');

function snapshot(): MemberSnapshot {
  const base = {
    role: 'UX Researcher',
    company: 'Acme',
    industry: 'healthcare',
    why: 'moved from teaching',
    lastTouchAt: HELD,
    createdAt: HELD,
    stageAt: HELD,
  };
  return fx.snapshot({
    prefs: fx.prefs({ tz: 'America/New_York' }),
    contacts: [
      fx.contact({ id: 'jane', name: 'Jane <Doe>', stage: 'met', ...base }),
      fx.contact({ id: 'sam', name: 'Sam Lee', stage: 'target', referredById: 'jane', ...base }),
      fx.contact({ id: 'ana', name: 'Ana Diaz', stage: 'asked', ...base }),
    ],
    asks: [
      fx.ask({
        id: 'ask1',
        contactId: 'ana',
        text: 'Hi Ana',
        channel: 'email',
        createdAt: HELD,
        sentAt: HELD,
      }),
    ],
    conversations: [
      fx.conversation({
        id: 'conv1',
        contactId: 'jane',
        heldAt: HELD,
        minutesRequested: 25,
        insights: 'portfolios',
        action: 'rebuild my case study',
        createdAt: HELD,
      }),
      fx.conversation({
        id: 'conv2',
        contactId: 'sam',
        scheduledAt: new Date('2026-03-12T15:00:00Z'),
        createdAt: HELD,
      }),
    ],
  });
}

const SUBJECTS: Record<NudgeKind, string | null> = {
  thank_you: 'conv1',
  referral: 'sam',
  follow_up: 'ask1',
  prep: 'conv2',
  wrap_up: 'conv2',
  debrief: 'conv2',
  close_loop: 'conv1',
  keep_in_touch: 'jane',
  weekly_summary: null,
};

function elements(blocks: Block[]) {
  return blocks.find((b) => b.block_id === NUDGE_ACTIONS_BLOCK_ID)?.elements ?? [];
}

describe('nudge DMs', () => {
  // Snooze choices fit the nudge: NOW is Wed 10:00 in New York, the thank-you's 24 hours ended then
  // (a late one: no deadline left to keep), the prep's chat is Thu 11:00, the wrap-up has none.
  const CHOICES: Record<NudgeKind, string[] | undefined> = {
    thank_you: ['evening', '1d', '3d'],
    referral: ['1d', '3d', '1w'],
    follow_up: ['1d', '3d', '1w'],
    prep: ['2h', 'evening', '1d'],
    wrap_up: undefined,
    debrief: ['2h', '1d', '3d'],
    close_loop: ['1d', '3d', '1w'],
    keep_in_touch: ['1d', '3d', '1w'],
    weekly_summary: ['1d', '3d', '1w'],
  };

  it.each(NUDGE_KINDS)(
    '%s: valid Block Kit, with Done, the snooze choices that fit, and Stop these',
    (kind) => {
      const message = buildNudgeMessage(
        'nudge-1',
        composeNudge({ kind, subjectId: SUBJECTS[kind] }, snapshot(), NOW),
      );
      expect(validateMessageBlocks(message.blocks)).toEqual([]);
      expect(message.text.length).toBeGreaterThan(0);
      const els = elements(message.blocks as unknown as Block[]);
      expect(els.find((e) => e.action_id === NUDGE_ACTION_IDS.done)?.value).toBe('nudge-1');
      expect(els.find((e) => e.action_id === NUDGE_ACTION_IDS.stop)?.value).toBe('nudge-1');
      const snooze = els.find((e) => e.action_id === NUDGE_ACTION_IDS.snooze);
      expect(snooze?.options?.map((o) => parseSnoozeValue(o.value))).toEqual(
        CHOICES[kind]?.map((choice) => ({ nudgeId: 'nudge-1', choice })),
      );
    },
  );

  it('each kind has its own next step', () => {
    const primary = (kind: NudgeKind) =>
      elements(
        buildNudgeMessage('n', composeNudge({ kind, subjectId: SUBJECTS[kind] }, snapshot(), NOW))
          .blocks as unknown as Block[],
      )
        .filter(
          (e) =>
            ![NUDGE_ACTION_IDS.done, NUDGE_ACTION_IDS.stop, NUDGE_ACTION_IDS.snooze].includes(
              e.action_id as never,
            ),
        )
        .map((e) => [e.action_id, e.value]);
    expect(primary('thank_you')).toEqual([
      [NUDGE_ACTION_IDS.thanksSent, 'n'],
      [THANKS_ACTIONS.edit, 'conv1'],
    ]);
    expect(primary('referral')).toEqual([[OPEN.ask, 'sam']]);
    expect(primary('follow_up')).toEqual([
      [NUDGE_ACTION_IDS.gotReply, 'n'],
      [NUDGE_ACTION_IDS.followedUp, 'n'],
    ]);
    expect(primary('prep')).toEqual([[OPEN.prep, 'sam']]);
    expect(primary('debrief')).toEqual([[OPEN.log, 'sam']]);
    expect(primary('wrap_up')).toEqual([]);
  });

  it('says the right things, with user text escaped', () => {
    const blocks = (kind: NudgeKind) =>
      buildNudgeMessage('n', composeNudge({ kind, subjectId: SUBJECTS[kind] }, snapshot(), NOW)).blocks;
    const text = (kind: NudgeKind) => visibleText(blocks(kind));
    expect(text('thank_you')).toContain('Thank Jane &lt;Doe&gt; today');
    expect(everyString(blocks('thank_you'))).not.toContain('<Doe>');
    expect(text('referral')).toContain('Jane &lt;Doe&gt; suggested Sam Lee');
    expect(text('follow_up')).toContain('No reply from Ana Diaz yet');
    expect(text('follow_up')).toContain('A polite follow-up');
    expect(text('prep')).toMatch(/Look up what a quick search answers first/);
    expect(text('prep')).toContain('Thu 11:00');
    expect(text('wrap_up')).toContain('offer to wrap up, as you asked for 20');
    expect(text('close_loop')).toContain('how acting on “rebuild my case study” went');
    expect(text('keep_in_touch')).toContain('your advice to rebuild my case study');
    expect(text('weekly_summary')).toContain('People on your list: 3 of 8');
    expect(text('weekly_summary')).toContain('Due now');
  });

  it('updates in place: buttons replaced by what happened, content kept', () => {
    const original = buildNudgeMessage(
      'n',
      composeNudge({ kind: 'thank_you', subjectId: 'conv1' }, snapshot(), NOW),
    );
    const snoozed = buildNudgeOutcomeMessage(original, {
      kind: 'snoozed',
      until: NOW,
      untilLabel: 'Tue 09:00',
    });
    const blocks = snoozed.blocks as unknown as Block[];
    expect(blocks.some((b) => b.block_id === NUDGE_ACTIONS_BLOCK_ID)).toBe(false);
    expect(visibleText(blocks.filter((b) => b.block_id === NUDGE_OUTCOME_BLOCK_ID))).toContain(
      'Snoozed until Tue 09:00',
    );
    expect(visibleText(blocks)).toContain('Thank Jane');
    // A second outcome replaces the first rather than piling up.
    const done = buildNudgeOutcomeMessage(snoozed, { kind: 'done', nudgeId: 'n1', recorded: '' });
    expect(
      (done.blocks as unknown as Block[]).filter((b) => b.block_id === NUDGE_OUTCOME_BLOCK_ID),
    ).toHaveLength(1);
    expect(visibleText(done.blocks)).toContain('Done ✓');
    expect(validateMessageBlocks(done.blocks)).toEqual([]);
    expect(
      visibleText(
        buildNudgeOutcomeMessage(original, { kind: 'stopped', nudgeKind: 'thank_you', nudgeId: 'n1' }).blocks,
      ),
    ).toContain('You won’t get these any more — turn them back on in `/coach settings`');
  });

  it('reads snooze values back, and nothing else', () => {
    expect(parseSnoozeValue(snoozeOptionValue('abc', '3d'))).toEqual({ nudgeId: 'abc', choice: '3d' });
    expect(parseSnoozeValue('abc|2y')).toBeNull();
    expect(parseSnoozeValue('|1d')).toBeNull();
    expect(parseSnoozeValue(undefined)).toBeNull();
  });
});

describe('settings', () => {
  const settings = {
    slackTz: 'America/New_York',
    tzOverride: null,
    tz: 'America/New_York',
    workdayStartMinute: 540,
    workdayEndMinute: 1050,
    workDays: [1, 2, 3, 4, 5],
    kindsOn: [...NUDGE_KINDS],
    pausedUntilDate: null,
    today: '2026-03-11',
  };

  it('builds a valid modal and a valid saved view', () => {
    expect(validateView(buildSettingsModal(settings))).toEqual([]);
    expect(
      validateView(
        buildSettingsModal({
          ...settings,
          tzOverride: 'Asia/Kathmandu',
          pausedUntilDate: '2026-04-01',
          kindsOn: [],
        }),
      ),
    ).toEqual([]);
    expect(validateView(buildSettingsSavedView(settings))).toEqual([]);
  });

  it('validates: end after start, at least one day, a pause date in the future, a known zone', () => {
    const base = {
      tzOverride: null,
      start: '09:00',
      end: '17:30',
      workDays: [1, 2, 3],
      kindsOn: [...NUDGE_KINDS],
      pauseUntil: null,
    };
    expect(validateSettings(base, 'America/New_York', NOW).ok).toBe(true);
    const bad = validateSettings(
      {
        ...base,
        start: '18:00',
        end: '09:00',
        workDays: [],
        pauseUntil: '2026-03-11',
        tzOverride: 'Mars/Olympus',
      },
      null,
      NOW,
    );
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(Object.keys(bad.errors).sort()).toEqual(['days', 'end', 'pause', 'tz']);
    expect(Object.keys(settingsErrors(bad.errors)).sort()).toEqual(
      [
        SETTINGS_BLOCKS.days.blockId,
        SETTINGS_BLOCKS.end.blockId,
        SETTINGS_BLOCKS.pause.blockId,
        SETTINGS_BLOCKS.tz.blockId,
      ].sort(),
    );
    // The pause starts at local midnight of the chosen date, in the chosen zone.
    const paused = validateSettings(
      { ...base, tzOverride: 'Asia/Kolkata', pauseUntil: '2026-03-20' },
      null,
      NOW,
    );
    expect(paused.ok && paused.value.pausedUntil?.toISOString()).toBe('2026-03-19T18:30:00.000Z');
    const off = validateSettings({ ...base, kindsOn: ['thank_you'] }, null, NOW);
    expect(off.ok && off.value.kindsOff).toEqual(NUDGE_KINDS.filter((k) => k !== 'thank_you'));
    expect(validateSettings({ ...base, pauseUntil: '2028-01-01' }, null, NOW).ok).toBe(false);
  });

  it('reads the form, with "use my Slack timezone" as no override', () => {
    const form = readSettingsForm({
      [SETTINGS_BLOCKS.tz.blockId]: { value: { selected_option: { value: 'slack' } } },
      [SETTINGS_BLOCKS.start.blockId]: { value: { selected_time: '08:30' } },
      [SETTINGS_BLOCKS.end.blockId]: { value: { selected_time: '16:00' } },
      [SETTINGS_BLOCKS.days.blockId]: { value: { selected_options: [{ value: '1' }, { value: '3' }] } },
      [SETTINGS_BLOCKS.kinds.blockId]: { value: { selected_options: [] } },
      [SETTINGS_BLOCKS.pause.blockId]: { value: { selected_date: null } },
    });
    expect(form).toEqual({
      ok: true,
      data: {
        tzOverride: null,
        start: '08:30',
        end: '16:00',
        workDays: [1, 3],
        kindsOn: [],
        pauseUntil: null,
      },
    });
    const empty = readSettingsForm({
      [SETTINGS_BLOCKS.tz.blockId]: { value: { selected_option: { value: 'UTC' } } },
      [SETTINGS_BLOCKS.start.blockId]: { value: { selected_time: '08:30' } },
      [SETTINGS_BLOCKS.end.blockId]: { value: { selected_time: '16:00' } },
      [SETTINGS_BLOCKS.days.blockId]: { value: { selected_options: [] } },
    });
    expect(empty.ok ? [] : Object.keys(empty.errors)).toEqual([SETTINGS_BLOCKS.days.blockId]);
  });
});
