/**
 * Block elements. Property lists follow @slack/types `block-elements.ts`; limits follow Slack's Block Kit reference
 * (button text 75 / value 2000 / url 3000, placeholder 150, static_select options 100, overflow 2–5 options,
 * checkboxes and radio buttons at most 10 options, plain_text_input length bounds 0–3000 / 1–3000).
 */
import type { JsonObject, JsonValue } from '../json';
import { at, type Checker } from './checker';
import {
  checkConfirm,
  checkOptionField,
  checkOptionGroups,
  checkOptionList,
  checkTextField,
} from './composition';

type ElementCheck = (c: Checker, el: JsonObject, pointer: string) => void;

const BASE = ['type', 'action_id'];
const SELECT_BASE = [...BASE, 'placeholder', 'confirm', 'focus_on_load'];
const MULTI_SELECT_BASE = [...SELECT_BASE, 'max_selected_items'];
const TEXT_INPUT_BASE = [...BASE, 'placeholder', 'dispatch_action_config', 'focus_on_load', 'initial_value'];

function checkActionId(c: Checker, el: JsonObject, pointer: string): void {
  c.string(el, 'action_id', pointer, { max: 255 });
}

function checkPlaceholder(c: Checker, el: JsonObject, pointer: string): void {
  checkTextField(c, el, 'placeholder', pointer, { max: 150, plainOnly: true });
}

/** Shared by every select menu: keys, action_id, placeholder, confirm, focus_on_load. */
function checkSelectBase(c: Checker, el: JsonObject, pointer: string, keys: readonly string[]): void {
  c.keys(el, keys, pointer);
  checkActionId(c, el, pointer);
  checkPlaceholder(c, el, pointer);
  checkConfirm(c, el, pointer);
  c.boolean(el, 'focus_on_load', pointer);
  c.integer(el, 'max_selected_items', pointer, { min: 1 });
}

function checkStringList(c: Checker, el: JsonObject, key: string, pointer: string): void {
  const values = c.array(el, key, pointer);
  values?.forEach((value, i) => {
    if (typeof value !== 'string') c.add('must provide a string', at(at(pointer, key), i));
  });
}

function checkStaticOptions(c: Checker, el: JsonObject, pointer: string): void {
  const hasOptions = el.options !== undefined;
  const hasGroups = el.option_groups !== undefined;
  if (hasOptions === hasGroups) {
    c.add(
      hasOptions ? 'must provide only one of options or option_groups' : 'missing required field: options',
      pointer,
    );
  }
  checkOptionList(c, el, 'options', pointer, { plainOnly: true, min: 1, max: 100 });
  checkOptionGroups(c, el, pointer);
}

function checkConversationFilter(c: Checker, el: JsonObject, pointer: string): void {
  const filter = el.filter;
  if (filter === undefined) return;
  const filterPointer = at(pointer, 'filter');
  if (!c.object(filter, filterPointer)) return;
  c.keys(filter, ['include', 'exclude_external_shared_channels', 'exclude_bot_users'], filterPointer);
  const include = c.array(filter, 'include', filterPointer, { min: 1, max: 4 });
  include?.forEach((kind, i) => {
    if (typeof kind !== 'string' || !['im', 'mpim', 'private', 'public'].includes(kind)) {
      c.add('must be a valid enum value', at(at(filterPointer, 'include'), i));
    }
  });
  c.boolean(filter, 'exclude_external_shared_channels', filterPointer);
  c.boolean(filter, 'exclude_bot_users', filterPointer);
}

function isValidDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function isValidTime(text: string): boolean {
  return /^([01]\d|2[0-3]):[0-5]\d$/.test(text);
}

function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

function checkNumericString(
  c: Checker,
  el: JsonObject,
  key: string,
  pointer: string,
  decimal: boolean,
): number | undefined {
  const value = c.string(el, key, pointer);
  if (value === undefined) return undefined;
  const pattern = decimal ? /^-?\d+(\.\d+)?$/ : /^-?\d+$/;
  if (!pattern.test(value)) {
    c.add(decimal ? 'must be a number' : 'must be an integer', at(pointer, key));
    return undefined;
  }
  return Number(value);
}

