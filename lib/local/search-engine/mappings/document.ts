import { badRequest, illegalArgument, mapperParsing } from '../errors.ts';
import { parseIsoDate } from './dates.ts';
import type { IndexMapping } from './mapping.ts';
import type { DynamicMode, FieldMapping, LeafField, ObjectField } from './types.ts';
import { indexedValue } from './values.ts';

/** OpenSearch's `index.mapping.depth.limit`: how deep mapped objects may nest. */
const MAX_DEPTH = 20;
/** How deep any JSON may nest (the JSON parser's limit in OpenSearch), arrays and unmapped subtrees included. */
const MAX_NESTING = 1_000;
const DYNAMIC_KEYWORD_IGNORE_ABOVE = 256;
const METADATA_FIELDS = new Set(['_id', '_index', '_source', '_routing', '_version', '_seq_no', '_primary_term', '_ignored', '_field_names', '_type', '_size', '_doc_count', '_data_stream_timestamp']);

export interface ParsedDocument {
  /** Per field, the indexed form of its values: normalised terms, raw text, or numbers. */
  readonly fields: ReadonlyMap<LeafField, Array<string | number>>;
  /** Set when `_source` held a field that dynamic mapping added; mapping and dataDir metadata must be updated. */
  readonly mappingChanged: boolean;
}

interface Pending {
  parent: ObjectField;
  name: string;
  field: FieldMapping;
}

/** Per-document parse state: collected values and dynamic fields not yet attached to the mapping. */
class ParseContext {
  readonly values = new Map<LeafField, Array<string | number>>();
  readonly pending: Pending[] = [];

  constructor(
    readonly mapping: IndexMapping,
    readonly id: string,
  ) {}

  add(field: LeafField, value: string | number): void {
    const list = this.values.get(field);
    if (list === undefined) this.values.set(field, [value]);
    else list.push(value);
  }

  lookup(parent: ObjectField, name: string): FieldMapping | undefined {
    const existing = parent.properties.get(name);
    if (existing !== undefined) return existing;
    return this.pending.find((p) => p.parent === parent && p.name === name)?.field;
  }
}

function dynamicLeaf(path: string, type: 'text' | 'long' | 'float' | 'boolean' | 'date'): LeafField {
  if (type === 'text') {
    const keyword: LeafField = {
      kind: 'leaf',
      path: `${path}.keyword`,
      sourcePath: path,
      type: 'keyword',
      indexKind: 'keyword',
      normalizer: null,
      ignoreAbove: DYNAMIC_KEYWORD_IGNORE_ABOVE,
      fields: new Map(),
      multiFields: [],
      definition: { type: 'keyword', ignore_above: DYNAMIC_KEYWORD_IGNORE_ABOVE },
    };
    return { ...keyword, path, sourcePath: path, type: 'text', indexKind: 'text', ignoreAbove: Infinity, fields: new Map([['keyword', keyword]]), multiFields: [keyword], definition: { type: 'text', fields: { keyword: keyword.definition } } };
  }
  return { kind: 'leaf', path, sourcePath: path, type, indexKind: 'numeric', normalizer: null, ignoreAbove: Infinity, fields: new Map(), multiFields: [], definition: { type } };
}

/** The first non-null element of a possibly nested array, found without recursion. */
function firstValue(value: unknown): unknown {
  const stack = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    else if (v !== null && v !== undefined) return v;
  }
  return undefined;
}

/** OpenSearch's default dynamic mapping for a JSON value; undefined for null/empty arrays. */
function dynamicFieldFor(ctx: ParseContext, path: string, value: unknown): FieldMapping | undefined {
  const sample = firstValue(value);
  if (sample === undefined || sample === null) return undefined;
  if (typeof sample === 'object') return { kind: 'object', path, dynamic: undefined, enabled: true, properties: new Map() };
  if (typeof sample === 'boolean') return dynamicLeaf(path, 'boolean');
  if (typeof sample === 'number') return dynamicLeaf(path, Number.isInteger(sample) ? 'long' : 'float');
  const text = String(sample);
  return ctx.mapping.dateDetection && /^\d{4}[-/]\d{2}[-/]\d{2}/.test(text) && parseIsoDate(text) !== undefined ? dynamicLeaf(path, 'date') : dynamicLeaf(path, 'text');
}

function childPath(parent: ObjectField, name: string): string {
  return parent.path ? `${parent.path}.${name}` : name;
}

function resolveChild(ctx: ParseContext, parent: ObjectField, name: string, dynamic: DynamicMode, value: unknown): FieldMapping | undefined {
  const existing = ctx.lookup(parent, name);
  if (existing !== undefined) return existing;
  if (dynamic === 'strict') {
    throw badRequest('strict_dynamic_mapping_exception', `mapping set to strict, dynamic introduction of [${name}] within [${parent.path || '_doc'}] is not allowed`);
  }
  if (dynamic === 'false') return undefined;
  const created = dynamicFieldFor(ctx, childPath(parent, name), value);
  if (created !== undefined) ctx.pending.push({ parent, name, field: created });
  return created;
}

function tooDeep(): Error {
  return mapperParsing(`The document nests deeper than the allowed limit of [${MAX_NESTING}]`);
}

/**
 * Bounds the nesting of a subtree parsing will not walk (dynamic:false or enabled:false), so
 * later recursive walks of `_source` (source filtering, updates) cannot overflow the stack.
 */
