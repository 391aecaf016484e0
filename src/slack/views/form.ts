// Reading modal submissions: each input is addressed by its block id and action id, validated with
// zod, and any problem comes back keyed by block id for `response_action: "errors"`.
import { z } from 'zod';

export type StateValues = Record<string, Record<string, StateValue>>;
export interface StateValue {
  type?: string;
  value?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_date?: string | null;
  selected_time?: string | null;
  selected_user?: string | null;
  selected_conversation?: string | null;
}

/**
 * The raw value of one input as a string (or string[] for multi-selects and checkboxes). Anything of
 * another shape (a crafted payload) reads as missing, so the field's own message answers it.
 */
export function rawValue(
  values: StateValues,
  blockId: string,
  actionId: string,
): string | string[] | undefined {
  const block = values?.[blockId];
  const v = block && typeof block === 'object' ? (block as Record<string, unknown>)[actionId] : undefined;
  if (!v || typeof v !== 'object') return undefined;
  const input = v as Record<string, unknown>;
  if (input.selected_options !== undefined) {
    if (!Array.isArray(input.selected_options)) return undefined;
    const picked = input.selected_options.map((o) => (o as { value?: unknown } | null)?.value);
    return picked.every((p): p is string => typeof p === 'string') ? picked : undefined;
  }
  const option = input.selected_option as { value?: unknown } | null | undefined;
  const single = [
    option && typeof option === 'object' ? option.value : undefined,
    input.selected_date,
    input.selected_time,
    input.selected_user,
    input.selected_conversation,
    input.value,
  ].find((candidate) => candidate !== undefined && candidate !== null);
  return typeof single === 'string' ? single : undefined;
}

export type FormSpec = Record<string, { blockId: string; actionId: string; schema: z.ZodType }>;

export type FormResult<S extends FormSpec> =
  | { ok: true; data: { [K in keyof S]: z.output<S[K]['schema']> } }
  | { ok: false; errors: Record<string, string> };

type FormData<S extends FormSpec> = { [K in keyof S]: z.output<S[K]['schema']> };

/**
 * Rules between fields (an end after a start), run on the fields that read well even when others did
 * not, so every problem comes back in one answer. Returns a message for each field that breaks a rule.
 */
export type CrossFieldChecks<S extends FormSpec> = (
  data: Partial<FormData<S>>,
) => Partial<Record<keyof S, string | null | undefined>>;

/**
 * Validates every field, then the rules between them: the first problem per field is reported on that
 * field's block, all fields at once.
 */
export function readForm<S extends FormSpec>(
  values: StateValues,
  spec: S,
  checks?: CrossFieldChecks<S>,
): FormResult<S> {
  const data: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  for (const [key, field] of Object.entries(spec)) {
    const raw = rawValue(values, field.blockId, field.actionId);
    const trimmed = typeof raw === 'string' ? raw.trim() : raw;
    const parsed = field.schema.safeParse(trimmed === '' ? undefined : trimmed);
    if (parsed.success) data[key] = parsed.data;
    else errors[field.blockId] = parsed.error.issues[0]?.message ?? 'Please check this field.';
  }
  if (checks) {
    const broken = checks(data as Partial<FormData<S>>);
    for (const [key, message] of Object.entries(broken) as [string, string | null | undefined][]) {
      const blockId = spec[key]?.blockId;
      if (message && blockId && !errors[blockId]) errors[blockId] = message;
    }
  }
  return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, data: data as FormData<S> };
}

/** Parses private_metadata (or a button value) written by one of our builders; null when it is not. */
export function readJson<T>(text: string | undefined | null, schema: z.ZodType<T>): T | null {
  if (!text) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Where a message lives, kept in a modal's metadata so submitting it can update that message. */
export const MessageRef = z.object({ channel: z.string().min(1), ts: z.string().min(1) });

/** A whole number typed into a text input, within a range; one clear message for anything else. */
export function wholeNumber(min: number, max: number, message: string) {
  return z
    .string({ error: message })
    .regex(/^\d{1,4}$/, message)
    .transform(Number)
    .refine((n) => n >= min && n <= max, message);
}

/** Text that may be left empty, up to `max` characters. */
export function optionalText(max: number, what: string) {
  return z.string().max(max, `Please keep ${what} under ${max} characters.`).optional();
}

/** A datepicker's YYYY-MM-DD. */
export function pickedDate(missing: string, invalid = missing) {
  return z.string({ error: missing }).regex(/^\d{4}-\d{2}-\d{2}$/, invalid);
}

/** A timepicker's HH:mm. */
export function pickedTime(missing: string, invalid = missing) {
  return z.string({ error: missing }).regex(/^\d{2}:\d{2}$/, invalid);
}
