// The global middleware every Slack request passes through, in order:
//   answerEverything  a failure or a request no listener answered still gets an answer the member can see
//   resolveScope      the member's scope (workspace, user) goes into `context.scope`, once
//   applyOnce         retries, replays and double submits of the same request change nothing twice
// Listeners then read `memberScope(context)` and `requestKey(context)`.
import type { AnyMiddlewareArgs, Context, Middleware, RespondFn } from '@slack/bolt';
import { AlreadyHandled } from '../../core/errors';
import type { Scope } from '../../core/scope';
import { scrubTokens } from '../../log';
import { firstDelivery } from '../../services/workspaces';
import type { AppDeps } from '../deps';
import { noticeModal } from '../views/kit';
import { OUT_OF_DATE, SAVE_FAILED, SOMETHING_WENT_WRONG } from '../views/notices';
import { describeError, requestStateOf } from './dispatch';
import { type RequestKey, requestKeyOf } from './keys';
import { scopeFromBody, workspaceIdOf } from './scope';

type Args = AnyMiddlewareArgs & {
  context: Context;
  next: () => Promise<void>;
  ack?: (response?: unknown) => Promise<void>;
  respond?: RespondFn;
};

const SCOPE = 'scope';
const KEY = 'requestKey';

/** The acting member. Every listener of a member's request has one: requests without are answered before. */
export function memberScope(context: Context): Scope {
  const scope = context[SCOPE] as Scope | undefined;
  if (!scope) throw new Error('no member scope on this request');
  return scope;
}

/** The ledger key of this request, for the service that applies it (null when Slack sent nothing unique). */
export function requestKey(context: Context): string | null {
  return (context[KEY] as RequestKey | undefined)?.key ?? null;
}

/** True when the deadline already answered for a slow listener, so its own answer must go another way. */
export function answeredLate(context: Context): boolean {
  return requestStateOf(context)?.lateAck === true;
}

function body(args: Args): Record<string, unknown> {
  return args.body as unknown as Record<string, unknown>;
}

/** The request's key, worked out once per request (the outermost middleware does it) and kept in context. */
function keyOf(args: Args): RequestKey {
  const known = args.context[KEY] as RequestKey | undefined;
  if (known) return known;
  const key = requestKeyOf(body(args));
  args.context[KEY] = key;
  return key;
}

function isAcked(args: Args): boolean {
  return requestStateOf(args.context)?.acked === true;
}

async function ackOnce(args: Args, response?: unknown): Promise<void> {
  if (!args.ack || isAcked(args)) return;
  await args.ack(response as never);
}

async function tellEphemeral(args: Args, text: string): Promise<void> {
  if (!args.respond) return;
  await args.respond({ response_type: 'ephemeral', replace_original: false, text }).catch(() => undefined);
}

/** Outermost: whatever happens inside, the request is answered and nothing escapes to the receiver. */
export function answerEverything(deps: AppDeps): Middleware<AnyMiddlewareArgs> {
  return async (raw) => {
    const args = raw as Args;
    const kind = keyOf(args).kind;
    try {
      await args.next();
    } catch (error) {
      if (error instanceof AlreadyHandled) {
        deps.log.debug({ kind }, 'a repeated request changed nothing');
        await ackOnce(args);
        return;
      }
      deps.log.error({ kind, err: scrubTokens(describeError(error)) }, 'listener failed');
      if (!isAcked(args)) {
        if (kind === 'submission') {
          // The member's typing stays in the view underneath; "Back" returns to it.
          await ackOnce(args, { response_action: 'push', view: noticeModal('Not saved', SAVE_FAILED) });
          return;
        }
        if (kind === 'command') {
          await ackOnce(args, { response_type: 'ephemeral', text: SOMETHING_WENT_WRONG });
          return;
        }
        await ackOnce(args);
      }
      if (kind === 'click' || kind === 'command') await tellEphemeral(args, SOMETHING_WENT_WRONG);
      return;
    }
    if (isAcked(args)) return;
    // No listener answered: a button, form or shortcut this version of the app no longer knows.
    deps.log.info({ kind }, 'answered a request no listener handled');
    if (kind === 'submission') {
      await ackOnce(args, { response_action: 'update', view: noticeModal('Out of date', OUT_OF_DATE) });
      return;
    }
    await ackOnce(args);
    if (kind === 'click') await tellEphemeral(args, OUT_OF_DATE);
  };
}

/** Puts the member's scope in the context; an interactive request without one is answered and dropped. */
export function resolveScope(deps: AppDeps): Middleware<AnyMiddlewareArgs> {
  return async (raw) => {
    const args = raw as Args;
    const b = body(args);
    const scope = scopeFromBody(b);
    if (scope) args.context[SCOPE] = scope;
    else if (keyOf(args).kind !== 'event') {
      deps.log.warn('a request without a workspace or user was dropped');
      await ackOnce(args);
      return;
    }
    await args.next();
  };
}

/**
 * Retries, replays and double clicks apply once. Events, clicks and shortcuts (whose effects are
 * messages and modals) are claimed here, before any listener runs. Submissions carry the member's
 * data, so they are claimed by the service, in the same transaction as the data (a crash leaves
 * neither, and a second copy changes nothing). Commands are read-only or idempotent and are not claimed.
 */
export function applyOnce(deps: AppDeps): Middleware<AnyMiddlewareArgs> {
  return async (raw) => {
    const args = raw as Args;
    const b = body(args);
    const key = keyOf(args);
    if (key.key && (key.kind === 'event' || key.kind === 'click' || key.kind === 'shortcut')) {
      const workspaceId = workspaceIdOf(b) ?? null;
      const first = await firstDelivery(deps.db, key.key, workspaceId, deps.clock.now());
      if (!first) {
        deps.log.debug({ kind: key.kind }, 'skipping a request already handled');
        await ackOnce(args);
        return;
      }
    }
    await args.next();
  };
}