const button: ElementCheck = (c, el, p) => {
  c.keys(el, [...BASE, 'text', 'value', 'url', 'style', 'confirm', 'accessibility_label'], p);
  checkActionId(c, el, p);
  checkTextField(c, el, 'text', p, { max: 75, plainOnly: true, required: true });
  c.string(el, 'value', p, { max: 2000 });
  c.string(el, 'url', p, { min: 1, max: 3000 });
  c.enumValue(el, 'style', p, ['primary', 'danger']);
  c.string(el, 'accessibility_label', p, { max: 75 });
  checkConfirm(c, el, p);
};

const staticSelect: ElementCheck = (c, el, p) => {
  checkSelectBase(c, el, p, [...SELECT_BASE, 'options', 'option_groups', 'initial_option']);
  checkStaticOptions(c, el, p);
  checkOptionField(c, el, 'initial_option', p, { plainOnly: true });
};

const multiStaticSelect: ElementCheck = (c, el, p) => {
  checkSelectBase(c, el, p, [...MULTI_SELECT_BASE, 'options', 'option_groups', 'initial_options']);
  checkStaticOptions(c, el, p);
  checkOptionList(c, el, 'initial_options', p, { plainOnly: true, max: 100 });
};

const externalSelect: ElementCheck = (c, el, p) => {
  checkSelectBase(c, el, p, [...SELECT_BASE, 'initial_option', 'min_query_length']);
  checkOptionField(c, el, 'initial_option', p, { plainOnly: true });
  c.integer(el, 'min_query_length', p, { min: 0 });
};

const multiExternalSelect: ElementCheck = (c, el, p) => {
  checkSelectBase(c, el, p, [...MULTI_SELECT_BASE, 'initial_options', 'min_query_length']);
  checkOptionList(c, el, 'initial_options', p, { plainOnly: true, max: 100 });
  c.integer(el, 'min_query_length', p, { min: 0 });
};

const usersSelect: ElementCheck = (c, el, p) => {
  checkSelectBase(c, el, p, [...SELECT_BASE, 'initial_user']);
  c.string(el, 'initial_user', p);
};

const multiUsersSelect: ElementCheck = (c, el, p) => {
  checkSelectBase(c, el, p, [...MULTI_SELECT_BASE, 'initial_users']);
  checkStringList(c, el, 'initial_users', p);
};

const conversationsSelect: ElementCheck = (c, el, p) => {
  checkSelectBase(c, el, p, [
    ...SELECT_BASE,
    'initial_conversation',
    'default_to_current_conversation',
    'filter',
    'response_url_enabled',
  ]);
  c.string(el, 'initial_conversation', p);
  c.boolean(el, 'default_to_current_conversation', p);
  c.boolean(el, 'response_url_enabled', p);
  checkConversationFilter(c, el, p);
};

const multiConversationsSelect: ElementCheck = (c, el, p) => {
  checkSelectBase(c, el, p, [
    ...MULTI_SELECT_BASE,
    'initial_conversations',
    'default_to_current_conversation',
    'filter',
  ]);
  checkStringList(c, el, 'initial_conversations', p);
  c.boolean(el, 'default_to_current_conversation', p);
  checkConversationFilter(c, el, p);
};

const channelsSelect: ElementCheck = (c, el, p) => {
  checkSelectBase(c, el, p, [...SELECT_BASE, 'initial_channel', 'response_url_enabled']);
  c.string(el, 'initial_channel', p);
  c.boolean(el, 'response_url_enabled', p);
};

const multiChannelsSelect: ElementCheck = (c, el, p) => {
  checkSelectBase(c, el, p, [...MULTI_SELECT_BASE, 'initial_channels']);
  checkStringList(c, el, 'initial_channels', p);
};

const overflow: ElementCheck = (c, el, p) => {
  c.keys(el, [...BASE, 'options', 'confirm'], p);
  checkActionId(c, el, p);
  checkOptionList(c, el, 'options', p, { plainOnly: true, allowUrl: true, min: 2, max: 5, required: true });
  checkConfirm(c, el, p);
};

