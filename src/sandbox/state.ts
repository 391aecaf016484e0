/** Workspace state of the stand-in: teams, users, channels, tokens, messages, files. */
import { IdFactory, randomHex } from './ids';
import type {
  OAuthCodeOptions,
  ScheduledMessage,
  StandInChannel,
  StandInTeam,
  StandInUser,
  StoredFile,
  StoredMessage,
  TokenRevocationError,
} from './types';
import { ViewStore } from './view-store';

export interface ChannelRecord {
  id: string;
  teamId: string;
  name: string;
  members: string[];
  isPrivate: boolean;
  isIm: boolean;
  isMpim: boolean;
  /** For an IM: the human side of the conversation. */
  imUser?: string;
  /** Unix seconds. */
  created: number;
}

export type TokenStatus =
  | { kind: 'bot'; team: StandInTeam }
  | { kind: 'app'; appId?: string }
  | { kind: 'revoked'; error: TokenRevocationError }
  | { kind: 'expired' }
  | { kind: 'unknown' };

export interface OAuthCodeRecord {
  team: StandInTeam;
  options: OAuthCodeOptions;
  used: boolean;
}

/** Slack's lifetime of a rotating access token: 12 hours. */
export const ROTATING_TOKEN_LIFETIME_SECONDS = 43_200;

/** A refresh token of a team installed with token rotation on; it works once. */
export interface RefreshTokenRecord {
  teamId: string;
  expiresInSeconds: number;
  /** The bot scopes granted, as oauth.v2.access reports them (comma-separated). */
  scope: string;
  used: boolean;
}

export interface IssuedTokens {
  accessToken: string;
  refreshToken: string;
  expiresInSeconds: number;
}

export const DEFAULT_TZ = 'America/Los_Angeles';

function assertTimeZone(tz: string): void {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
  } catch {
    throw new Error(`Unknown IANA time zone: ${tz}`);
  }
}

export class SandboxState {
  readonly ids: IdFactory;
  readonly views: ViewStore;
  readonly teams = new Map<string, StandInTeam>();
  readonly users = new Map<string, StandInUser>();
  readonly channels = new Map<string, ChannelRecord>();
  readonly files = new Map<string, StoredFile>();
  readonly scheduled: ScheduledMessage[] = [];
  readonly oauthCodes = new Map<string, OAuthCodeRecord>();
  oauthClient?: { clientId: string; clientSecret: string };
  private readonly messagesByChannel = new Map<string, StoredMessage[]>();
  private readonly revoked = new Map<string, TokenRevocationError>();
  private readonly appTokens = new Map<string, string | undefined>();
  private readonly dmByUser = new Map<string, string>();
  /** Expiring bot tokens (token rotation): the team each acts for and when it stops working (ms). */
  private readonly expiringTokens = new Map<string, { teamId: string; expiresAtMs: number }>();
  private readonly refreshTokens = new Map<string, RefreshTokenRecord>();

  constructor(readonly clock: () => number) {
    this.ids = new IdFactory(clock);
    this.views = new ViewStore(clock, this.ids);
  }

  nowSeconds(): number {
    return Math.floor(this.clock() / 1000);
  }

  // ---- teams, users, channels -------------------------------------------------------------

  addTeam(team: StandInTeam): void {
    this.teams.set(team.id, { ...team });
    if (!this.users.has(team.botUserId)) {
      this.users.set(team.botUserId, { id: team.botUserId, teamId: team.id, name: 'bot', isBot: true });
    }
  }

  addUser(user: StandInUser): void {
    if (!this.teams.has(user.teamId)) throw new Error(`addUser: unknown team ${user.teamId}`);
    if (user.tz !== undefined) assertTimeZone(user.tz);
    this.users.set(user.id, { ...user });
  }

  addChannel(channel: StandInChannel): void {
    if (!this.teams.has(channel.teamId)) throw new Error(`addChannel: unknown team ${channel.teamId}`);
    this.channels.set(channel.id, {
      id: channel.id,
      teamId: channel.teamId,
      name: channel.name,
      members: [...new Set(channel.members)],
      isPrivate: channel.isPrivate ?? false,
      isIm: false,
      isMpim: false,
      created: this.nowSeconds(),
    });
  }

