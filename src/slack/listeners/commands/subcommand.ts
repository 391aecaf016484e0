// The shape every `/coach <name>` handler has. Handlers live one per file in ./subcommands and are
// listed in ./subcommands/index.ts; help is built from that list, so it never shows a command that
// does not exist.
import type { AckFn, RespondArguments, RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { Scope } from '../../../core/scope';
import type { AppDeps } from '../../deps';

export interface SubcommandContext {
  /** Text after the subcommand name, trimmed. */
  args: string;
  command: SlashCommand;
  scope: Scope;
  client: WebClient;
  ack: AckFn<string | RespondArguments>;
  respond: RespondFn;
  deps: AppDeps;
}

export interface Subcommand {
  name: string;
  /** Other words that run it (e.g. "target" for "add"). */
  aliases?: string[];
  /** Shown in help: `/coach add [name]`. */
  usage: string;
  summary: string;
  run(ctx: SubcommandContext): Promise<void>;
}
