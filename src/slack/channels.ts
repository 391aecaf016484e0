// What the cohort features ask Slack about channels and people: whether the app is in a channel, who is
// in it (every page), and who is a person rather than a bot.
import type { WebClient } from '@slack/web-api';

/** conversations.members page size (Slack recommends no more than 200). */
export const MEMBERS_PAGE = 200;

/** Web API calls made at once when looking up many people. */
const LOOKUPS_AT_ONCE = 4;

export type ChannelCheck =
  | { ok: true }
  | {
      ok: false;
      /** `not_in_channel`: the app is not a member (or cannot see the channel); `not_a_channel`: a DM. */
      reason: 'not_in_channel' | 'not_a_channel';
    };

function slackErrorCode(error: unknown): string | undefined {
  return (error as { data?: { error?: unknown } } | null)?.data?.error as string | undefined;
}

/**
 * Whether the app is in the channel. A private channel it is not in is `channel_not_found` to it; a
 * public one answers with `is_member: false`.
 */
export async function appInChannel(client: WebClient, channelId: string): Promise<ChannelCheck> {
  try {
    const info = await client.conversations.info({ channel: channelId });
    const channel = info.channel;
    if (!channel || channel.is_im || channel.is_mpim) return { ok: false, reason: 'not_a_channel' };
    return channel.is_member ? { ok: true } : { ok: false, reason: 'not_in_channel' };
  } catch (error) {
    const code = slackErrorCode(error);
    if (code === 'channel_not_found' || code === 'not_in_channel')
      return { ok: false, reason: 'not_in_channel' };
    throw error;
  }
}

/** Everyone in the channel (bots included), following every page of conversations.members. */
export async function channelMemberIds(client: WebClient, channelId: string): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const page = await client.conversations.members({ channel: channelId, limit: MEMBERS_PAGE, cursor });
    ids.push(...(page.members ?? []));
    cursor = page.response_metadata?.next_cursor || undefined;
  } while (cursor);
  return [...new Set(ids)];
}

export interface PersonFacts {
  /** A bot user, or a deactivated account: never a cohort member. */
  notAPerson: boolean;
  /** Workspace admin or owner. */
  isAdmin: boolean;
  tz: string | null;
  name: string;
}

/** What users.info says about someone. */
export async function personFacts(client: WebClient, userId: string): Promise<PersonFacts> {
  const { user } = await client.users.info({ user: userId });
  return {
    notAPerson: Boolean(user?.is_bot || user?.deleted),
    isAdmin: Boolean(user?.is_admin || user?.is_owner || user?.is_primary_owner),
    tz: user?.tz ?? null,
    name: user?.real_name || user?.name || userId,
  };
}

/**
 * The people among these Slack users: the app's own bot user, other bots and deactivated accounts left
 * out. Someone Slack cannot tell us about (users.info fails) is left out too, and counted in `unknown`.
 */
export async function peopleAmong(
  client: WebClient,
  userIds: readonly string[],
  botUserId: string | undefined,
): Promise<{ people: string[]; unknown: number }> {
  const candidates = userIds.filter((id) => id !== botUserId);
  const verdicts = new Map<string, boolean>();
  let unknown = 0;
  let next = 0;
  const worker = async () => {
    while (next < candidates.length) {
      const userId = candidates[next++] as string;
      try {
        verdicts.set(userId, !(await personFacts(client, userId)).notAPerson);
      } catch {
        unknown += 1;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(LOOKUPS_AT_ONCE, candidates.length) }, worker));
  return { people: candidates.filter((id) => verdicts.get(id) === true), unknown };
}
