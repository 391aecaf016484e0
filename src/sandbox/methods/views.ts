/**
 * views.open, views.push, views.update, views.publish (Slack's Web API reference).
 * Schema failures answer `invalid_arguments` with `[ERROR] … [json-pointer:/view/…]` messages (§3.1).
 */
import { isViewTooLarge, validateView, withGeneratedIds } from '../block-kit';
import { isJsonObject, type JsonObject } from '../json';
import type { SandboxState } from '../state';
import type { ApiResponse, StandInTeam, StoredView } from '../types';
import { MAX_VIEW_STACK } from '../view-store';
import {
  argString,
  type BotAuth,
  fail,
  invalidArguments,
  type MethodContext,
  type MethodSpec,
  ok,
} from './context';

type ViewType = 'modal' | 'home';
type ViewInput = { ok: true; view: JsonObject & { type: ViewType } } | { ok: false; response: ApiResponse };

/** Reads and validates the `view` argument; `expected` restricts the view type. */
export function readView(args: JsonObject, expected?: ViewType): ViewInput {
  const view = args.view;
  if (view === undefined) return { ok: false, response: invalidArguments(['missing required field: view']) };
  if (!isJsonObject(view)) {
    return { ok: false, response: invalidArguments(['must provide an object [json-pointer:/view]']) };
  }
  if (isViewTooLarge(view)) return { ok: false, response: fail('view_too_large') };
  const errors = validateView(view);
  if (errors.length > 0) return { ok: false, response: invalidArguments(errors) };
  if (expected && view.type !== expected) {
    return {
      ok: false,
      response: invalidArguments(['must be a valid enum value [json-pointer:/view/type]']),
    };
  }
  return { ok: true, view: view as JsonObject & { type: ViewType } };
}

export interface ViewPlacement {
  id: string;
  rootViewId: string;
  previousViewId: string | null;
}

function buildView(
  ctx: MethodContext<BotAuth>,
  input: JsonObject & { type: ViewType },
  placement: ViewPlacement,
): StoredView {
  return storedView(ctx.state, ctx.auth.team, input, placement);
}

/** A view as the stand-in keeps it (new hash, generated block ids), from what the app sent. */
export function storedView(
  state: SandboxState,
  team: StandInTeam,
  input: JsonObject & { type: ViewType },
  placement: ViewPlacement,
): StoredView {
  const isModal = input.type === 'modal';
  const text = (key: string) => (isJsonObject(input[key]) ? input[key] : null);
  return {
    id: placement.id,
    team_id: team.id,
    type: input.type,
    ...(isModal ? { title: text('title') } : {}),
    close: text('close'),
    submit: text('submit'),
    blocks: withGeneratedIds(Array.isArray(input.blocks) ? input.blocks.filter(isJsonObject) : [], () =>
      state.ids.blockId(),
    ),
    private_metadata: typeof input.private_metadata === 'string' ? input.private_metadata : '',
    callback_id: typeof input.callback_id === 'string' ? input.callback_id : '',
    external_id: typeof input.external_id === 'string' ? input.external_id : '',
    state: { values: {} },
    hash: state.ids.viewHash(),
    clear_on_close: input.clear_on_close === true,
    notify_on_close: input.notify_on_close === true,
    submit_disabled: input.submit_disabled === true,
    root_view_id: placement.rootViewId,
    previous_view_id: placement.previousViewId,
    app_id: team.appId ?? null,
    app_installed_team_id: team.id,
    bot_id: team.botId,
  };
}

function duplicateExternalId(ctx: MethodContext<BotAuth>, view: JsonObject, exceptViewId?: string): boolean {
  const externalId = typeof view.external_id === 'string' ? view.external_id : '';
  return ctx.state.views.externalIdInUse(ctx.auth.team.id, externalId, exceptViewId);
}

/** Exchanges `trigger_id` (or `interactivity_pointer`): the user it was issued for, or the error answer. */
function exchangeTrigger(ctx: MethodContext<BotAuth>): { userId: string } | { response: ApiResponse } {
  const triggerId = argString(ctx.args, 'trigger_id') ?? argString(ctx.args, 'interactivity_pointer');
  if (!triggerId) return { response: invalidArguments(['invalid `trigger_id`']) };
  const result = ctx.state.views.exchangeTrigger(triggerId, ctx.auth.team.id);
  return result.ok ? { userId: result.userId } : { response: fail(result.error) };
}

