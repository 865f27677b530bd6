/**
 * schema.org microdata (itemscope/itemtype/itemprop) turned into the same shape as JSON-LD,
 * so one mapper reads both.
 */
import type { ChildNode, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { isOrganizationType } from './organization-types.ts';
import type { JsonObject, JsonValue } from './json-ld.ts';
import type { ParsedPage } from './parsed-page.ts';
import { attr, textOf } from './parsed-page.ts';
import { MAX_DOM_DEPTH, MAX_JSON_LD_NODES } from './limits.ts';

const URL_VALUED: Readonly<Record<string, string>> = { a: 'href', link: 'href', area: 'href', img: 'src', audio: 'src', video: 'src', source: 'src', object: 'data', time: 'datetime', data: 'value', meter: 'value' };
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function itemTypes(el: Element): string[] {
  return (attr(el, 'itemtype') ?? '').split(/\s+/).filter(Boolean).map((t) => t.replace(/^https?:\/\/schema\.org\//i, ''));
}

function propertyValue(el: Element): JsonValue {
  if (el.attribs['itemscope'] !== undefined) return readItem(el);
  const content = attr(el, 'content');
  if (content !== undefined) return content.trim();
  const urlAttr = URL_VALUED[el.name];
  const fromAttr = urlAttr ? attr(el, urlAttr) : undefined;
  return (fromAttr ?? textOf(el)).trim();
}

function addProperty(item: JsonObject, name: string, value: JsonValue): void {
  if (UNSAFE_KEYS.has(name)) return;
  const existing = Object.hasOwn(item, name) ? item[name] : undefined;
  if (existing === undefined) item[name] = value;
  else item[name] = Array.isArray(existing) ? [...existing, value] : [existing, value];
}

/** One item: its own properties, not those of the items nested in it. */
export function readItem(scope: Element): JsonObject {
  const item: JsonObject = Object.create(null) as JsonObject;
  item['@type'] = itemTypes(scope);
  let budget = MAX_JSON_LD_NODES;
  const visit = (nodes: readonly ChildNode[], depth: number): void => {
    for (const node of nodes) {
      if (!isTag(node) || budget-- <= 0 || depth > MAX_DOM_DEPTH) continue;
      const props = attr(node, 'itemprop');
      if (props) for (const name of props.split(/\s+/)) addProperty(item, name, propertyValue(node));
      if (node.attribs['itemscope'] === undefined) visit(node.children, depth + 1);
    }
  };
  visit(scope.children, 0);
  return item;
}

export function readMicrodataOrganizations(page: ParsedPage): JsonObject[] {
  const found: JsonObject[] = [];
  const visit = (nodes: readonly ChildNode[], depth: number): void => {
    for (const node of nodes) {
      if (!isTag(node) || depth > MAX_DOM_DEPTH) continue;
      if (node.attribs['itemscope'] !== undefined && isOrganizationType(itemTypes(node))) found.push(readItem(node));
      visit(node.children, depth + 1);
    }
  };
  visit(page.document.children, 0);
  return found;
}
