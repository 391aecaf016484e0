// Warm intros: the requester's answer to `/coach who-knows`, the classmate's DM with Accept / Decline
// (and the pick when several of their people fit), the requester's news, and the kind no. Pure builders.
import type { KnownBlock } from '@slack/types';
import {
  classmateAcceptedText,
  classmateAskHowText,
  classmateAskText,
  classmateDeclinedText,
  classmatePickText,
  hoursUntil,
  introAcceptedText,
  kindNoText,
  type LookingFor,
  lookingFor,
  NO_LONGER_MATCHES_TEXT,
  NOT_IN_COHORT_TEXT,
  QUERY_TOO_LONG_TEXT,
  REQUEST_CLOSED_TEXT,
  REQUEST_NOT_FOUND_TEXT,
  requestLimitText,
  requestOpenText,
  requestSentText,
  WHILE_YOU_WAIT,
  WHO_KNOWS_USAGE,
} from '../../coaching/intros';
import { formatLocal } from '../../coaching/time';
import type { AskDraftView } from '../../services/ask';
import type { IntroAnswer, IntroPerson, WhoKnowsResult } from '../../services/intros';
import type { Message } from '../surfaces';
import { OPEN } from './action-ids';
import { buildAskDraftMessage } from './ask';
import {
  actions,
  button,
  context,
  esc,
  messageText,
  option,
  personLabel,
  section,
  staticSelect,
} from './kit';

/** Buttons and the menu on the classmate's DM; the value is the request id (the menu's: id|contact id). */
export const INTRO_ACTIONS = {
  accept: 'intro.accept',
  decline: 'intro.decline',
  pick: 'intro.pick',
} as const;

export const INTRO_ACTIONS_BLOCK = 'intro_actions';
export const INTRO_KIND_NO_BLOCK = 'intro_kind_no';

/** How many of a classmate's people their DM names (the count says the rest). */
const NAMES_SHOWN = 10;

/** A Slack mention for a user id from the database; anything else reads as "a classmate". */
export function mention(userId: string): string {
  return /^[UW][A-Z0-9]{2,}$/.test(userId) ? `<@${userId}>` : 'a classmate';
}

/** The query as it reads in a sentence, escaped for mrkdwn. */
function target(query: string): LookingFor {
  const found = lookingFor(query);
  return { kind: found.kind, phrase: esc(found.phrase) };
}

// ---------------------------------------------------------------------------------------------
// The requester's answer. It is built from the query alone, never from whom the request reached.

export type WhoKnowsAnswer =
  | Exclude<WhoKnowsResult, { kind: 'sent' | 'open' }>
  | { kind: 'sent' | 'open'; query: string };

/** Narrows a result to what the requester may see (the classmates asked are dropped here). */
export function answerOf(result: WhoKnowsResult): WhoKnowsAnswer {
  if (result.kind === 'sent' || result.kind === 'open') return { kind: result.kind, query: result.query };
  return result;
}

