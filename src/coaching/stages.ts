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