function viewsOpen(ctx: MethodContext<BotAuth>) {
  const input = readView(ctx.args, 'modal');
  if (!input.ok) return input.response;
  if (duplicateExternalId(ctx, input.view)) return fail('duplicate_external_id');
  const trigger = exchangeTrigger(ctx);
  if ('response' in trigger) return trigger.response;
  const id = ctx.state.ids.next('V');
  const view = buildView(ctx, input.view, { id, rootViewId: id, previousViewId: null });
  ctx.state.views.open(trigger.userId, view);
  return ok({ view });
}

function viewsPush(ctx: MethodContext<BotAuth>) {
  const input = readView(ctx.args, 'modal');
  if (!input.ok) return input.response;
  if (duplicateExternalId(ctx, input.view)) return fail('duplicate_external_id');
  const trigger = exchangeTrigger(ctx);
  if ('response' in trigger) return trigger.response;
  const stack = ctx.state.views.stack(trigger.userId);
  const [root] = stack;
  const top = stack.at(-1);
  if (!root || !top) return fail('not_found');
  if (stack.length >= MAX_VIEW_STACK) return fail('push_limit_reached');
  const view = buildView(ctx, input.view, {
    id: ctx.state.ids.next('V'),
    rootViewId: root.id,
    previousViewId: top.id,
  });
  ctx.state.views.push(trigger.userId, view);
  return ok({ view });
}

function viewsUpdate(ctx: MethodContext<BotAuth>) {
  const viewId = argString(ctx.args, 'view_id');
  const externalId = argString(ctx.args, 'external_id');
  if (!viewId && !externalId) return invalidArguments(['missing required field: view_id']);
  const input = readView(ctx.args);
  if (!input.ok) return input.response;
  const location = ctx.state.views.find(ctx.auth.team.id, (v) =>
    viewId ? v.id === viewId : v.external_id === externalId,
  );
  if (!location) return fail('not_found');
  const current = location.view;
  if (input.view.type !== current.type) {
    return invalidArguments(['must be a valid enum value [json-pointer:/view/type]']);
  }
  const hash = argString(ctx.args, 'hash');
  if (hash && hash !== current.hash) return fail('hash_conflict');
  if (duplicateExternalId(ctx, input.view, current.id)) return fail('duplicate_external_id');
  const view = buildView(ctx, input.view, {
    id: current.id,
    rootViewId: current.root_view_id,
    previousViewId: current.previous_view_id,
  });
  ctx.state.views.replace(location, view);
  return ok({ view });
}

function viewsPublish(ctx: MethodContext<BotAuth>) {
  const { team } = ctx.auth;
  const userId = argString(ctx.args, 'user_id');
  if (!userId || !ctx.state.userInTeam(team.id, userId)) return invalidArguments(['invalid `user_id`']);
  const input = readView(ctx.args, 'home');
  if (!input.ok) return input.response;
  if (team.homeTabEnabled === false) return fail('not_enabled');
  const current = ctx.state.views.home(team.id, userId);
  const hash = argString(ctx.args, 'hash');
  if (hash && current && hash !== current.hash) return fail('hash_conflict');
  if (duplicateExternalId(ctx, input.view, current?.id)) return fail('duplicate_external_id');
  const id = current?.id ?? ctx.state.ids.next('V');
  const view = buildView(ctx, input.view, { id, rootViewId: id, previousViewId: null });
  ctx.state.views.setHome(team.id, userId, view);
  return ok({ view });
}

export const viewMethods: Record<string, MethodSpec> = {
  'views.open': { auth: 'bot', json: true, handle: viewsOpen },
  'views.push': { auth: 'bot', json: true, handle: viewsPush },
  'views.update': { auth: 'bot', json: true, handle: viewsUpdate },
  'views.publish': { auth: 'bot', json: true, handle: viewsPublish },
};