function checkNesting(value: unknown, depth: number): void {
  if (value === null || typeof value !== 'object') return;
  if (depth > MAX_NESTING) throw tooDeep();
  for (const child of Array.isArray(value) ? value : Object.values(value)) checkNesting(child, depth + 1);
}

function parseLeafValue(ctx: ParseContext, field: LeafField, value: unknown, depth: number): void {
  if (value === null) return;
  if (Array.isArray(value)) {
    if (depth > MAX_NESTING) throw tooDeep();
    for (const item of value) parseLeafValue(ctx, field, item, depth + 1);
    return;
  }
  const indexed = indexedValue(field, ctx.id, value);
  if (indexed !== undefined) ctx.add(field, indexed);
  for (const sub of field.multiFields) {
    const subValue = indexedValue(sub, ctx.id, value);
    if (subValue !== undefined) ctx.add(sub, subValue);
  }
}

/** `inherited` is the dynamic mode of the enclosing object: objects without their own setting inherit it. */
function parseValue(ctx: ParseContext, field: FieldMapping, value: unknown, depth: number, inherited: DynamicMode): void {
  if (field.kind === 'leaf') {
    parseLeafValue(ctx, field, value, depth);
    return;
  }
  if (value === null) return;
  if (Array.isArray(value)) {
    if (depth > MAX_NESTING) throw tooDeep();
    for (const item of value) parseValue(ctx, field, item, depth + 1, inherited);
    return;
  }
  if (typeof value !== 'object') {
    throw mapperParsing(`object mapping for [${field.path}] tried to parse field [${field.path}] as object, but found a concrete value`);
  }
  if (field.enabled) parseObjectValue(ctx, field, value as Record<string, unknown>, depth + 1, field.dynamic ?? inherited);
  else checkNesting(value, depth);
}

function checkKey(ctx: ParseContext, object: ObjectField, key: string): void {
  if (key.length === 0 || key.startsWith('.') || key.endsWith('.') || key.includes('..')) {
    throw mapperParsing(`field name cannot be an empty string or contain empty path segments: [${key}]`);
  }
  if (object === ctx.mapping.root && METADATA_FIELDS.has(key)) {
    throw mapperParsing(`Field [${key}] is a metadata field and cannot be added inside a document. Use the index API request parameters.`);
  }
}

/** A dotted key ("a.b": 1) means the same as the object path {a: {b: 1}}; undefined when dynamic:false skips it. */
function resolveDottedParent(ctx: ParseContext, object: ObjectField, parts: string[], dynamic: DynamicMode): [ObjectField, DynamicMode] | undefined {
  let parent = object;
  let parentDynamic = dynamic;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = resolveChild(ctx, parent, parts[i]!, parentDynamic, {});
    if (next === undefined) return undefined;
    if (next.kind !== 'object') {
      throw mapperParsing(`Could not dynamically add mapping for field [${parts.join('.')}]. Existing mapping for [${next.path}] must be of type object but found [${next.type}].`);
    }
    parentDynamic = next.dynamic ?? parentDynamic;
    parent = next;
  }
  return [parent, parentDynamic];
}

function parseObjectValue(ctx: ParseContext, object: ObjectField, source: Record<string, unknown>, depth: number, inherited: DynamicMode): void {
  if (depth > MAX_DEPTH) throw mapperParsing(`The depth of the field has exceeded the allowed limit of [${MAX_DEPTH}]`);
  const dynamic = object.dynamic ?? inherited;
  for (const key of Object.keys(source)) {
    checkKey(ctx, object, key);
    const value = source[key];
    if (!key.includes('.')) {
      const field = resolveChild(ctx, object, key, dynamic, value);
      if (field !== undefined) parseValue(ctx, field, value, depth, dynamic);
      else checkNesting(value, depth);
      continue;
    }
    const parts = key.split('.');
    const resolved = resolveDottedParent(ctx, object, parts, dynamic);
    const field = resolved === undefined ? undefined : resolveChild(ctx, resolved[0], parts[parts.length - 1]!, resolved[1], value);
    if (field !== undefined) parseValue(ctx, field, value, depth, resolved![1]);
    else checkNesting(value, depth);
  }
}

function countFields(field: FieldMapping): number {
  if (field.kind === 'leaf') return 1 + field.fields.size;
  let n = 1;
  for (const child of field.properties.values()) n += countFields(child);
  return n;
}

/**
 * Validates `_source` against the mapping and extracts the indexed values. Dynamic fields are
 * attached to the mapping only when the whole document parsed, as OpenSearch does.
 */
export function parseDocument(mapping: IndexMapping, id: string, source: Record<string, unknown>, totalFieldsLimit: number): ParsedDocument {
  const ctx = new ParseContext(mapping, id);
  parseObjectValue(ctx, mapping.root, source, 1, mapping.dynamic);
  if (ctx.pending.length > 0) {
    // Pending objects are still empty here: their children are pending entries of their own.
    const added = ctx.pending.reduce((n, p) => n + countFields(p.field), 0);
    if (mapping.totalFields + added > totalFieldsLimit) throw illegalArgument(`Limit of total fields [${totalFieldsLimit}] has been exceeded`);
    for (const p of ctx.pending) mapping.attach(p.parent, p.name, p.field);
  }
  return { fields: ctx.values, mappingChanged: ctx.pending.length > 0 };
}
