// How each stage of a contact is shown.
import type { Stage } from './types';

const STAGE_LABELS: Record<Stage, string> = {
  target: 'To reach out to',
  asked: 'Asked',
  scheduled: 'Chat booked',
  met: 'Met',
  thanked: 'Thanked',
  declined: 'Said no for now',
  archived: 'Archived',
};

const STAGE_EMOJI: Record<Stage, string> = {
  target: '🎯',
  asked: '✉️',
  scheduled: '📅',
  met: '☕',
  thanked: '🙏',
  declined: '🌱',
  archived: '🗄️',
};

export function stageLabel(stage: Stage): string {
  return STAGE_LABELS[stage];
}

export function stageEmoji(stage: Stage): string {
  return STAGE_EMOJI[stage];
}

/**
 * Words a member may type for each stage (besides its label and its own name): the words of earlier
 * versions keep working.
 */
const STAGE_ALIASES: Record<Stage, readonly string[]> = {
  target: ['targets', 'to reach out', 'reach out', 'to do'],
  asked: ['ask', 'asks', 'waiting'],
  scheduled: ['booked', 'chat booked', 'chats booked'],
  met: ['talked'],
  thanked: ['thank', 'thanks'],
  declined: ['no', 'said no', 'not now', 'decline'],
  archived: ['archive'],
};

function wordsOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[“”"'‘’`.!?:]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const STAGE_BY_WORDS: ReadonlyMap<string, Stage> = new Map(
  (Object.keys(STAGE_LABELS) as Stage[]).flatMap((stage) =>
    [stage, STAGE_LABELS[stage], ...STAGE_ALIASES[stage]].map((w) => [wordsOf(w), stage] as const),
  ),
);

/**
 * The stage a member means by what they typed: its label as shown ("Chat booked", "said no for now"),
 * its short name ("scheduled") or an older word ("booked"), in any case. Null when none fits.
 */
export function stageFromWords(text: string): Stage | null {
  return STAGE_BY_WORDS.get(wordsOf(text)) ?? null;
}
