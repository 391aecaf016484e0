/**
 * Layout blocks: section, divider, header, context, actions, input, image, rich_text, markdown.
 * Limits: Slack's Block Kit reference (section text 3000, fields 10 × 2000; header 150; context ≤ 10 elements;
 * actions ≤ 25 elements; input label/hint 2000; image alt_text/title 2000, image_url 3000; markdown 12000).
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../json';
import { at, type Checker } from './checker';
import { checkTextField, checkTextObject } from './composition';
import {
  ACTIONS_ELEMENT_TYPES,
  checkElement,
  checkImageSource,
  INPUT_ELEMENT_TYPES,
  imageElement,
  SECTION_ACCESSORY_TYPES,
} from './elements';

type BlockCheck = (c: Checker, block: JsonObject, pointer: string) => void;

const section: BlockCheck = (c, b, p) => {
  c.keys(b, ['type', 'block_id', 'text', 'fields', 'accessory', 'expand'], p);
  if (b.text === undefined && b.fields === undefined) c.add('missing required field: text', p);
  checkTextField(c, b, 'text', p, { max: 3000 });
  const fields = c.array(b, 'fields', p, { min: 1, max: 10 });
  fields?.forEach((field, i) => {
    checkTextObject(c, field, at(at(p, 'fields'), i), { max: 2000 });
  });
  if (b.accessory !== undefined) checkElement(c, b.accessory, at(p, 'accessory'), SECTION_ACCESSORY_TYPES);
  c.boolean(b, 'expand', p);
};

const divider: BlockCheck = (c, b, p) => {
  c.keys(b, ['type', 'block_id'], p);
};

const header: BlockCheck = (c, b, p) => {
  c.keys(b, ['type', 'block_id', 'text'], p);
  checkTextField(c, b, 'text', p, { max: 150, plainOnly: true, required: true });
};

const context: BlockCheck = (c, b, p) => {
  c.keys(b, ['type', 'block_id', 'elements'], p);
  const elements = c.array(b, 'elements', p, { min: 1, max: 10, required: true });
  elements?.forEach((element, i) => {
    checkContextElement(c, element, at(at(p, 'elements'), i));
  });
};

function checkContextElement(c: Checker, element: JsonValue, pointer: string): void {
  if (!c.object(element, pointer)) return;
  if (element.type === 'image') imageElement(c, element, pointer);
  else checkTextObject(c, element, pointer, { max: 3000 });
}

const actions: BlockCheck = (c, b, p) => {
  c.keys(b, ['type', 'block_id', 'elements'], p);
  const elements = c.array(b, 'elements', p, { min: 1, max: 25, required: true });
  const actionIds = new Set<string>();
  elements?.forEach((element, i) => {
    const pointer = at(at(p, 'elements'), i);
    checkElement(c, element, pointer, ACTIONS_ELEMENT_TYPES);
    const actionId = isJsonObject(element) ? element.action_id : undefined;
    if (typeof actionId !== 'string') return;
    if (actionIds.has(actionId)) c.add(`duplicate action_id: ${actionId}`, at(pointer, 'action_id'));
    actionIds.add(actionId);
  });
};

const input: BlockCheck = (c, b, p) => {
  c.keys(b, ['type', 'block_id', 'label', 'element', 'hint', 'optional', 'dispatch_action'], p);
  checkTextField(c, b, 'label', p, { max: 2000, plainOnly: true, required: true });
  if (c.required(b, 'element', p)) checkElement(c, b.element, at(p, 'element'), INPUT_ELEMENT_TYPES);
  checkTextField(c, b, 'hint', p, { max: 2000, plainOnly: true });
  c.boolean(b, 'optional', p);
  c.boolean(b, 'dispatch_action', p);
};

const image: BlockCheck = (c, b, p) => {
  c.keys(b, ['type', 'block_id', 'image_url', 'slack_file', 'alt_text', 'title'], p);
  c.string(b, 'alt_text', p, { min: 1, max: 2000, required: true });
  checkTextField(c, b, 'title', p, { max: 2000, plainOnly: true });
  checkImageSource(c, b, p);
};

/** rich_text is checked leniently: an array of typed objects. */
const richText: BlockCheck = (c, b, p) => {
  c.keys(b, ['type', 'block_id', 'elements'], p);
  const elements = c.array(b, 'elements', p, { required: true });
  elements?.forEach((element, i) => {
    const pointer = at(at(p, 'elements'), i);
    if (c.object(element, pointer) && typeof element.type !== 'string')
      c.add('missing required field: type', pointer);
  });
};

const markdown: BlockCheck = (c, b, p) => {
  c.keys(b, ['type', 'block_id', 'text'], p);
  c.string(b, 'text', p, { min: 1, max: 12000, required: true });
};

const BLOCKS: Record<string, BlockCheck> = {
  section,
  divider,
  header,
  context,
  actions,
  input,
  image,
  rich_text: richText,
  markdown,
};

function checkBlock(c: Checker, block: JsonValue, pointer: string): void {
  if (!c.object(block, pointer)) return;
  const type = block.type;
  if (typeof type !== 'string') {
    c.add('missing required field: type', pointer);
    return;
  }
  const check = BLOCKS[type];
  if (!check) {
    c.add('failed to match all allowed schemas', pointer);
    c.add(`unsupported type: ${type}`, at(pointer, 'type'));
    return;
  }
  c.blockId(block, pointer);
  check(c, block, pointer);
}

/** Checks a blocks array (`/blocks` of a message or `/view/blocks`). */
export function checkBlockList(
  c: Checker,
  blocks: JsonValue | undefined,
  pointer: string,
  max: number,
): void {
  if (!Array.isArray(blocks)) {
    c.add('must provide an array', pointer);
    return;
  }
  if (blocks.length > max) c.add(`no more than ${max} items allowed`, pointer);
  blocks.forEach((block, i) => {
    checkBlock(c, block, at(pointer, i));
  });
}
