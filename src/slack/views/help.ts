// Pure Block Kit builders for help and generic replies.
import type { KnownBlock } from '@slack/types';
import { WHY_BOTHER } from '../../coaching/help';
import { context, header, section } from './kit';

export interface EphemeralMessage {
  response_type: 'ephemeral';
  text: string;
  blocks?: KnownBlock[];
}

export function buildHelpMessage(entries: { usage: string; summary: string }[]): EphemeralMessage {
  const lines = entries.map((e) => `\`${e.usage}\` — ${e.summary}`);
  return {
    response_type: 'ephemeral',
    text: `Here is what I can do:\n${lines.join('\n')}`,
    blocks: [
      header('Your networking coach'),
      section(
        'I help you learn from people a step or two ahead of you: short, curious conversations, one at a time.',
      ),
      section(lines.join('\n')),
      context(`*Why bother?* ${WHY_BOTHER}`),
    ],
  };
}

export function buildUnknownCommandMessage(name: string, suggestion?: string): EphemeralMessage {
  const hint = suggestion ? ` Did you mean \`/coach ${suggestion}\`?` : '';
  return {
    response_type: 'ephemeral',
    text: `I don't know \`/coach ${name}\` yet.${hint} Try \`/coach help\` to see everything I can do.`,
  };
}

export function buildErrorMessage(): EphemeralMessage {
  return {
    response_type: 'ephemeral',
    text: 'Something went wrong on my side, and nothing you entered was lost. Please try again in a moment.',
  };
}
