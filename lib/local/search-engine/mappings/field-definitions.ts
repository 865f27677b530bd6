import { illegalArgument, mapperParsing, unsupported } from '../errors.ts';
import { checkDateFormat } from './dates.ts';
import { analyzerExists, normalizerFor } from '../settings.ts';
import type { IndexSettings } from '../settings.ts';
import { indexKindOf, NUMERIC_TYPES } from './types.ts';
import type { DynamicMode, FieldMapping, LeafField, LeafType, ObjectField } from './types.ts';

/** Parameters that change nothing observable for this engine, so they are accepted as-is. */
const INERT_PARAMS = new Set(['type', 'store', 'boost', 'eager_global_ordinals', 'doc_values', 'index_options', 'term_vector', 'position_increment_gap']);

const PARAMS_BY_TYPE: Readonly<Record<string, ReadonlySet<string>>> = {
  keyword: new Set(['normalizer', 'ignore_above', 'index', 'fields', 'norms']),
  text: new Set(['analyzer', 'search_analyzer', 'search_quote_analyzer', 'index', 'fields', 'fielddata', 'norms']),
  numeric: new Set(['index', 'coerce', 'fields']),
  date: new Set(['index', 'format', 'fields']),
  boolean: new Set(['index', 'fields']),
};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function paramsFor(type: LeafType): ReadonlySet<string> {
  return PARAMS_BY_TYPE[NUMERIC_TYPES.has(type) ? 'numeric' : type]!;
}

function checkParams(path: string, type: LeafType, def: Record<string, unknown>): void {
  const allowed = paramsFor(type);
  for (const key of Object.keys(def)) {
    if (INERT_PARAMS.has(key) || allowed.has(key)) continue;
    throw unsupported(`mapping parameter [${key}] on field [${path}] of type [${type}]`);
  }
  if (def.fielddata === true) throw unsupported(`mapping parameter [fielddata: true] on field [${path}]`);
  // OpenSearch still sorts, aggregates and runs exists on such fields through doc values, which this engine does not keep.
  if (def.index === false) throw unsupported(`mapping parameter [index: false] on field [${path}]`);
  if (def.norms === false && type === 'text') throw unsupported(`mapping parameter [norms: false] on field [${path}]`);
  if (def.coerce === false) throw unsupported(`mapping parameter [coerce: false] on field [${path}]`);
  if (type === 'date') checkDateFormat(def.format);
}

function checkAnalyzer(settings: IndexSettings, path: string, def: Record<string, unknown>): void {
  for (const key of ['analyzer', 'search_analyzer', 'search_quote_analyzer']) {
    const name = def[key];
    if (name === undefined) continue;
    if (typeof name !== 'string' || !analyzerExists(settings, name)) throw mapperParsing(`analyzer [${String(name)}] has not been configured in mappings`);
  }
}

function parseLeaf(settings: IndexSettings, path: string, type: LeafType, def: Record<string, unknown>, parentPath: string | undefined): LeafField {
  const isMultiField = parentPath !== undefined;
  checkParams(path, type, def);
  if (type === 'text') checkAnalyzer(settings, path, def);
  const fields = new Map<string, LeafField>();
  if (def.fields !== undefined) {
    if (isMultiField) throw mapperParsing(`Field [${path}] cannot have multi-fields of its own`);
    if (!isPlainObject(def.fields)) throw mapperParsing(`[fields] on field [${path}] must be an object`);
    for (const name of Object.keys(def.fields)) {
      const sub = def.fields[name];
      if (!isPlainObject(sub)) throw mapperParsing(`Expected map for property [fields] on field [${name}]`);
      const leaf = parseFieldDefinition(settings, `${path}.${name}`, sub, path);
      if (leaf.kind !== 'leaf') throw mapperParsing(`Type [object] cannot be used in multi field`);
      fields.set(name, leaf);
    }
  }
  const ignoreAbove = def.ignore_above;
  if (ignoreAbove !== undefined && (typeof ignoreAbove !== 'number' || !Number.isInteger(ignoreAbove) || ignoreAbove < 0)) {
    throw mapperParsing(`[ignore_above] must be a non-negative integer on field [${path}]`);
  }
  const definition: Record<string, unknown> = { ...def };
  if (fields.size > 0) definition.fields = Object.fromEntries([...fields].map(([name, leaf]) => [name, leaf.definition]));
  return {
    kind: 'leaf',
    path,
    sourcePath: parentPath ?? path,
    type,
    indexKind: indexKindOf(type),
    normalizer: type === 'keyword' && typeof def.normalizer === 'string' ? normalizerFor(settings, def.normalizer, path) : null,
    ignoreAbove: typeof ignoreAbove === 'number' ? ignoreAbove : Number.POSITIVE_INFINITY,
    fields,
    multiFields: [...fields.values()],
    definition,
  };
}

