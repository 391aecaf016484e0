/**
 * Collects Block Kit violations as Slack words them: `<message> [json-pointer:<path>]`.
 * Wording follows errors captured from Slack (Slack's Block Kit reference): "must be less than 3001 characters",
 * "no more than 50 items allowed", "missing required field: x", "invalid additional property: x",
 * "must be a valid enum value", "failed to match all allowed schemas", "must provide an object".
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json';

export interface LengthRule {
  min?: number;
  max?: number;
  required?: boolean;
}

function escapePointerToken(token: string): string {
  return token.replaceAll('~', '~0').replaceAll('/', '~1');
}

export function at(pointer: string, key: string | number): string {
  return `${pointer}/${escapePointerToken(String(key))}`;
}

/** Counts characters the way a person would (code points, not UTF-16 units). */
function charCount(text: string): number {
  return [...text].length;
}

export class Checker {
  readonly issues: string[] = [];
  private readonly blockIds = new Set<string>();

  add(message: string, pointer: string): void {
    this.issues.push(`${message} [json-pointer:${pointer}]`);
  }

  object(value: JsonValue | undefined, pointer: string): value is JsonObject {
    if (isJsonObject(value)) return true;
    this.add('must provide an object', pointer);
    return false;
  }

  /** Rejects properties Slack does not know for this object. */
  keys(obj: JsonObject, allowed: readonly string[], pointer: string): void {
    for (const key of Object.keys(obj)) {
      if (!allowed.includes(key)) this.add(`invalid additional property: ${key}`, pointer);
    }
  }

  required(obj: JsonObject, key: string, pointer: string): boolean {
    if (obj[key] !== undefined) return true;
    this.add(`missing required field: ${key}`, pointer);
    return false;
  }

  string(obj: JsonObject, key: string, pointer: string, rule: LengthRule = {}): string | undefined {
    const value = obj[key];
    if (value === undefined) {
      if (rule.required) this.add(`missing required field: ${key}`, pointer);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.add('must provide a string', at(pointer, key));
      return undefined;
    }
    this.length(value, at(pointer, key), rule);
    return value;
  }

  /** Checks a string's length; whitespace-only text counts as empty for the minimum (as Slack does). */
  length(value: string, pointer: string, rule: LengthRule): void {
    const { min, max } = rule;
    if (min !== undefined && charCount(value.trim()) < min) {
      this.add(`must be more than ${min - 1} characters`, pointer);
    }
    if (max !== undefined && charCount(value) > max) {
      this.add(`must be less than ${max + 1} characters`, pointer);
    }
  }

  boolean(obj: JsonObject, key: string, pointer: string, required = false): void {
    const value = obj[key];
    if (value === undefined) {
      if (required) this.add(`missing required field: ${key}`, pointer);
      return;
    }
    if (typeof value !== 'boolean') this.add('must provide a boolean', at(pointer, key));
  }

  integer(obj: JsonObject, key: string, pointer: string, rule: LengthRule = {}): number | undefined {
    const value = obj[key];
    if (value === undefined) {
      if (rule.required) this.add(`missing required field: ${key}`, pointer);
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      this.add('must provide an integer', at(pointer, key));
      return undefined;
    }
    if (rule.min !== undefined && value < rule.min)
      this.add(`must be at least ${rule.min}`, at(pointer, key));
    if (rule.max !== undefined && value > rule.max) this.add(`must be at most ${rule.max}`, at(pointer, key));
    return value;
  }

  enumValue(obj: JsonObject, key: string, pointer: string, allowed: readonly string[]): void {
    const value = obj[key];
    if (value === undefined) return;
    if (typeof value !== 'string' || !allowed.includes(value)) {
      this.add('must be a valid enum value', at(pointer, key));
    }
  }

  array(obj: JsonObject, key: string, pointer: string, rule: LengthRule = {}): JsonValue[] | undefined {
    const value = obj[key];
    if (value === undefined) {
      if (rule.required) this.add(`missing required field: ${key}`, pointer);
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.add('must provide an array', at(pointer, key));
      return undefined;
    }
    if (rule.min !== undefined && value.length < rule.min) {
      this.add(`must provide at least ${rule.min} items`, at(pointer, key));
    }
    if (rule.max !== undefined && value.length > rule.max) {
      this.add(`no more than ${rule.max} items allowed`, at(pointer, key));
    }
    return value;
  }

  /** `block_id`: at most 255 characters and unique within the message or view. */
  blockId(block: JsonObject, pointer: string): void {
    const id = this.string(block, 'block_id', pointer, { max: 255 });
    if (id === undefined) return;
    if (this.blockIds.has(id)) this.add(`duplicate block_id: ${id}`, at(pointer, 'block_id'));
    this.blockIds.add(id);
  }
}