export function buildWhoKnowsAnswer(answer: WhoKnowsAnswer, now: Date): Message {
  switch (answer.kind) {
    case 'usage':
      return { text: WHO_KNOWS_USAGE };
    case 'too_long':
      return { text: QUERY_TOO_LONG_TEXT };
    case 'no_cohort':
      return { text: NOT_IN_COHORT_TEXT };
    case 'limit':
      return { text: requestLimitText(hoursUntil(now, answer.retryAt)) };
    case 'sent':
    case 'open': {
      const said = (answer.kind === 'sent' ? requestSentText : requestOpenText)(target(answer.query));
      return {
        text: messageText(`${said} ${WHILE_YOU_WAIT}`),
        blocks: [section(`:mailbox_with_mail: ${said}`), context(WHILE_YOU_WAIT)],
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// The classmate's DM.

export function pickValue(requestId: string, contactId: string): string {
  return `${requestId}|${contactId}`;
}

export function parsePickValue(value: string | undefined): { requestId: string; contactId: string } | null {
  const [requestId, contactId, ...rest] = (value ?? '').split('|');
  return requestId && contactId && rest.length === 0 ? { requestId, contactId } : null;
}

function peopleLine(matches: readonly IntroPerson[]): string {
  const shown = matches.slice(0, NAMES_SHOWN).map((m) => esc(personLabel(m)));
  const more = matches.length > NAMES_SHOWN ? ` and ${matches.length - NAMES_SHOWN} more` : '';
  return `From your list (only you see this): ${shown.join('; ')}${more}.`;
}

export function buildClassmateAskMessage(input: {
  requestId: string;
  requesterUserId: string;
  query: string;
  matches: readonly IntroPerson[];
}): Message {
  const who = mention(input.requesterUserId);
  const ask = classmateAskText(who, target(input.query), input.matches.length);
  return {
    text: messageText(ask),
    blocks: [
      section(`:wave: ${ask}`),
      context(peopleLine(input.matches)),
      context(classmateAskHowText(who)),
      actions(INTRO_ACTIONS_BLOCK, [
        button('Accept', INTRO_ACTIONS.accept, input.requestId, 'primary'),
        button('Decline', INTRO_ACTIONS.decline, input.requestId),
      ]),
    ],
  };
}

export function buildPickMessage(input: {
  requestId: string;
  requesterUserId: string;
  query: string;
  options: readonly IntroPerson[];
}): Message {
  const who = mention(input.requesterUserId);
  const ask = classmateAskText(who, target(input.query), input.options.length);
  const pick = classmatePickText(who);
  return {
    text: messageText(pick),
    blocks: [
      section(`:wave: ${ask}`),
      section(pick),
      actions(INTRO_ACTIONS_BLOCK, [
        staticSelect(
          INTRO_ACTIONS.pick,
          input.options.map((o) => option(personLabel(o), pickValue(input.requestId, o.id))),
          { placeholder: 'Choose who to introduce' },
        ),
        button('Decline', INTRO_ACTIONS.decline, input.requestId),
      ]),
    ],
  };
}

/** What replaces the classmate's DM once they answered (or it closed): no buttons left. */
export function buildClassmateOutcome(
  outcome:
    | { kind: 'accepted'; requesterUserId: string; contactName: string }
    | { kind: 'declined'; requesterUserId: string }
    | { kind: 'closed' },
): Message {
  const text =
    outcome.kind === 'accepted'
      ? `:white_check_mark: ${classmateAcceptedText(mention(outcome.requesterUserId), esc(outcome.contactName))}`
      : outcome.kind === 'declined'
        ? classmateDeclinedText(mention(outcome.requesterUserId))
        : REQUEST_CLOSED_TEXT;
  return { text: messageText(text), blocks: [section(text)] };
}

/** A click on a request answered before: what happened then; nothing changes. */
export function answeredText(answer: Extract<IntroAnswer, { kind: 'answered' }>): string {
  const on = answer.at ? ` on ${formatLocal(answer.at, answer.tz, 'date')}` : '';
  switch (answer.status) {
    case 'accepted':
      return `You already accepted this request${on}${answer.contactName ? ` and introduced ${esc(answer.contactName)}` : ''}, so nothing changed.`;
    case 'declined':
      return `You already declined this request${on}, so nothing changed. Thanks for letting me know.`;
    case 'expired':
      return REQUEST_CLOSED_TEXT;
  }
}

/** The outcome the DM shows for a request answered before (to put it right if it still had buttons). */
export function outcomeOfAnswered(answer: Extract<IntroAnswer, { kind: 'answered' }>): Message {
  if (answer.status === 'accepted' && answer.contactName) {
    return buildClassmateOutcome({
      kind: 'accepted',
      requesterUserId: answer.requesterUserId,
      contactName: answer.contactName,
    });
  }
  if (answer.status === 'declined') {
    return buildClassmateOutcome({ kind: 'declined', requesterUserId: answer.requesterUserId });
  }
  return buildClassmateOutcome({ kind: 'closed' });
}

export const INTRO_NOT_FOUND_TEXT = REQUEST_NOT_FOUND_TEXT;
export const INTRO_NO_LONGER_MATCHES_TEXT = NO_LONGER_MATCHES_TEXT;

// ---------------------------------------------------------------------------------------------
// The requester's news.

export function buildIntroAcceptedMessage(input: {
  classmateUserId: string;
  contact: IntroPerson;
  alreadyOnList: boolean;
  draft: AskDraftView | null;
}): Message {
  const news = introAcceptedText({
    classmate: mention(input.classmateUserId),
    contactName: esc(input.contact.name),
    role: input.contact.role ? esc(input.contact.role) : null,
    company: input.contact.company ? esc(input.contact.company) : null,
    alreadyOnList: input.alreadyOnList,
  });
  const draft = input.draft ? buildAskDraftMessage(input.draft) : null;
  const blocks: KnownBlock[] = [section(news), ...(draft?.blocks ?? [])];
  if (!draft) blocks.push(actions(INTRO_KIND_NO_BLOCK, [button('Draft the ask', OPEN.ask, '')]));
  return { text: messageText(news), blocks };
}

export function buildKindNoMessage(query: string): Message {
  const text = kindNoText(target(query));
  return {
    text: messageText(text),
    blocks: [
      section(text),
      actions(INTRO_KIND_NO_BLOCK, [button('Add someone yourself', OPEN.addTarget, '')]),
    ],
  };
}
