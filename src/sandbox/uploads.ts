/**
 * The upload URL returned by files.getUploadURLExternal. @slack/web-api POSTs the file there as
 * multipart/form-data (or raw bytes); Slack answers 200 with `OK - <bytes>`.
 */
import { mediaType } from './request';
import type { SandboxState } from './state';

export interface UploadAnswer {
  status: number;
  text: string;
}

async function fileBytes(contentType: string | undefined, body: Buffer): Promise<Buffer> {
  if (mediaType(contentType) !== 'multipart/form-data') return body;
  const form = await new Response(new Uint8Array(body), {
    headers: { 'content-type': contentType ?? '' },
  }).formData();
  for (const value of form.values()) {
    if (typeof value !== 'string') return Buffer.from(await value.arrayBuffer());
  }
  const text = form.get('body') ?? form.get('file');
  return Buffer.from(typeof text === 'string' ? text : '');
}

export async function receiveUpload(
  state: SandboxState,
  fileId: string,
  contentType: string | undefined,
  body: Buffer,
): Promise<UploadAnswer> {
  const file = state.files.get(fileId);
  if (!file || file.completed) return { status: 404, text: 'Not Found' };
  let data: Buffer;
  try {
    data = await fileBytes(contentType, body);
  } catch {
    return { status: 400, text: 'Bad Request' };
  }
  file.data = data;
  return { status: 200, text: `OK - ${data.length}` };
}
