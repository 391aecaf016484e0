import { describe, expect, it } from 'vitest';
import { COHORT, LOBBY, TEAM } from '../support/fixtures';
import { rawCall, slackError, useStandIn } from '../support/stand-in';

const s = useStandIn();

describe('file uploads', () => {
  it('runs the three steps of files.uploadV2 and shares the file into the channel', async () => {
    const content = 'name,company\nAda,Analytical Engines\n';
    const result = await s.client().files.uploadV2({
      channel_id: COHORT.id,
      filename: 'contacts.csv',
      title: 'Contacts',
      content,
      initial_comment: 'Your export',
    });
    expect(result.ok).toBe(true);
    expect(s.standIn.calls.map((c) => c.method)).toEqual([
      'files.getUploadURLExternal',
      'files.completeUploadExternal',
    ]);
    expect(s.standIn.callsTo('files.getUploadURLExternal')[0]?.args).toMatchObject({
      filename: 'contacts.csv',
      length: '36',
    });
    const [file] = s.standIn.files();
    expect(file).toMatchObject({
      filename: 'contacts.csv',
      title: 'Contacts',
      completed: true,
      channels: [COHORT.id],
    });
    expect(file?.data?.toString('utf8')).toBe(content);
    expect(s.standIn.messages(COHORT.id)).toMatchObject([
      {
        text: 'Your export',
        fileIds: [file?.id],
        source: 'files.completeUploadExternal',
        user: TEAM.botUserId,
      },
    ]);
    const completion = s.standIn.callsTo('files.completeUploadExternal')[0]?.response;
    expect(completion).toMatchObject({
      ok: true,
      files: [{ id: file?.id, name: 'contacts.csv', title: 'Contacts', mimetype: 'text/csv', size: 36 }],
    });
  });

  it('uploads without sharing when no channel is given', async () => {
    await s.client().files.uploadV2({ filename: 'a.txt', content: 'hello' });
    expect(s.standIn.files()).toMatchObject([{ completed: true, channels: [] }]);
  });

  it('returns an upload URL on the stand-in and answers the upload like Slack', async () => {
    const step1 = await s.client().files.getUploadURLExternal({ filename: 'a.txt', length: 5 });
    expect(step1.upload_url).toBe(`${s.url}/upload/v1/${step1.file_id}`);
    const upload = await fetch(step1.upload_url as string, { method: 'POST', body: 'hello' });
    expect(upload.status).toBe(200);
    expect(await upload.text()).toBe('OK - 5');
    const unknown = await fetch(`${s.url}/upload/v1/F0NOPE`, { method: 'POST', body: 'x' });
    expect(unknown.status).toBe(404);
  });

  it('requires filename and length', async () => {
    const client = s.client();
    expect(await slackError(client.apiCall('files.getUploadURLExternal', { length: 5 }))).toMatchObject({
      error: 'invalid_arguments',
    });
    expect(
      await slackError(client.apiCall('files.getUploadURLExternal', { filename: 'a.txt' })),
    ).toMatchObject({
      error: 'invalid_arguments',
    });
  });

  it('refuses to complete a file whose bytes were never uploaded', async () => {
    const step1 = await s.client().files.getUploadURLExternal({ filename: 'a.txt', length: 5 });
    const data = await slackError(
      s.client().files.completeUploadExternal({ files: [{ id: step1.file_id as string }] }),
    );
    expect(data).toMatchObject({ error: 'file_not_found' });
  });

  it.each([
    ['an unknown channel', 'C0NOPE', 'channel_not_found'],
    ['a channel without the bot', LOBBY.id, 'not_in_channel'],
  ])('refuses to share into %s', async (_name, channel, error) => {
    const step1 = await s.client().files.getUploadURLExternal({ filename: 'a.txt', length: 1 });
    await rawCall(step1.upload_url as string, { body: 'x' });
    const data = await slackError(
      s
        .client()
        .files.completeUploadExternal({ files: [{ id: step1.file_id as string }], channel_id: channel }),
    );
    expect(data).toMatchObject({ error });
    expect(s.standIn.files()[0]?.completed).toBe(false);
  });
});
