import { exportData, forgetPreview } from '../../../../services/data';
import { openModal } from '../../../surfaces';
import { buildForgetModal, exportComment, exportFailedText, exportStartedMessage } from '../../../views/data';
import type { Subcommand } from '../subcommand';

export const exportSubcommand: Subcommand = {
  name: 'export',
  usage: '/coach export',
  summary: 'A copy of all your data, as CSV and JSON files in our DM.',
  async run({ ack, client, respond, scope, deps }) {
    await ack(exportStartedMessage());
    const data = await exportData(deps.db, scope, deps.clock.now());
    try {
      const dm = await client.conversations.open({ users: scope.userId });
      const channelId = dm.channel?.id;
      if (!channelId) throw new Error('no DM channel');
      await client.filesUploadV2({
        channel_id: channelId,
        initial_comment: exportComment(data),
        file_uploads: data.files.map((f) => ({
          file: Buffer.from(f.content, 'utf8'),
          filename: f.filename,
          title: f.filename,
        })),
      });
    } catch (error) {
      deps.log.error(
        { team: scope.workspaceId, user: scope.userId, err: String(error) },
        'export upload failed',
      );
      await respond({ response_type: 'ephemeral', text: exportFailedText() });
    }
  },
};

export const forgetSubcommand: Subcommand = {
  name: 'forget',
  usage: '/coach forget',
  summary: 'Delete everything the coach keeps about you.',
  async run({ ack, client, command, scope, deps }) {
    await ack();
    await openModal(
      client,
      command.trigger_id,
      'Delete your data',
      async () => buildForgetModal(await forgetPreview(deps.db, scope)),
      deps.log,
    );
  },
};
