/**
 * File uploads in three steps, as @slack/web-api `files.uploadV2` performs them:
 * files.getUploadURLExternal → POST of the bytes to the returned `upload_url` → files.completeUploadExternal
 * (which shares the files into `channel_id` as a message when given).
 */
import { validateMessageBlocks, withGeneratedIds } from '../block-kit';
import { isJsonObject, type JsonObject } from '../json';
import type { StoredFile, StoredMessage } from '../types';
import { resolveMemberChannel } from './channels';
import { invalidBlocks } from './content';
import {
  argInt,
  argString,
  type BotAuth,
  fail,
  invalidArguments,
  type MethodContext,
  type MethodSpec,
  ok,
} from './context';
import { teamDomain } from './shapes';

const MIME_TYPES: Record<string, string> = {
  txt: 'text/plain',
  csv: 'text/csv',
  md: 'text/markdown',
  json: 'application/json',
  ics: 'text/calendar',
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
};

function fileType(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot >= 0 ? filename.slice(dot + 1).toLowerCase() : 'binary';
}

function fileObject(file: StoredFile, team: BotAuth['team'], baseUrl: string): Record<string, unknown> {
  const filetype = fileType(file.filename);
  return {
    id: file.id,
    created: file.created,
    timestamp: file.created,
    name: file.filename,
    title: file.title ?? file.filename,
    mimetype: MIME_TYPES[filetype] ?? 'application/octet-stream',
    filetype,
    user: team.botUserId,
    user_team: team.id,
    size: file.data?.length ?? file.length,
    is_external: false,
    is_public: file.channels.length > 0,
    url_private: `${baseUrl}/files/${file.id}/${encodeURIComponent(file.filename)}`,
    permalink: `https://${teamDomain(team)}.slack.com/files/${team.botUserId}/${file.id}`,
    channels: [...file.channels],
    ...(file.altText ? { alt_txt: file.altText } : {}),
  };
}

function getUploadUrl({ args, auth, state, baseUrl }: MethodContext<BotAuth>) {
  const filename = argString(args, 'filename');
  if (!filename) return invalidArguments(['missing required field: filename']);
  const length = argInt(args, 'length');
  if (length === undefined) return invalidArguments(['missing required field: length']);
  if (Number.isNaN(length) || length < 1)
    return invalidArguments(['must be at least 1 [json-pointer:/length]']);
  const id = state.ids.next('F');
  const altText = argString(args, 'alt_txt') ?? argString(args, 'alt_text');
  const snippetType = argString(args, 'snippet_type');
  state.files.set(id, {
    id,
    teamId: auth.team.id,
    filename,
    length,
    ...(altText ? { altText } : {}),
    ...(snippetType ? { snippetType } : {}),
    completed: false,
    channels: [],
    created: state.nowSeconds(),
  });
  return ok({ upload_url: `${baseUrl}/upload/v1/${id}`, file_id: id });
}

function readFileList(args: JsonObject): { id: string; title?: string }[] | undefined {
  const files = args.files;
  if (!Array.isArray(files) || files.length === 0) return undefined;
  const list: { id: string; title?: string }[] = [];
  for (const entry of files) {
    if (!isJsonObject(entry) || typeof entry.id !== 'string') return undefined;
    list.push({ id: entry.id, ...(typeof entry.title === 'string' ? { title: entry.title } : {}) });
  }
  return list;
}

function completeUpload(ctx: MethodContext<BotAuth>) {
  const { args, auth, state } = ctx;
  const requested = readFileList(args);
  if (!requested) return invalidArguments(['missing required field: files']);
  const files: StoredFile[] = [];
  for (const { id } of requested) {
    const file = state.files.get(id);
    // A file whose bytes never reached the upload URL cannot be completed.
    if (!file || file.teamId !== auth.team.id || !file.data || file.completed) return fail('file_not_found');
    files.push(file);
  }
  const channelId = argString(args, 'channel_id') ?? argString(args, 'channels');
  const target = channelId ? resolveMemberChannel(state, auth.team, channelId) : undefined;
  if (target && !target.ok) return fail(target.error);
  const blocks = args.blocks;
  if (blocks !== undefined) {
    if (!Array.isArray(blocks)) return fail('invalid_blocks_format');
    const errors = validateMessageBlocks(blocks);
    if (errors.length > 0) return invalidBlocks(errors);
  }
  requested.forEach(({ title }, i) => {
    const file = files[i];
    if (!file) return;
    file.completed = true;
    if (title) file.title = title;
    if (target?.ok) file.channels.push(target.channel.id);
  });
  if (target?.ok) shareIntoChannel(ctx, target.channel.id, files);
  return ok({ files: files.map((f) => fileObject(f, auth.team, ctx.baseUrl)) });
}

function shareIntoChannel(ctx: MethodContext<BotAuth>, channel: string, files: StoredFile[]): void {
  const { args, auth, state } = ctx;
  const threadTs = argString(args, 'thread_ts');
  const blocks = Array.isArray(args.blocks) ? args.blocks.filter(isJsonObject) : undefined;
  const message: StoredMessage = {
    channel,
    ts: state.ids.ts(),
    teamId: auth.team.id,
    user: auth.team.botUserId,
    botId: auth.team.botId,
    ...(auth.team.appId ? { appId: auth.team.appId } : {}),
    text: argString(args, 'initial_comment') ?? '',
    ...(blocks ? { blocks: withGeneratedIds(blocks, () => state.ids.blockId()) } : {}),
    ...(threadTs ? { threadTs } : {}),
    ephemeral: false,
    source: 'files.completeUploadExternal',
    fileIds: files.map((f) => f.id),
  };
  state.addMessage(message);
}

export const fileMethods: Record<string, MethodSpec> = {
  'files.getUploadURLExternal': { auth: 'bot', json: false, handle: getUploadUrl },
  'files.completeUploadExternal': { auth: 'bot', json: false, handle: completeUpload },
};
