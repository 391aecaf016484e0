/**
 * `response_url` endpoints (what Bolt's `respond()` POSTs JSON to, Slack's OAuth and SDK docs).
 * Like Slack: messages are ephemeral to the invoking user unless `response_type: "in_channel"`;
 * `replace_original` / `delete_original` act on the message the interaction came from.
 * Slack allows a response_url to be used up to 5 times within 30 minutes (secondary sources, §1.2).
 * Errors answer non-2xx, which Bolt 5 turns into a `RespondError`.
 */
import { randomHex } from './ids';
import { isJsonObject, type JsonObject } from './json';
import { POST_TEXT_MAX, readContent } from './methods/content';
import type { SandboxState } from './state';
import type { ApiResponse, StoredMessage } from './types';

const RESPONSE_URL_MAX_USES = 5;
const RESPONSE_URL_LIFETIME_MS = 30 * 60 * 1000;

interface ResponseUrlRecord {
  teamId: string;
  channelId: string;
  userId: string;
  messageTs?: string;
  createdAt: number;
  uses: number;
}

export interface ResponseUrlAnswer {
  status: number;
  body: ApiResponse;
  teamId?: string;
}

export class ResponseUrls {
  private readonly records = new Map<string, ResponseUrlRecord>();

  constructor(private readonly state: SandboxState) {}

  /** Registers a response URL and returns its path (`/response_url/<id>`). */
  create(teamId: string, channelId: string, userId: string, messageTs?: string): string {
    this.state.requireTeam(teamId);
    const id = randomHex(12);
    this.records.set(id, {
      teamId,
      channelId,
      userId,
      ...(messageTs ? { messageTs } : {}),
      createdAt: this.state.clock(),
      uses: 0,
    });
    return `/response_url/${id}`;
  }

  handle(id: string, body: JsonObject | undefined): ResponseUrlAnswer {
    const record = this.records.get(id);
    if (!record) return { status: 404, body: { ok: false, error: 'invalid_url' } };
    const teamId = record.teamId;
    if (this.state.clock() - record.createdAt > RESPONSE_URL_LIFETIME_MS) {
      return { status: 404, body: { ok: false, error: 'expired_url' }, teamId };
    }
    if (record.uses >= RESPONSE_URL_MAX_USES)
      return { status: 404, body: { ok: false, error: 'used_url' }, teamId };
    if (!body) return { status: 400, body: { ok: false, error: 'invalid_payload' }, teamId };
    const answer = this.apply(record, body);
    if (answer.status === 200) record.uses += 1;
    return { ...answer, teamId };
  }

  private apply(record: ResponseUrlRecord, body: JsonObject): ResponseUrlAnswer {
    if (body.delete_original === true) return this.deleteOriginal(record);
    const content = readContent(body, POST_TEXT_MAX, () => this.state.ids.blockId());
    if (!content.ok) return { status: 400, body: content.response };
    const { text, blocks, attachments } = content.content;
    if (body.replace_original === true) {
      const original = this.original(record);
      if (!original) return { status: 404, body: { ok: false, error: 'message_not_found' } };
      original.text = text ?? '';
      original.blocks = blocks;
      original.attachments = attachments;
      original.editedTs = this.state.ids.ts();
      return { status: 200, body: { ok: true } };
    }
    const team = this.state.requireTeam(record.teamId);
    const inChannel = body.response_type === 'in_channel';
    const threadTs = typeof body.thread_ts === 'string' ? body.thread_ts : undefined;
    const message: StoredMessage = {
      channel: record.channelId,
      ts: this.state.ids.ts(),
      teamId: team.id,
      user: team.botUserId,
      botId: team.botId,
      ...(team.appId ? { appId: team.appId } : {}),
      text: text ?? '',
      ...(blocks ? { blocks } : {}),
      ...(attachments ? { attachments } : {}),
      ...(threadTs ? { threadTs } : {}),
      ephemeral: !inChannel,
      ...(inChannel ? {} : { recipient: record.userId }),
      source: 'response_url',
    };
    this.state.addMessage(message);
    return { status: 200, body: { ok: true } };
  }

  private original(record: ResponseUrlRecord): StoredMessage | undefined {
    return record.messageTs ? this.state.findMessage(record.channelId, record.messageTs) : undefined;
  }

  private deleteOriginal(record: ResponseUrlRecord): ResponseUrlAnswer {
    const original = this.original(record);
    if (!original) return { status: 404, body: { ok: false, error: 'message_not_found' } };
    this.state.removeMessage(original.channel, original.ts);
    return { status: 200, body: { ok: true } };
  }
}

export function parseResponseUrlBody(text: string): JsonObject | undefined {
  try {
    const parsed: unknown = JSON.parse(text);
    return isJsonObject(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}
