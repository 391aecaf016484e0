// Sandbox mode only: POST /sandbox/command {user, text} (without the page's `where`; see
// page-routes.ts) plays a slash command through Slack's real path (signed request to /slack/events,
// replies through the stand-in) and returns what the user would see. `coach try` uses it.
import type { SlackStandIn } from './index';
import type { SlackDriver } from './slack-driver';

const REPLY_METHODS = ['chat.postMessage', 'chat.postEphemeral', 'views.open', 'response_url'] as const;

function describeCall(call: { method: string; args: Record<string, unknown> }): string {
  if (call.method === 'views.open') {
    const view = call.args.view as { title?: { text?: string } } | undefined;
    return `(opened the "${view?.title?.text ?? 'untitled'}" modal)`;
  }
  return String(call.args.text ?? '');
}

/** Plays `{user, text}` (text after "/coach") and answers what the user would see: `{status, replies}`. */
export async function tryCommand(
  standIn: SlackStandIn,
  d: SlackDriver,
  raw: unknown,
): Promise<{ status: number; replies: string[] }> {
  const { user = 'U0SANDBOX1', text = '' } = raw as { user?: string; text?: string };
  const before = standIn.calls.length;
  const waiting = Promise.any(
    REPLY_METHODS.map((m) => standIn.waitForCall(m, (c) => standIn.calls.indexOf(c) >= before, 3000)),
  ).catch(() => undefined);
  const ack = await d.command(user, text);
  const ackText = (ack.json as { text?: string } | undefined)?.text ?? (ack.json ? '' : ack.text);
  const replies = ackText ? [ackText] : [];
  if (!ackText) {
    const call = await waiting;
    if (call) replies.push(describeCall(call));
  }
  return { status: ack.status, replies };
}
