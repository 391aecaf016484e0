// What the sandbox page (src/sandbox/page/client/, in the browser) and its routes (page-routes.ts, in
// sandbox mode) say to each other, over plain JSON on the app's own port. The page never talks to the
// app's Slack endpoint itself: every click, submission and command goes to these routes, which sign it
// and post it to /slack/events exactly as Slack would (SlackDriver), and apply what Slack would apply
// (a modal's response_action) to the stand-in.

/** A Block Kit block or view, as the app sent it to the stand-in (rendered as untrusted data). */
export type Json = Record<string, unknown>;

export interface PageUser {
  id: string;
  /** Display name ("Alex Rivera"). */
  name: string;
  tz: string;
  /** Runs the cohort channel (the demo's facilitator). */
  facilitator: boolean;
}

export interface PageMessage {
  channelId: string;
  ts: string;
  /** Who posted it: the bot's user id or a member's. */
  userId: string;
  userName: string;
  text: string;
  blocks: Json[];
  /** Only this member sees it (a command's answer, chat.postEphemeral, an ephemeral response_url). */
  ephemeral: boolean;
  /** Thread parent ts, when a reply. */
  threadTs?: string;
}

export interface PageModal {
  /** The stand-in's view id and hash (what a submission carries). */
  id: string;
  hash: string;
  /** The view as the app built it: type "modal", title, blocks, submit, close, private_metadata… */
  view: Json;
  /** Inline errors from the last submission's response_action "errors", by block_id. */
  errors: Record<string, string>;
}

export interface PageState {
  /** The simulated time (ISO), as the app's clock and the sweep see it. */
  now: string;
  me: string;
  users: PageUser[];
  bot: { id: string; name: string };
  /** The member's DM with the bot. */
  dm: { channelId: string; messages: PageMessage[] };
  /** The cohort channel. */
  channel: { id: string; name: string; joined: boolean; messages: PageMessage[] };
  /** The member's App Home as last published, or null before the first publish. */
  home: Json | null;
  /** The member's open modals, bottom first (the last one is shown). */
  modals: PageModal[];
}

/** Where a clicked element is: in a message, in a modal, or on the Home tab. */
export type ActionWhere =
  | { kind: 'message'; channelId: string; ts: string }
  | { kind: 'view'; viewId: string }
  | { kind: 'home' };

/**
 * One interactive element's answer as Slack reports it in block_actions: `action_id`, `block_id`, `type`,
 * and `value` (buttons), `selected_option` (static selects, overflow, radio buttons), `selected_options`
 * (checkboxes), `selected_user(s)`, `selected_date`, `selected_time`, or `value` for a plain text input
 * with dispatch_action.
 */
export type PageAction = Json & { action_id: string; block_id: string; type: string };

/**
 * A modal's state values as Slack sends them in view_submission: block_id → action_id → value object
 * ({type, value} for plain text/number inputs, {type, selected_option}, {type, selected_options},
 * {type, selected_users}, {type, selected_date}, {type, selected_time}).
 */
export type PageValues = Record<string, Record<string, Json>>;

// Routes (POST bodies and answers are JSON; every answer is { ok: true, … } or { ok: false, error }):
//   GET  /                      the page
//   GET  /sandbox/page.js       the page's script (bundled from client/main.ts on first request)
//   GET  /sandbox/state?user=U  PageState for that member (without `user`: for the first demo member)
//   GET  /sandbox/events?user=U server-sent events: "change" whenever anything the page shows may have
//                               changed (a message, a modal, a Home publish, the clock); the page then
//                               fetches /sandbox/state again
//   POST /sandbox/command       { user, text, where: "dm" | "channel" }  → { ok, text? }  (a slash command;
//                               `text` is the whole typed line, e.g. "/coach log Jane")
//   POST /sandbox/action        { user, where: ActionWhere, action: PageAction } → { ok }
//   POST /sandbox/submit        { user, viewId, values: PageValues } → { ok, errors?: Record<string, string> }
//   POST /sandbox/close         { user, viewId } → { ok }
//   POST /sandbox/home          { user } → { ok }   (app_home_opened, as opening the Home tab sends)
//   POST /sandbox/join          { user } → { ok }   (joins the cohort channel: member_joined_channel)
//   POST /sandbox/clock         { advanceMinutes: number } → { ok, now, sent }  (moves the simulated clock
//                               and runs one nudge sweep as of it, and the cohort jobs)
//   POST /sandbox/demo          { user } → { ok, summary }  (seeds the demo for the workspace)
export interface CommandBody {
  user: string;
  text: string;
  where: 'dm' | 'channel';
}
export interface ActionBody {
  user: string;
  where: ActionWhere;
  action: PageAction;
  /** For an action in a modal: the modal's current values (Slack sends them as view.state.values). */
  values?: PageValues;
}
export interface SubmitBody {
  user: string;
  viewId: string;
  values: PageValues;
}
export interface CloseBody {
  user: string;
  viewId: string;
}
export interface UserBody {
  user: string;
}
export interface ClockBody {
  advanceMinutes: number;
}
