// The page's DOM-free logic: reading Block Kit values the way Slack reports them, times in a member's
// zone, and what a typed line means. The tests run these in Node; render.ts and main.ts use them.
import type { Json, PageModal, PageValues } from '../protocol';

type Obj = Record<string, unknown>;

export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const str = (v: unknown): string => (typeof v === 'string' ? v : '');
export const objs = (v: unknown): Obj[] => (Array.isArray(v) ? v.filter(isObj) : []);

/** The text of a text object ({type, text}) or of a plain string; '' for anything else. */
export function textField(v: unknown): string {
  if (typeof v === 'string') return v;
  return isObj(v) ? str(v.text) : '';
}

/** An option as Slack reports it when picked: its text object and value (and description, if any). */
export function reportedOption(option: Obj): Json {
  return {
    text: option.text ?? { type: 'plain_text', text: '' },
    value: str(option.value),
    ...(option.description !== undefined ? { description: option.description } : {}),
  };
}

/** Every option of a select, including those in option groups. */
export function allOptions(element: Obj): Obj[] {
  return [...objs(element.options), ...objs(element.option_groups).flatMap((g) => objs(g.options))];
}

/** The element types that hold a value in a view's state. */
export const STATEFUL = new Set([
  'plain_text_input',
  'number_input',
  'email_text_input',
  'url_text_input',
  'static_select',
  'external_select',
  'users_select',
  'conversations_select',
  'channels_select',
  'multi_static_select',
  'multi_external_select',
  'multi_users_select',
  'multi_conversations_select',
  'multi_channels_select',
  'datepicker',
  'timepicker',
  'datetimepicker',
  'checkboxes',
  'radio_buttons',
]);

/** The value key Slack uses for each element type. */
export function valueKey(type: string): string {
  switch (type) {
    case 'static_select':
    case 'external_select':
    case 'radio_buttons':
      return 'selected_option';
    case 'multi_static_select':
    case 'multi_external_select':
    case 'checkboxes':
      return 'selected_options';
    case 'users_select':
      return 'selected_user';
    case 'multi_users_select':
      return 'selected_users';
    case 'conversations_select':
      return 'selected_conversation';
    case 'multi_conversations_select':
      return 'selected_conversations';
    case 'channels_select':
      return 'selected_channel';
    case 'multi_channels_select':
      return 'selected_channels';
    case 'datepicker':
      return 'selected_date';
    case 'timepicker':
      return 'selected_time';
    case 'datetimepicker':
      return 'selected_date_time';
    default:
      return 'value';
  }
}

/** An element's value before the member touches it, from its initial_* fields, as Slack reports it. */
export function initialValue(element: Obj): Json {
  const type = str(element.type);
  const key = valueKey(type);
  let value: unknown = null;
  switch (key) {
    case 'selected_option': {
      const initial = isObj(element.initial_option) ? element.initial_option : null;
      // Slack reports the option as listed, matched by value.
      const listed = initial ? allOptions(element).find((o) => o.value === initial.value) : undefined;
      value = initial ? reportedOption(listed ?? initial) : null;
      break;
    }
    case 'selected_options': {
      const initial = objs(element.initial_options);
      const listed = allOptions(element);
      value = initial.map((o) => reportedOption(listed.find((l) => l.value === o.value) ?? o));
      break;
    }
    case 'selected_user':
      value = str(element.initial_user) || null;
      break;
    case 'selected_users':
      value = Array.isArray(element.initial_users)
        ? element.initial_users.filter((u) => typeof u === 'string')
        : [];
      break;
    case 'selected_conversation':
      value = str(element.initial_conversation) || null;
      break;
    case 'selected_conversations':
      value = Array.isArray(element.initial_conversations) ? [...element.initial_conversations] : [];
      break;
    case 'selected_channel':
      value = str(element.initial_channel) || null;
      break;
    case 'selected_channels':
      value = Array.isArray(element.initial_channels) ? [...element.initial_channels] : [];
      break;
    case 'selected_date':
      value = str(element.initial_date) || null;
      break;
    case 'selected_time':
      value = str(element.initial_time) || null;
      break;
    case 'selected_date_time':
      value = typeof element.initial_date_time === 'number' ? element.initial_date_time : null;
      break;
    default: {
      const initial = element.initial_value;
      value =
        typeof initial === 'string' && initial !== ''
          ? initial
          : typeof initial === 'number'
            ? String(initial)
            : null;
    }
  }
  return { type, [key]: value };
}

/** The stateful elements of a view: those of input blocks, and those in actions blocks. */
export function statefulElements(blocks: unknown): { blockId: string; actionId: string; element: Obj }[] {
  const found: { blockId: string; actionId: string; element: Obj }[] = [];
  objs(blocks).forEach((block, index) => {
    const blockId = str(block.block_id) || `block-${index}`;
    const elements =
      block.type === 'input' ? [block.element] : block.type === 'actions' ? block.elements : [];
    objs(elements).forEach((element, n) => {
      if (!STATEFUL.has(str(element.type))) return;
      found.push({ blockId, actionId: str(element.action_id) || `action-${index}-${n}`, element });
    });
  });
  return found;
}

