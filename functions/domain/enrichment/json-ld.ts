/**
 * JSON-LD blocks read defensively: malformed JSON is repaired where the fault is common
 * (comments, CDATA, trailing commas, raw newlines in strings) and skipped otherwise; keys that
 * could reach a prototype are dropped; the walk is bounded.
 */
import { MAX_JSON_LD_CHARS, MAX_JSON_LD_NODES } from './limits.ts';

export type JsonObject = { [key: string]: JsonValue };
export type JsonValue = string | number | boolean | null | JsonValue[] | JsonObject;

/** Raw newlines and tabs inside strings are the commonest hand-written JSON-LD fault. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /[\u0000-\u001f]+/g;
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

const safeReviver = (key: string, value: unknown): unknown => (UNSAFE_KEYS.has(key) ? undefined : value);

const BARE_KEY_START = /[A-Za-z_$@]/;
const BARE_KEY_PART = /[\w$@-]/;

/**
 * Quotes bare object keys (`{ legalName: "x" }`, a hand-edited template's usual slip), reading
 * strings as strings so text such as `"Fast, reliable: always"` is never touched.
 */
function quoteBareKeys(text: string): string {
  let out = '';
  let expectKey = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] as string;
    if (ch === '"') {
      const end = closingQuote(text, i);
      out += text.slice(i, end + 1);
      i = end;
      expectKey = false;
    } else if (expectKey && BARE_KEY_START.test(ch)) {
      let end = i;
      while (end < text.length && BARE_KEY_PART.test(text[end] as string)) end += 1;
      const word = text.slice(i, end);
      const isKey = /^\s*:/.test(text.slice(end, end + 20));
      out += isKey ? `"${word}"` : word;
      i = end - 1;
      expectKey = false;
    } else {
      out += ch;
      if (ch === '{' || ch === ',') expectKey = true;
      else if (!/\s/.test(ch)) expectKey = false;
    }
  }
  return out;
}

function closingQuote(text: string, open: number): number {
  for (let i = open + 1; i < text.length; i += 1) {
    if (text[i] === '\\') i += 1;
    else if (text[i] === '"') return i;
  }
  return text.length - 1;
}

function repair(raw: string): string {
  return quoteBareKeys(raw)
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .replace(/,\s*([}\]])/g, '$1')
    .replace(CONTROL_CHARACTERS, ' ');
}

export function parseJsonLdBlock(raw: string): JsonValue | undefined {
  if (raw.length > MAX_JSON_LD_CHARS) return undefined;
  for (const text of [raw, repair(raw)]) {
    try {
      return JSON.parse(text, safeReviver) as JsonValue;
    } catch {
      // try the repaired text, then give up on this block
    }
  }
  return undefined;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The node's `@type`s without the schema.org prefix. */
export function typesOf(node: JsonObject): string[] {
  const raw = node['@type'];
  const list = Array.isArray(raw) ? raw : [raw];
  return list.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^https?:\/\/schema\.org\//i, ''));
}

/** Every typed object in the documents, nested ones and `@graph` members included. */
export function typedNodes(documents: readonly JsonValue[]): JsonObject[] {
  const out: JsonObject[] = [];
  const queue: JsonValue[] = [...documents];
  // Breadth-first, so top-level nodes come before the ones nested in them.
  for (let i = 0; i < queue.length && i < MAX_JSON_LD_NODES; i += 1) {
    const value = queue[i] as JsonValue;
    if (Array.isArray(value)) queue.push(...value.slice(0, MAX_JSON_LD_NODES));
    else if (isObject(value)) {
      if (value['@type'] !== undefined) out.push(value);
      for (const child of Object.values(value)) if (typeof child === 'object' && child !== null) queue.push(child);
    }
  }
  return out;
}

export function firstString(value: JsonValue | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) {
    for (const item of value) {
      const s = firstString(item);
      if (s) return s;
    }
  }
  if (isObject(value)) return firstString(value['url'] ?? value['@id'] ?? value['name'] ?? value['value']);
  return undefined;
}

export function allStrings(value: JsonValue | undefined): string[] {
  if (typeof value === 'string') return value.trim() ? [value.trim()] : [];
  if (Array.isArray(value)) return value.flatMap((v) => allStrings(v));
  if (isObject(value)) return allStrings(value['url'] ?? value['@id']);
  return [];
}

const nodesByBlocks = new WeakMap<readonly string[], JsonObject[]>();

/**
 * Every typed node of a page's JSON-LD blocks, parsed once per page: the organisation and the
 * people extractors both read them. Keyed on the page's block list; callers must not mutate nodes.
 */
export function jsonLdNodes(blocks: readonly string[]): JsonObject[] {
  let nodes = nodesByBlocks.get(blocks);
  if (!nodes) {
    nodes = typedNodes(blocks.map(parseJsonLdBlock).filter((d): d is JsonValue => d !== undefined));
    nodesByBlocks.set(blocks, nodes);
  }
  return nodes;
}