function parseDynamic(value: unknown, path: string): DynamicMode | undefined {
  if (value === undefined) return undefined;
  if (value === true || value === 'true') return 'true';
  if (value === false || value === 'false') return 'false';
  if (value === 'strict') return 'strict';
  if (value === 'runtime') throw unsupported(`dynamic [runtime] on [${path || '_doc'}]`);
  throw mapperParsing(`Could not convert [dynamic] to boolean on [${path || '_doc'}]`);
}

export function parseObject(settings: IndexSettings, path: string, def: Record<string, unknown>): ObjectField {
  for (const key of Object.keys(def)) {
    if (!['type', 'properties', 'dynamic', 'enabled'].includes(key)) throw unsupported(`mapping parameter [${key}] on object field [${path}]`);
  }
  const properties = new Map<string, FieldMapping>();
  if (def.properties !== undefined) {
    if (!isPlainObject(def.properties)) throw mapperParsing(`Expected map for property [properties] on field [${path}]`);
    for (const name of Object.keys(def.properties)) {
      const child = def.properties[name];
      if (name.length === 0) throw mapperParsing('field name cannot be an empty string');
      if (!isPlainObject(child)) throw mapperParsing(`Expected map for property [fields] on field [${name}]`);
      properties.set(name, parseFieldDefinition(settings, path ? `${path}.${name}` : name, child, undefined));
    }
  }
  return { kind: 'object', path, dynamic: parseDynamic(def.dynamic, path), enabled: def.enabled !== false, properties };
}

/** `parentPath` is set for a multi-field (`fields.keyword`), whose value comes from its parent. */
export function parseFieldDefinition(settings: IndexSettings, path: string, def: Record<string, unknown>, parentPath: string | undefined): FieldMapping {
  const type = def.type ?? (def.properties !== undefined || parentPath === undefined ? 'object' : undefined);
  if (type === 'object') return parseObject(settings, path, def);
  if (type === 'keyword' || type === 'text' || type === 'date' || type === 'boolean' || (typeof type === 'string' && NUMERIC_TYPES.has(type))) {
    return parseLeaf(settings, path, type as LeafType, def, parentPath);
  }
  if (type === undefined) throw mapperParsing(`No type specified for field [${path}]`);
  throw unsupported(`field type [${String(type)}] (field [${path}])`);
}

/** A definition as GET _mapping shows it. */
export function fieldToJson(field: FieldMapping): Record<string, unknown> {
  if (field.kind === 'leaf') return { ...field.definition };
  const out: Record<string, unknown> = {};
  if (field.dynamic !== undefined) out.dynamic = field.dynamic === 'strict' ? 'strict' : field.dynamic === 'true';
  if (!field.enabled) out.enabled = false;
  if (field.properties.size > 0) out.properties = Object.fromEntries([...field.properties].map(([name, child]) => [name, fieldToJson(child)]));
  return out;
}

function sameLeafDefinition(a: LeafField, b: LeafField): boolean {
  const strip = (def: Readonly<Record<string, unknown>>): string => JSON.stringify({ ...def, fields: undefined });
  return strip(a.definition) === strip(b.definition);
}

/** Merges a PUT _mapping update, allowing only additions as OpenSearch does. */
export function mergeField(existing: FieldMapping, update: FieldMapping): FieldMapping {
  if (existing.kind !== update.kind) {
    throw illegalArgument(`can't merge a non object mapping [${existing.path}] with an object mapping`);
  }
  if (existing.kind === 'object' && update.kind === 'object') {
    for (const [name, child] of update.properties) {
      const current = existing.properties.get(name);
      existing.properties.set(name, current === undefined ? child : mergeField(current, child));
    }
    return existing;
  }
  const a = existing as LeafField;
  const b = update as LeafField;
  if (a.type !== b.type) throw illegalArgument(`mapper [${a.path}] cannot be changed from type [${a.type}] to [${b.type}]`);
  if (!sameLeafDefinition(a, b)) throw illegalArgument(`Mapper for [${a.path}] conflicts with existing mapper: parameters cannot be updated`);
  const fields = new Map(a.fields);
  for (const [name, sub] of b.fields) {
    const current = fields.get(name);
    fields.set(name, current === undefined ? sub : (mergeField(current, sub) as LeafField));
  }
  const definition = { ...a.definition, ...(fields.size > 0 ? { fields: Object.fromEntries([...fields].map(([n, l]) => [n, l.definition])) } : {}) };
  return { ...a, fields, multiFields: [...fields.values()], definition };
}