  addMember(channelId: string, userId: string): void {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`addMember: unknown channel ${channelId}`);
    if (!channel.members.includes(userId)) channel.members.push(userId);
  }

  removeMember(channelId: string, userId: string): void {
    const channel = this.channels.get(channelId);
    if (!channel) throw new Error(`removeMember: unknown channel ${channelId}`);
    channel.members = channel.members.filter((id) => id !== userId);
  }

  userInTeam(teamId: string, userId: string): StandInUser | undefined {
    const user = this.users.get(userId);
    return user && user.teamId === teamId ? user : undefined;
  }

  /** Finds a conversation of the team by id, or by name (`general` or `#general`), as chat.postMessage allows. */
  findChannel(teamId: string, idOrName: string): ChannelRecord | undefined {
    const byId = this.channels.get(idOrName);
    if (byId) return byId.teamId === teamId ? byId : undefined;
    const name = idOrName.replace(/^#/, '');
    for (const channel of this.channels.values()) {
      if (channel.teamId === teamId && !channel.isIm && !channel.isMpim && channel.name === name)
        return channel;
    }
    return undefined;
  }

  /** The IM between the team's bot and the user, created on first use. */
  dmChannelFor(teamId: string, userId: string): string {
    const key = `${teamId}:${userId}`;
    const existing = this.dmByUser.get(key);
    if (existing) return existing;
    const team = this.requireTeam(teamId);
    const id = this.ids.next('D');
    this.channels.set(id, {
      id,
      teamId,
      name: userId,
      members: [userId, team.botUserId],
      isPrivate: true,
      isIm: true,
      isMpim: false,
      imUser: userId,
      created: this.nowSeconds(),
    });
    this.dmByUser.set(key, id);
    return id;
  }

  hasDmChannel(teamId: string, userId: string): boolean {
    return this.dmByUser.has(`${teamId}:${userId}`);
  }

  /** A multi-person IM with the given members (and the bot), reused when the same set is opened again. */
  mpimFor(teamId: string, userIds: string[]): { id: string; created: boolean } {
    const team = this.requireTeam(teamId);
    const members = [...new Set([...userIds, team.botUserId])];
    const key = [...members].sort().join(',');
    for (const channel of this.channels.values()) {
      if (channel.teamId === teamId && channel.isMpim && [...channel.members].sort().join(',') === key) {
        return { id: channel.id, created: false };
      }
    }
    const id = this.ids.next('G');
    this.channels.set(id, {
      id,
      teamId,
      name: `mpdm-${members.join('--')}-1`,
      members,
      isPrivate: true,
      isIm: false,
      isMpim: true,
      created: this.nowSeconds(),
    });
    return { id, created: true };
  }

  requireTeam(teamId: string): StandInTeam {
    const team = this.teams.get(teamId);
    if (!team) throw new Error(`Unknown team ${teamId}`);
    return team;
  }

  // ---- tokens -------------------------------------------------------------------------------

  addAppToken(token: string, appId?: string): void {
    this.appTokens.set(token, appId);
  }

  revokeToken(token: string, error: TokenRevocationError): void {
    this.revoked.set(token, error);
  }

  /**
   * A new expiring bot token and refresh token for the team (token rotation), the token becoming the
   * team's current one. Earlier access tokens keep working until their own expiry.
   */
  issueRotatingTokens(teamId: string, expiresInSeconds: number, scope: string): IssuedTokens {
    const team = this.requireTeam(teamId);
    const accessToken = `xoxe.xoxb-1-${randomHex(24)}`;
    const refreshToken = `xoxe-1-${randomHex(24)}`;
    this.expiringTokens.set(accessToken, { teamId, expiresAtMs: this.clock() + expiresInSeconds * 1000 });
    this.refreshTokens.set(refreshToken, { teamId, expiresInSeconds, scope, used: false });
    team.botToken = accessToken;
    return { accessToken, refreshToken, expiresInSeconds };
  }

  /** Claims a refresh token: its record the first time, undefined after (or for an unknown one). */
  useRefreshToken(refreshToken: string): RefreshTokenRecord | undefined {
    const record = this.refreshTokens.get(refreshToken);
    if (!record || record.used || !this.teams.has(record.teamId)) return undefined;
    record.used = true;
    return record;
  }

  tokenStatus(token: string): TokenStatus {
    const revokedWith = this.revoked.get(token);
    if (revokedWith) return { kind: 'revoked', error: revokedWith };
    const expiring = this.expiringTokens.get(token);
    if (expiring) {
      const team = this.teams.get(expiring.teamId);
      if (!team) return { kind: 'unknown' };
      return this.clock() >= expiring.expiresAtMs ? { kind: 'expired' } : { kind: 'bot', team };
    }
    for (const team of this.teams.values()) {
      if (team.botToken === token) return { kind: 'bot', team };
    }
    if (this.appTokens.has(token)) return { kind: 'app', appId: this.appTokens.get(token) };
    return { kind: 'unknown' };
  }

  teamIdForToken(token: string | undefined): string | undefined {
    if (!token) return undefined;
    const expiring = this.expiringTokens.get(token);
    if (expiring) return expiring.teamId;
    for (const team of this.teams.values()) {
      if (team.botToken === token) return team.id;
    }
    return undefined;
  }

  // ---- messages -----------------------------------------------------------------------------

  addMessage(message: StoredMessage): void {
    const list = this.messagesByChannel.get(message.channel) ?? [];
    list.push(message);
    this.messagesByChannel.set(message.channel, list);
  }

  messages(channelId: string): StoredMessage[] {
    return [...(this.messagesByChannel.get(channelId) ?? [])];
  }

  findMessage(channelId: string, ts: string): StoredMessage | undefined {
    return this.messagesByChannel.get(channelId)?.find((m) => m.ts === ts);
  }

  removeMessage(channelId: string, ts: string): void {
    const list = this.messagesByChannel.get(channelId);
    if (!list) return;
    const index = list.findIndex((m) => m.ts === ts);
    if (index >= 0) list.splice(index, 1);
  }
}
