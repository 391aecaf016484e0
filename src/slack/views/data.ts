// `/coach export` and `/coach forget`: a copy of everything, and deleting everything.
import type { ModalView } from '@slack/types';
import { plural } from '../../coaching/text';
import type { DataExport, ForgetPreview } from '../../services/data';
import type { DeletedCounts } from '../../store/data';
import type { Message } from '../surfaces';
import type { EphemeralMessage } from './help';
import { context, modal, section } from './kit';

export const FORGET_CALLBACK_ID = 'forget_confirm';

export function exportStartedMessage(): EphemeralMessage {
  return {
    response_type: 'ephemeral',
    text: 'Putting your data together: it will arrive in our DM in a moment, as CSV files and one JSON file.',
  };
}

/** The comment posted with the uploaded files. */
export function exportComment(data: DataExport): string {
  return (
    `Here is everything you have in the coach: ${plural(data.counts.contacts, 'person', 'people')} and ` +
    `${plural(data.counts.conversations, 'conversation', 'conversations')}. The CSV files open in any ` +
    'spreadsheet; the JSON file holds the same in one document.'
  );
}

export function exportFailedText(): string {
  return 'I could not deliver your export just now. Nothing was changed; please try `/coach export` again in a moment.';
}

export function buildForgetModal(preview: ForgetPreview): ModalView {
  const what = [
    plural(preview.contacts, 'person', 'people'),
    plural(preview.conversations, 'conversation', 'conversations'),
    plural(preview.skills, 'skill', 'skills'),
    plural(preview.keywords, 'keyword', 'keywords'),
  ].join(', ');
  return modal({
    callbackId: FORGET_CALLBACK_ID,
    title: 'Delete your data',
    submit: 'Delete everything',
    close: 'Keep my data',
    blocks: [
      section(
        '*This deletes everything the coach keeps about you in this workspace:* your people and their stages, ' +
          'the asks you drafted, your conversation notes and thank-yous, your skills plan and keywords, ' +
          'your settings, any nudges waiting to be sent, and your cohort memberships.',
      ),
      section(`Right now that is ${what}.`),
      context(
        'It cannot be undone. Want a copy first? Close this and run `/coach export`. Nobody else’s data is touched.',
      ),
    ],
  });
}

export function buildForgottenMessage(deleted: DeletedCounts): Message {
  const text =
    deleted.member === 0
      ? 'There was nothing stored about you, so there was nothing to delete. You can start fresh any time with `/coach add`.'
      : `Done: everything is deleted — ${plural(deleted.contacts, 'person', 'people')}, ` +
        `${plural(deleted.conversations, 'conversation', 'conversations')} and all your notes, skills and keywords. ` +
        'If you come back, `/coach add` starts a fresh list.';
  return { text, blocks: [section(text)] };
}
