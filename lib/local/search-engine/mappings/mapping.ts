import { illegalArgument, mapperParsing, unsupported } from '../errors.ts';
import type { IndexSettings } from '../settings.ts';
import { fieldToJson, mergeField, parseObject } from './field-definitions.ts';
import type { DynamicMode, FieldMapping, LeafField, ObjectField } from './types.ts';

const ROOT_PARAMS = new Set(['dynamic', 'properties', 'date_detection', '_meta', 'numeric_detection', 'dynamic_templates', '_source']);

/** The mapping of one index: its field tree plus a flat lookup of every leaf by dotted path. */
export class IndexMapping {
  readonly root: ObjectField;
  readonly dateDetection: boolean;
  readonly meta: unknown;
  private readonly leaves = new Map<string, LeafField>();
  private readonly objects = new Map<string, ObjectField>();

  private constructor(root: ObjectField, dateDetection: boolean, meta: unknown) {
    this.root = root;
    this.dateDetection = dateDetection;
    this.meta = meta;
    this.reindexPaths();
  }

  static parse(settings: IndexSettings, mappings: unknown): IndexMapping {
    const def = (mappings ?? {}) as Record<string, unknown>;
    if (typeof def !== 'object' || Array.isArray(def)) throw mapperParsing('Failed to parse mapping: mappings must be an object');
    for (const key of Object.keys(def)) {
      if (!ROOT_PARAMS.has(key)) throw mapperParsing(`Root mapping definition has unsupported parameters:  [${key} : ${JSON.stringify(def[key])}]`);
    }
    if (def.numeric_detection === true) throw unsupported('mapping parameter [numeric_detection: true]');
    if (Array.isArray(def.dynamic_templates) && def.dynamic_templates.length > 0) throw unsupported('mapping parameter [dynamic_templates]');
    if (def._source !== undefined) throw unsupported('mapping parameter [_source]');
    const root = parseObject(settings, '', { properties: def.properties, ...(def.dynamic === undefined ? {} : { dynamic: def.dynamic }) });
    const mapping = new IndexMapping(root, def.date_detection !== false, def._meta);
    mapping.checkTotalFields(settings.totalFieldsLimit);
    return mapping;
  }

  get dynamic(): DynamicMode {
    return this.root.dynamic ?? 'true';
  }

  /** A leaf by dotted path, multi-fields included (`name.keyword`). */
  leaf(path: string): LeafField | undefined {
    return this.leaves.get(path);
  }

  object(path: string): ObjectField | undefined {
    return path === '' ? this.root : this.objects.get(path);
  }

  allLeaves(): IterableIterator<LeafField> {
    return this.leaves.values();
  }

  get totalFields(): number {
    return this.leaves.size + this.objects.size;
  }

  checkTotalFields(limit: number): void {
    if (this.totalFields > limit) throw illegalArgument(`Limit of total fields [${limit}] has been exceeded`);
  }

  /** Attaches fields created by dynamic mapping once the document that introduced them parsed. */
  attach(parent: ObjectField, name: string, field: FieldMapping): void {
    parent.properties.set(name, field);
    this.register(field);
  }

  merge(settings: IndexSettings, update: unknown): void {
    const incoming = IndexMapping.parse(settings, update);
    mergeField(this.root, incoming.root);
    this.reindexPaths();
    this.checkTotalFields(settings.totalFieldsLimit);
  }

  toJson(): Record<string, unknown> {
    const out = fieldToJson(this.root);
    if (!this.dateDetection) out.date_detection = false;
    if (this.meta !== undefined) out._meta = this.meta;
    return out;
  }

  private reindexPaths(): void {
    this.leaves.clear();
    this.objects.clear();
    for (const child of this.root.properties.values()) this.register(child);
  }

  private register(field: FieldMapping): void {
    if (field.kind === 'object') {
      this.objects.set(field.path, field);
      for (const child of field.properties.values()) this.register(child);
      return;
    }
    this.leaves.set(field.path, field);
    for (const sub of field.fields.values()) this.leaves.set(sub.path, sub);
  }
}
