/**
 * Composition objects: text, option, option group, confirmation dialog.
 * Limits: Slack's Block Kit reference (text 1–3000; option text 75 / value 150 / description 75 / url 3000;
 * option group label 75, options 100; confirm title 100, text 300, confirm/deny 30).
 */
import type { JsonObject, JsonValue } from '../json';
import { at, type Checker } from './checker';

export interface TextRule {
  max: number;
  plainOnly?: boolean;
  required?: boolean;
}

const PLAIN_TEXT_KEYS = ['type', 'text', 'emoji'] as const;
const MRKDWN_KEYS = ['type', 'text', 'verbatim'] as const;

/** A `plain_text` or `mrkdwn` text object (`emoji` only on plain_text, `verbatim` only on mrkdwn). */
export function checkTextObject(c: Checker, value: JsonValue, pointer: string, rule: TextRule): void {
  if (!c.object(value, pointer)) return;
  const type = value.type;
  if (type !== 'plain_text' && type !== 'mrkdwn') {
    c.add('failed to match all allowed schemas', pointer);
    if (type === undefined) c.add('missing required field: type', pointer);
    else c.add('must be a valid enum value', at(pointer, 'type'));
    return;
  }
  if (rule.plainOnly && type !== 'plain_text') {
    c.add('must be a valid enum value', at(pointer, 'type'));
    return;
  }
  c.keys(value, type === 'plain_text' ? PLAIN_TEXT_KEYS : MRKDWN_KEYS, pointer);
  c.string(value, 'text', pointer, { min: 1, max: rule.max, required: true });
  c.boolean(value, type === 'plain_text' ? 'emoji' : 'verbatim', pointer);
}

/** Checks `obj[key]` as a text object when present (or reports it missing when required). */
export function checkTextField(
  c: Checker,
  obj: JsonObject,
  key: string,
  pointer: string,
  rule: TextRule,
): void {
  const value = obj[key];
  if (value === undefined) {
    if (rule.required) c.add(`missing required field: ${key}`, pointer);
    return;
  }
  checkTextObject(c, value, at(pointer, key), rule);
}

export interface OptionRule {
  /** Options of selects and overflow menus take plain_text only; checkboxes and radio buttons accept mrkdwn. */
  plainOnly: boolean;
  /** Only overflow menu options may carry a `url`. */
  allowUrl?: boolean;
}

function checkOption(c: Checker, value: JsonValue, pointer: string, rule: OptionRule): void {
  if (!c.object(value, pointer)) return;
  const keys = rule.allowUrl ? ['text', 'value', 'description', 'url'] : ['text', 'value', 'description'];
  c.keys(value, keys, pointer);
  checkTextField(c, value, 'text', pointer, { max: 75, plainOnly: rule.plainOnly, required: true });
  c.string(value, 'value', pointer, { max: 150, required: true });
  checkTextField(c, value, 'description', pointer, { max: 75, plainOnly: true });
  if (rule.allowUrl) c.string(value, 'url', pointer, { min: 1, max: 3000 });
}

export function checkOptionList(
  c: Checker,
  obj: JsonObject,
  key: string,
  pointer: string,
  rule: OptionRule & { min?: number; max: number; required?: boolean },
): void {
  const options = c.array(obj, key, pointer, rule);
  options?.forEach((option, i) => {
    checkOption(c, option, at(at(pointer, key), i), rule);
  });
}

export function checkOptionField(
  c: Checker,
  obj: JsonObject,
  key: string,
  pointer: string,
  rule: OptionRule,
): void {
  const value = obj[key];
  if (value !== undefined) checkOption(c, value, at(pointer, key), rule);
}

export function checkOptionGroups(c: Checker, obj: JsonObject, pointer: string): void {
  const groups = c.array(obj, 'option_groups', pointer, { min: 1, max: 100 });
  groups?.forEach((group, i) => {
    const groupPointer = at(at(pointer, 'option_groups'), i);
    if (!c.object(group, groupPointer)) return;
    c.keys(group, ['label', 'options'], groupPointer);
    checkTextField(c, group, 'label', groupPointer, { max: 75, plainOnly: true, required: true });
    checkOptionList(c, group, 'options', groupPointer, { plainOnly: true, min: 1, max: 100, required: true });
  });
}

export function checkConfirm(c: Checker, obj: JsonObject, pointer: string): void {
  const value = obj.confirm;
  if (value === undefined) return;
  const confirmPointer = at(pointer, 'confirm');
  if (!c.object(value, confirmPointer)) return;
  c.keys(value, ['title', 'text', 'confirm', 'deny', 'style'], confirmPointer);
  checkTextField(c, value, 'title', confirmPointer, { max: 100, plainOnly: true, required: true });
  checkTextField(c, value, 'text', confirmPointer, { max: 300, required: true });
  checkTextField(c, value, 'confirm', confirmPointer, { max: 30, plainOnly: true, required: true });
  checkTextField(c, value, 'deny', confirmPointer, { max: 30, plainOnly: true, required: true });
  c.enumValue(value, 'style', confirmPointer, ['primary', 'danger']);
}
