// Pieces the outreach listeners share: opening the ask modal from anywhere, the prep DM, what Slack
// knows about the member (first name for sign-offs, timezone), and where a clicked message lives.
import type { ModalView } from '@slack/types';
import type { WebClient } from '@slack/web-api';
import { firstName } from '../../../coaching/text';
import type { Scope } from '../../../core/scope';
import type { Log } from '../../../log';
import { type AskFormRequest, askForm } from '../../../services/ask';
import {
  knownSlackName,
  knownTimezone,
  prepSheet,
  rememberSlackName,
  rememberSlackTz,
} from '../../../services/prep';
import type { AppDeps } from '../../deps';
import { openModal, sendDm, updateView } from '../../surfaces';
import { buildAskModal } from '../../views/ask';
import { buildPrepMessage } from '../../views/prep';

export interface SlackUserFacts {
  firstName: string | null;
  /** How the member signs a draft: their real name, else their display name; never the handle. */
  name: string | null;
  tz: string | null;
}

/** users.info, reduced to what the coach uses. Never fails: unknown facts are null. */
export async function slackUserFacts(client: WebClient, userId: string, log: Log): Promise<SlackUserFacts> {
  try {
    const res = await client.users.info({ user: userId });
    const user = res.user;
    const name = user?.profile?.first_name || user?.real_name || user?.profile?.real_name || '';
    const signed = user?.profile?.real_name || user?.real_name || user?.profile?.display_name || '';
    return { firstName: firstName(name) || null, name: signed.trim() || null, tz: user?.tz || null };
  } catch (error) {
    log.warn({ user: userId, err: String(error) }, 'users.info failed');
    return { firstName: null, name: null, tz: null };
  }
}

/** users.info for the member, remembering their name (drafts made later without Slack are signed with it). */
export async function memberFacts(client: WebClient, deps: AppDeps, scope: Scope): Promise<SlackUserFacts> {
  const facts = await slackUserFacts(client, scope.userId, deps.log);
  if (facts.name) {
    await rememberSlackName(deps.db, scope, facts.name).catch((error: unknown) =>
      deps.log.warn({ user: scope.userId, err: String(error) }, 'could not remember the name'),
    );
  }
  return facts;
}

/**
 * The first name a draft is signed with: the one Slack gave last time, or (the first time) asked of
 * Slack now. Never a handle.
 */
export async function signerFirstName(
  client: WebClient,
  deps: AppDeps,
  scope: Scope,
  /** The name already read with the member's row, when the caller has it. */
  knownName?: string | null,
): Promise<string | null> {
  const known = knownName ?? (await knownSlackName(deps.db, scope));
  if (known) return firstName(known) || null;
  return (await memberFacts(client, deps, scope)).firstName;
}

/** The member's timezone; asks Slack (and remembers the answer) when neither they nor Slack told us yet. */
export async function ensureTimezone(client: WebClient, deps: AppDeps, scope: Scope): Promise<string> {
  const known = await knownTimezone(deps.db, scope);
  if (known) return known;
  const { tz } = await memberFacts(client, deps, scope);
  if (!tz) return 'UTC';
  await rememberSlackTz(deps.db, scope, tz);
  return tz;
}

/** Opens "Draft an ask" for a typed name, a contact id, or with nobody chosen yet. */
export async function openAskModal(
  client: WebClient,
  deps: AppDeps,
  scope: Scope,
  triggerId: string,
  request: AskFormRequest,
): Promise<void> {
  await openModal(
    client,
    triggerId,
    'Draft an ask',
    async () => {
      const [form, facts] = await Promise.all([
        askForm(deps.db, scope, request),
        memberFacts(client, deps, scope),
      ]);
      if (facts.tz && !(await knownTimezone(deps.db, scope))) await rememberSlackTz(deps.db, scope, facts.tz);
      return buildAskModal({ ...form, senderFirstName: facts.name });
    },
    deps.log,
  );
}

/** DMs the prep sheet for one of the member's contacts; false when the contact is not theirs. */
export async function sendPrepDm(
  client: WebClient,
  deps: AppDeps,
  scope: Scope,
  contactId: string,
): Promise<boolean> {
  const sheet = await prepSheet(deps.db, scope, contactId);
  if (!sheet) return false;
  await sendDm(client, scope.userId, buildPrepMessage(sheet));
  return true;
}

/**
 * Opens a form from a button: in place of the modal the button sits in (a notice such as "Goals
 * saved"), or as a new modal from a message or the Home tab.
 */
export async function openFromClick(
  client: WebClient,
  body: { trigger_id: string; view?: { id: string; type: string } },
  title: string,
  build: () => Promise<ModalView>,
  log: Log,
): Promise<void> {
  if (body.view?.type === 'modal') {
    await updateView(client, { viewId: body.view.id, view: await build() }, log);
    return;
  }
  await openModal(client, body.trigger_id, title, build, log);
}

interface MessageBody {
  channel?: { id: string };
  message?: { ts: string };
  container?: Record<string, unknown>;
}

/** The channel and ts of the message a button was clicked in, when it was one. */
export function clickedMessage(body: MessageBody): { channel: string; ts: string } | null {
  const channel = body.channel?.id ?? (body.container?.channel_id as string | undefined);
  const ts = body.message?.ts ?? (body.container?.message_ts as string | undefined);
  return channel && ts ? { channel, ts } : null;
}
