// The /coach router at listener depth: Bolt's arguments faked, no HTTP.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { WebClient } from '@slack/web-api';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log';
import { inThreadDrafter } from '../../src/services/drafter';
import { AfterAck, HomeRefresher } from '../../src/slack/after-ack';
import type { AppDeps } from '../../src/slack/deps';
import {
  coachCommand,
  findSubcommand,
  parseCommandText,
  suggestSubcommand,
} from '../../src/slack/listeners/commands/coach';
import type { Subcommand } from '../../src/slack/listeners/commands/subcommand';
import { SUBCOMMANDS } from '../../src/slack/listeners/commands/subcommands';
import { everyString, visibleText } from '../support/slack-play';

function fakeArgs(text: string) {
  const acks: unknown[] = [];
  const responds: unknown[] = [];
  const args = {
    command: {
      text,
      team_id: 'T1',
      user_id: 'U1',
      channel_id: 'D1',
      trigger_id: '1.2.3',
      command: '/coach',
      response_url: 'http://127.0.0.1:9/unused',
    },
    context: { scope: { workspaceId: 'T1', userId: 'U1' } },
    ack: async (r?: unknown) => {
      acks.push(r);
    },
    respond: async (r: unknown) => {
      responds.push(r);
    },
    client: new WebClient('xoxb-fake', {
      slackApiUrl: 'http://127.0.0.1:9/api/',
      retryConfig: { retries: 0 },
    }),
  } as unknown as SlackCommandMiddlewareArgs & AllMiddlewareArgs;
  return { args, acks, responds };
}

const later = new AfterAck(createLogger('silent'));
const deps = {
  db: {} as AppDeps['db'],
  log: createLogger('silent'),
  clock: { now: () => new Date() },
  later,
  home: new HomeRefresher(createLogger('silent'), async () => undefined),
  drafter: inThreadDrafter(),
} satisfies AppDeps;

describe('parseCommandText', () => {
  it.each([
    ['', 'help', ''],
    ['  ', 'help', ''],
    ['LOG Jane   Doe', 'log', 'Jane Doe'],
    ['people asked', 'people', 'asked'],
  ])('%j → %s %j', (text, name, args) => {
    expect(parseCommandText(text)).toEqual({ name, args });
  });
});

describe('subcommand lookup', () => {
  it('finds names and aliases, case-insensitively', () => {
    expect(findSubcommand('ADD')?.name).toBe('add');
    expect(findSubcommand('target')?.name).toBe('add');
    expect(findSubcommand('nope')).toBeUndefined();
  });

  it('suggests the closest subcommand for a typo, and nothing for gibberish', () => {
    expect(suggestSubcommand('hepl')).toBe('help');
    expect(suggestSubcommand('qqqqqqqq')).toBeUndefined();
  });

  it('has unique names and usage lines that start with /coach', () => {
    const names = SUBCOMMANDS.flatMap((s) => [s.name, ...(s.aliases ?? [])]);
    expect(new Set(names).size).toBe(names.length);
    for (const s of SUBCOMMANDS) expect(s.usage.startsWith(`/coach ${s.name}`)).toBe(true);
  });
});

describe('coachCommand', () => {
  it('acknowledges exactly once with help for an empty command', async () => {
    const { args, acks } = fakeArgs('');
    await coachCommand(deps)(args);
    expect(acks).toHaveLength(1);
    expect(visibleText(acks[0])).toContain('/coach help');
  });

  it('acknowledges an unknown subcommand with a hint, not an error', async () => {
    const { args, acks } = fakeArgs('frobnicate');
    await coachCommand(deps)(args);
    expect(acks).toHaveLength(1);
    expect(visibleText(acks[0])).toContain("don't know");
  });

  const failing = (when: 'before' | 'after'): Subcommand => ({
    name: 'boom',
    usage: '/coach boom',
    summary: 'fails',
    async run({ ack }) {
      if (when === 'after') await ack();
      throw new Error('database down');
    },
  });

  it('still acknowledges, with a friendly message, when a handler fails before acking', async () => {
    const { args, acks, responds } = fakeArgs('boom');
    await coachCommand(deps, [failing('before')])(args);
    expect(acks).toHaveLength(1);
    expect(visibleText(acks[0])).toContain('Something went wrong');
    expect(everyString(acks[0])).not.toContain('database down');
    expect(responds).toHaveLength(0);
  });

  it('tells the user through response_url when a handler fails after acking', async () => {
    const { args, acks, responds } = fakeArgs('boom');
    await coachCommand(deps, [failing('after')])(args);
    expect(acks).toEqual([undefined]);
    expect(responds).toHaveLength(1);
    expect(visibleText(responds[0])).toContain('Something went wrong');
  });
});