const datepicker: ElementCheck = (c, el, p) => {
  c.keys(el, [...SELECT_BASE, 'initial_date'], p);
  checkActionId(c, el, p);
  checkPlaceholder(c, el, p);
  checkConfirm(c, el, p);
  c.boolean(el, 'focus_on_load', p);
  const date = c.string(el, 'initial_date', p);
  if (date !== undefined && !isValidDate(date))
    c.add('must be a valid date in YYYY-MM-DD format', at(p, 'initial_date'));
};

const timepicker: ElementCheck = (c, el, p) => {
  c.keys(el, [...SELECT_BASE, 'initial_time', 'timezone'], p);
  checkActionId(c, el, p);
  checkPlaceholder(c, el, p);
  checkConfirm(c, el, p);
  c.boolean(el, 'focus_on_load', p);
  const time = c.string(el, 'initial_time', p);
  if (time !== undefined && !isValidTime(time))
    c.add('must be a valid time in HH:mm format', at(p, 'initial_time'));
  const tz = c.string(el, 'timezone', p);
  if (tz !== undefined && !isValidTimeZone(tz)) c.add('must be a valid IANA time zone', at(p, 'timezone'));
};

const datetimepicker: ElementCheck = (c, el, p) => {
  c.keys(el, [...BASE, 'initial_date_time', 'confirm', 'focus_on_load'], p);
  checkActionId(c, el, p);
  checkConfirm(c, el, p);
  c.boolean(el, 'focus_on_load', p);
  c.integer(el, 'initial_date_time', p, { min: 0 });
};

function choiceElement(initialKey: 'initial_options' | 'initial_option'): ElementCheck {
  return (c, el, p) => {
    c.keys(el, [...BASE, 'options', initialKey, 'confirm', 'focus_on_load'], p);
    checkActionId(c, el, p);
    checkOptionList(c, el, 'options', p, { plainOnly: false, min: 1, max: 10, required: true });
    if (initialKey === 'initial_options') {
      checkOptionList(c, el, 'initial_options', p, { plainOnly: false, max: 10 });
    } else {
      checkOptionField(c, el, 'initial_option', p, { plainOnly: false });
    }
    checkConfirm(c, el, p);
    c.boolean(el, 'focus_on_load', p);
  };
}

function checkTextInputBase(c: Checker, el: JsonObject, p: string, extraKeys: readonly string[]): void {
  c.keys(el, [...TEXT_INPUT_BASE, ...extraKeys], p);
  checkActionId(c, el, p);
  checkPlaceholder(c, el, p);
  c.boolean(el, 'focus_on_load', p);
  c.string(el, 'initial_value', p);
  checkDispatchConfig(c, el, p);
}

function checkDispatchConfig(c: Checker, el: JsonObject, p: string): void {
  const config = el.dispatch_action_config;
  if (config === undefined) return;
  const configPointer = at(p, 'dispatch_action_config');
  if (!c.object(config, configPointer)) return;
  c.keys(config, ['trigger_actions_on'], configPointer);
  const triggers = c.array(config, 'trigger_actions_on', configPointer, { min: 1, max: 2 });
  triggers?.forEach((trigger, i) => {
    if (trigger !== 'on_enter_pressed' && trigger !== 'on_character_entered') {
      c.add('must be a valid enum value', at(at(configPointer, 'trigger_actions_on'), i));
    }
  });
}

const plainTextInput: ElementCheck = (c, el, p) => {
  checkTextInputBase(c, el, p, ['multiline', 'min_length', 'max_length']);
  c.boolean(el, 'multiline', p);
  const min = c.integer(el, 'min_length', p, { min: 0, max: 3000 });
  const max = c.integer(el, 'max_length', p, { min: 1, max: 3000 });
  if (min !== undefined && max !== undefined && min > max) {
    c.add('min_length must be less than or equal to max_length', at(p, 'min_length'));
  }
};

