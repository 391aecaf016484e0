/**
 * Reading message content (`text`, `blocks`, `attachments`, `metadata`, `markdown_text`) with Slack's checks:
 * `markdown_text_conflict`, `invalid_blocks_format`, `invalid_blocks` (with `errors` and `[ERROR]` messages,
 * Slack's Block Kit reference), `invalid_attachments`, `too_many_attachments` (> 100), `no_text`, `msg_too_long`.
 */
import { validateMessageBlocks, withGeneratedIds } from '../block-kit';
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import type { ApiResponse } from '../types';
import { argString, fail } from './context';

/** chat.postMessage truncation threshold (Slack's chat.postMessage docs: text over 40,000 characters). */
export const POST_TEXT_MAX = 40_000;
/** chat.update: "The `text` field cannot exceed 4,000 characters" (chat.update `msg_too_long`). */
export const UPDATE_TEXT_MAX = 4_000;
const MARKDOWN_TEXT_MAX = 12_000;
const MAX_ATTACHMENTS = 100;

export interface MessageContent {
  text?: string;
  blocks?: JsonObject[];
  attachments?: JsonValue[];
  metadata?: JsonObject;
}

export type ContentResult = { ok: true; content: MessageContent } | { ok: false; response: ApiResponse };

function rejected(response: ApiResponse): ContentResult {
  return { ok: false, response };
}

export function invalidBlocks(errors: string[]): ApiResponse {
  return fail('invalid_blocks', {
    errors,
    response_metadata: { messages: errors.map((e) => `[ERROR] ${e}`) },
  });
}

/** Blocks arrive JSON-decoded when the text parsed; a string left over means it was not JSON. */
function readBlocks(value: JsonValue | undefined): { blocks?: JsonObject[]; error?: ApiResponse } {
  if (value === undefined) return {};
  if (!Array.isArray(value)) return { error: fail('invalid_blocks_format') };
  const errors = validateMessageBlocks(value);
  if (errors.length > 0) return { error: invalidBlocks(errors) };
  return { blocks: value as JsonObject[] };
}

function readAttachments(value: JsonValue | undefined): { attachments?: JsonValue[]; error?: ApiResponse } {
  if (value === undefined) return {};
  if (!Array.isArray(value) || !value.every(isJsonObject)) return { error: fail('invalid_attachments') };
  if (value.length > MAX_ATTACHMENTS) return { error: fail('too_many_attachments') };
  return { attachments: value };
}

export function readContent(args: JsonObject, maxText: number, makeBlockId: () => string): ContentResult {
  const text = argString(args, 'text');
  const markdownText = argString(args, 'markdown_text');
  if (markdownText !== undefined && (text !== undefined || args.blocks !== undefined)) {
    return rejected(fail('markdown_text_conflict'));
  }
  const { blocks, error: blocksError } = readBlocks(args.blocks);
  if (blocksError) return rejected(blocksError);
  const { attachments, error: attachmentsError } = readAttachments(args.attachments);
  if (attachmentsError) return rejected(attachmentsError);
  if (args.metadata !== undefined && !isJsonObject(args.metadata))
    return rejected(fail('invalid_metadata_format'));
  const hasContent =
    Boolean(text?.trim()) || Boolean(markdownText?.trim()) || Boolean(blocks?.length || attachments?.length);
  if (!hasContent) return rejected(fail('no_text'));
  if ((text?.length ?? 0) > maxText || (markdownText?.length ?? 0) > MARKDOWN_TEXT_MAX) {
    return rejected(fail('msg_too_long'));
  }
  return {
    ok: true,
    content: {
      text: text ?? markdownText,
      blocks: blocks ? withGeneratedIds(blocks, makeBlockId) : undefined,
      attachments,
      metadata: isJsonObject(args.metadata) ? args.metadata : undefined,
    },
  };
}