/** A view's state values before the member types anything. */
export function initialValues(view: Json): PageValues {
  const values: PageValues = {};
  for (const { blockId, actionId, element } of statefulElements(view.blocks)) {
    values[blockId] ??= {};
    values[blockId][actionId] = initialValue(element);
  }
  return values;
}

/**
 * The values for an updated view: what the member had entered stays where the same block id, action id
 * and element type remain (as Slack keeps it); anything new starts from its initial value.
 */
export function carryValues(previous: PageValues, view: Json): PageValues {
  const next = initialValues(view);
  for (const [blockId, actions] of Object.entries(next)) {
    for (const [actionId, value] of Object.entries(actions)) {
      const before = previous[blockId]?.[actionId];
      if (before && before.type === value.type) actions[actionId] = before;
    }
  }
  return next;
}

/** Whether an open modal must be drawn again: a different view, a new hash, or new errors. */
export function modalKey(modal: PageModal | undefined): string {
  if (!modal) return '';
  return `${modal.id}\n${modal.hash}`;
}

export function errorsKey(modal: PageModal | undefined): string {
  if (!modal) return '';
  return JSON.stringify(Object.entries(modal.errors ?? {}).sort(([a], [b]) => a.localeCompare(b)));
}

// ---------------------------------------------------------------------------------------------
// Times

function parts(date: Date, tz: string, opts: Intl.DateTimeFormatOptions): Record<string, string> {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: tz });
  } catch {
    format = new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: 'UTC' });
  }
  const out: Record<string, string> = {};
  for (const p of format.formatToParts(date)) out[p.type] = p.value;
  return out;
}

/** "Tue 10 Mar, 14:05" in that zone. */
export function formatDayTime(date: Date, tz: string): string {
  const p = parts(date, tz, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return `${p.weekday} ${p.day} ${p.month}, ${p.hour}:${p.minute}`;
}

/** "14:05" in that zone. */
function formatTime(date: Date, tz: string): string {
  const p = parts(date, tz, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  return `${p.hour}:${p.minute}`;
}

/** The calendar day (YYYY-MM-DD) of a moment in that zone. */
export function dayOf(date: Date, tz: string): string {
  const p = parts(date, tz, { year: 'numeric', month: '2-digit', day: '2-digit' });
  return `${p.year}-${p.month}-${p.day}`;
}

/** A message's time: "14:05" on the simulated day, "Mon 9 Mar, 14:05" on another. */
export function messageTime(ts: string, now: string, tz: string): string {
  const date = new Date(Number.parseFloat(ts) * 1000);
  if (Number.isNaN(date.getTime())) return '';
  const today = new Date(now);
  return !Number.isNaN(today.getTime()) && dayOf(date, tz) === dayOf(today, tz)
    ? formatTime(date, tz)
    : formatDayTime(date, tz);
}

/** The zone's short name at that moment ("GMT-5", "CET"), or the zone id when there is none. */
export function zoneName(date: Date, tz: string): string {
  const p = parts(date, tz, { timeZoneName: 'short', hour: 'numeric' });
  return p.timeZoneName ?? tz;
}

// ---------------------------------------------------------------------------------------------
// The composer

export type Typed = { kind: 'empty' } | { kind: 'command'; text: string } | { kind: 'chat' };

/** What a typed line is: a slash command to run, chat (the app does not read it), or nothing. */
export function readTyped(text: string): Typed {
  const trimmed = text.trim();
  if (!trimmed) return { kind: 'empty' };
  return trimmed.startsWith('/') ? { kind: 'command', text: trimmed } : { kind: 'chat' };
}

/** Whether a scrolled list is at (or within a few pixels of) its bottom. */
export function atBottom(scrollTop: number, scrollHeight: number, clientHeight: number): boolean {
  return scrollHeight - scrollTop - clientHeight < 8;
}

/** What the clock answer says, for the status line. */
export function clockSummary(answer: { now?: unknown; sent?: unknown }, tz: string): string {
  const now = typeof answer.now === 'string' ? new Date(answer.now) : null;
  const when =
    now && !Number.isNaN(now.getTime()) ? `It is now ${formatDayTime(now, tz)}.` : 'Time moved on.';
  const sent =
    typeof answer.sent === 'number' ? answer.sent : Array.isArray(answer.sent) ? answer.sent.length : null;
  if (sent === null) return when;
  return `${when} ${sent === 0 ? 'No messages went out.' : sent === 1 ? '1 message went out.' : `${sent} messages went out.`}`;
}