const numberInput: ElementCheck = (c, el, p) => {
  checkTextInputBase(c, el, p, ['is_decimal_allowed', 'min_value', 'max_value']);
  c.boolean(el, 'is_decimal_allowed', p, true);
  const decimal = el.is_decimal_allowed === true;
  checkNumericString(c, el, 'initial_value', p, decimal);
  const min = checkNumericString(c, el, 'min_value', p, decimal);
  const max = checkNumericString(c, el, 'max_value', p, decimal);
  if (min !== undefined && max !== undefined && min > max) {
    c.add('min_value must be less than or equal to max_value', at(p, 'min_value'));
  }
};

const simpleTextInput: ElementCheck = (c, el, p) => {
  checkTextInputBase(c, el, p, []);
};

/** Image element (context elements, section accessory): alt_text ≤ 2000 and image_url ≤ 3000 or slack_file. */
export const imageElement: ElementCheck = (c, el, p) => {
  c.keys(el, ['type', 'alt_text', 'image_url', 'slack_file'], p);
  c.string(el, 'alt_text', p, { min: 1, max: 2000, required: true });
  checkImageSource(c, el, p);
};

export function checkImageSource(c: Checker, obj: JsonObject, p: string): void {
  if (obj.image_url === undefined && obj.slack_file === undefined) {
    c.add('missing required field: image_url', p);
    return;
  }
  c.string(obj, 'image_url', p, { min: 1, max: 3000 });
  const file = obj.slack_file;
  if (file === undefined) return;
  const filePointer = at(p, 'slack_file');
  if (!c.object(file, filePointer)) return;
  c.keys(file, ['url', 'id'], filePointer);
  if (file.url === undefined && file.id === undefined) c.add('missing required field: url', filePointer);
  c.string(file, 'url', filePointer, { min: 1, max: 3000 });
  c.string(file, 'id', filePointer);
}

const ELEMENTS: Record<string, ElementCheck> = {
  button,
  static_select: staticSelect,
  multi_static_select: multiStaticSelect,
  external_select: externalSelect,
  multi_external_select: multiExternalSelect,
  users_select: usersSelect,
  multi_users_select: multiUsersSelect,
  conversations_select: conversationsSelect,
  multi_conversations_select: multiConversationsSelect,
  channels_select: channelsSelect,
  multi_channels_select: multiChannelsSelect,
  overflow,
  datepicker,
  timepicker,
  datetimepicker,
  checkboxes: choiceElement('initial_options'),
  radio_buttons: choiceElement('initial_option'),
  plain_text_input: plainTextInput,
  number_input: numberInput,
  email_text_input: simpleTextInput,
  url_text_input: simpleTextInput,
  image: imageElement,
};

const SELECTS = [
  'static_select',
  'multi_static_select',
  'external_select',
  'multi_external_select',
  'users_select',
  'multi_users_select',
  'conversations_select',
  'multi_conversations_select',
  'channels_select',
  'multi_channels_select',
];

/** Element types allowed in each place (@slack/types `SectionBlockAccessory`, `ActionsBlockElement`, `InputBlockElement`). */
export const SECTION_ACCESSORY_TYPES = [
  'button',
  'checkboxes',
  'datepicker',
  'image',
  'overflow',
  'radio_buttons',
  'timepicker',
  ...SELECTS,
];
export const ACTIONS_ELEMENT_TYPES = [
  'button',
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'overflow',
  'radio_buttons',
  'timepicker',
  ...SELECTS,
];
export const INPUT_ELEMENT_TYPES = [
  'checkboxes',
  'datepicker',
  'datetimepicker',
  'email_text_input',
  'number_input',
  'plain_text_input',
  'radio_buttons',
  'timepicker',
  'url_text_input',
  ...SELECTS,
];

/** Checks an element whose type must be one of `allowed`; anything else fails the union schema. */
export function checkElement(
  c: Checker,
  value: JsonValue | undefined,
  pointer: string,
  allowed: readonly string[],
): void {
  if (!c.object(value, pointer)) return;
  const type = value.type;
  const check = typeof type === 'string' && allowed.includes(type) ? ELEMENTS[type] : undefined;
  if (!check) {
    c.add('failed to match all allowed schemas', pointer);
    return;
  }
  check(c, value, pointer);
}
