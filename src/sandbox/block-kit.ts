/**
 * Block Kit validator (pure). Returns Slack-style messages such as
 * `must be less than 3001 characters [json-pointer:/blocks/0/text/text]`; an empty array means valid.
 * Limits and wording: Slack's Block Kit reference.
 */
import { checkBlockList } from './block-kit/blocks';
import { at, Checker } from './block-kit/checker';
import { checkTextField } from './block-kit/composition';
import { isJsonObject, type JsonObject, type JsonValue } from './json';

/** At most 50 blocks per message, 100 per modal or Home tab (Slack's Block Kit reference). */
const MESSAGE_MAX_BLOCKS = 50;
const VIEW_MAX_BLOCKS = 100;
/** Whole view payload limit behind `view_too_large` ("greater than 250kb", views.* method docs). */
const VIEW_MAX_BYTES = 250_000;

export function validateMessageBlocks(blocks: unknown): string[] {
  const c = new Checker();
  checkBlockList(c, blocks as JsonValue, '/blocks', MESSAGE_MAX_BLOCKS);
  return c.issues;
}

export function validateView(view: unknown): string[] {
  const c = new Checker();
  const pointer = '/view';
  if (!c.object(view as JsonValue, pointer)) return c.issues;
  const viewObject = view as JsonObject;
  if (viewObject.type === 'modal') checkModal(c, viewObject, pointer);
  else if (viewObject.type === 'home') checkHome(c, viewObject, pointer);
  else if (viewObject.type === undefined) c.add('missing required field: type', pointer);
  else c.add('must be a valid enum value', at(pointer, 'type'));
  // Slack leads a rejected view's messages with the union failure on the view itself.
  return c.issues.length > 0
    ? [`failed to match all allowed schemas [json-pointer:${pointer}]`, ...c.issues]
    : [];
}

export function isViewTooLarge(view: unknown): boolean {
  return Buffer.byteLength(JSON.stringify(view) ?? '', 'utf8') > VIEW_MAX_BYTES;
}

function checkCommonViewFields(c: Checker, view: JsonObject, pointer: string): void {
  if (c.required(view, 'blocks', pointer))
    checkBlockList(c, view.blocks, at(pointer, 'blocks'), VIEW_MAX_BLOCKS);
  c.string(view, 'private_metadata', pointer, { max: 3000 });
  c.string(view, 'callback_id', pointer, { max: 255 });
  c.string(view, 'external_id', pointer, { max: 255 });
}

function checkModal(c: Checker, view: JsonObject, pointer: string): void {
  c.keys(
    view,
    [
      'type',
      'title',
      'blocks',
      'close',
      'submit',
      'private_metadata',
      'callback_id',
      'clear_on_close',
      'notify_on_close',
      'external_id',
      'submit_disabled',
    ],
    pointer,
  );
  checkTextField(c, view, 'title', pointer, { max: 24, plainOnly: true, required: true });
  checkTextField(c, view, 'close', pointer, { max: 24, plainOnly: true });
  checkTextField(c, view, 'submit', pointer, { max: 24, plainOnly: true });
  checkCommonViewFields(c, view, pointer);
  c.boolean(view, 'clear_on_close', pointer);
  c.boolean(view, 'notify_on_close', pointer);
  c.boolean(view, 'submit_disabled', pointer);
  if (view.submit === undefined && Array.isArray(view.blocks)) {
    view.blocks.forEach((block, i) => {
      if (isJsonObject(block) && block.type === 'input') {
        c.add(
          'must define `submit` to use an `input` block in modals',
          `${at(at(pointer, 'blocks'), i)}/input`,
        );
      }
    });
  }
}

function checkHome(c: Checker, view: JsonObject, pointer: string): void {
  c.keys(view, ['type', 'blocks', 'private_metadata', 'callback_id', 'external_id'], pointer);
  checkCommonViewFields(c, view, pointer);
}

/**
 * Copies blocks and fills in the `block_id` and `action_id` values Slack generates when an app leaves them out,
 * so stored messages and views look like what Slack returns (and what interaction payloads reference).
 */
export function withGeneratedIds(blocks: JsonObject[], makeId: () => string): JsonObject[] {
  return blocks.map((original) => {
    const block = structuredClone(original);
    if (block.block_id === undefined) block.block_id = makeId();
    for (const element of interactiveElements(block)) {
      if (element.action_id === undefined && element.type !== 'image') element.action_id = makeId();
    }
    return block;
  });
}

function interactiveElements(block: JsonObject): JsonObject[] {
  const found: JsonObject[] = [];
  if (block.type === 'actions' && Array.isArray(block.elements))
    found.push(...block.elements.filter(isJsonObject));
  if (block.type === 'section' && isJsonObject(block.accessory)) found.push(block.accessory);
  if (block.type === 'input' && isJsonObject(block.element)) found.push(block.element);
  return found;
}
