// `/coach <subcommand> [args]`: routes to a subcommand. Always acknowledges within Slack's 3 seconds,
// even when a handler fails before it could.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { scrubTokens } from '../../../log';
import type { AppDeps } from '../../deps';
import { answeredLate, memberScope } from '../../pipeline/middleware';
import { buildErrorMessage, buildUnknownCommandMessage } from '../../views/help';
import type { Subcommand } from './subcommand';
import { SUBCOMMANDS } from './subcommands';

export function findSubcommand(
  name: string,
  list: readonly Subcommand[] = SUBCOMMANDS,
): Subcommand | undefined {
  const key = name.toLowerCase();
  return list.find((s) => s.name === key || s.aliases?.includes(key));
}

/** Splits "log Jane Doe" into ["log", "Jane Doe"]; an empty text means help. */
export function parseCommandText(text: string): { name: string; args: string } {
  const trimmed = text.trim();
  if (!trimmed) return { name: 'help', args: '' };
  const [name = 'help', ...rest] = trimmed.split(/\s+/);
  return { name: name.toLowerCase(), args: rest.join(' ') };
}

/** The closest subcommand name, for "did you mean". */
export function suggestSubcommand(
  name: string,
  list: readonly Subcommand[] = SUBCOMMANDS,
): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const s of list) {
    for (const candidate of [s.name, ...(s.aliases ?? [])]) {
      const distance = editDistance(name, candidate);
      if (distance <= 2 && (!best || distance < best.distance)) best = { name: s.name, distance };
    }
  }
  return best?.name;
}

function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = current;
    }
  }
  return row[b.length]!;
}

export function coachCommand(deps: AppDeps, list: readonly Subcommand[] = SUBCOMMANDS) {
  return async ({
    command,
    ack,
    respond,
    client,
    context,
  }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    let acked = false;
    const ackOnce: typeof ack = async (response) => {
      if (acked) return;
      acked = true;
      // Past Slack's deadline the pipeline answered already: the reply goes through response_url.
      if (answeredLate(context) && response) {
        await respond(
          typeof response === 'string' ? { response_type: 'ephemeral', text: response } : response,
        );
        return;
      }
      await ack(response);
    };
    const { name, args } = parseCommandText(command.text ?? '');
    const subcommand = findSubcommand(name, list);
    const scope = memberScope(context);
    if (!subcommand) {
      await ackOnce(buildUnknownCommandMessage(name, suggestSubcommand(name, list)));
      return;
    }
    try {
      await subcommand.run({ args, command, scope, client, ack: ackOnce, respond, deps });
    } catch (error) {
      deps.log.error(
        {
          subcommand: subcommand.name,
          team: scope.workspaceId,
          user: scope.userId,
          err: scrubTokens(String(error)),
        },
        'subcommand failed',
      );
      const message = buildErrorMessage();
      if (!acked) await ackOnce(message);
      else await respond(message).catch(() => undefined);
    } finally {
      if (!acked) await ackOnce();
    }
  };
}
