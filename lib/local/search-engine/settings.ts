import { illegalArgument, mapperParsing, unsupported } from './errors.ts';
import { lowercaseNormalizer, SUPPORTED_NORMALIZER_FILTERS } from './mappings/analysis.ts';
import type { Normalizer } from './mappings/analysis.ts';

export const DEFAULT_MAX_RESULT_WINDOW = 10_000;
export const DEFAULT_REFRESH_INTERVAL_MS = 1_000;
export const DEFAULT_TOTAL_FIELDS_LIMIT = 1_000;

/** Settings that are accepted and reported but change nothing for a single local shard. */
const INERT_SETTINGS = new Set(['number_of_shards', 'number_of_replicas', 'auto_expand_replicas', 'provided_name', 'creation_date', 'uuid', 'version.created']);

export interface IndexSettings {
  numberOfShards: number;
  numberOfReplicas: number;
  /** Milliseconds; -1 disables periodic refresh. */
  refreshIntervalMs: number;
  maxResultWindow: number;
  totalFieldsLimit: number;
  normalizers: Map<string, Normalizer>;
  /** The flattened settings as the caller gave them (minus the `index.` prefix), for GET _settings. */
  raw: Record<string, unknown>;
}

function flatten(value: unknown, prefix: string, out: Record<string, unknown>): void {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const key of Object.keys(value)) flatten((value as Record<string, unknown>)[key], prefix ? `${prefix}.${key}` : key, out);
  } else {
    out[prefix.startsWith('index.') ? prefix.slice('index.'.length) : prefix] = value;
  }
}

export function flattenSettings(settings: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = Object.create(null);
  if (settings !== undefined && settings !== null) flatten(settings, '', out);
  return out;
}

export function parseTimeValue(value: unknown, setting: string): number {
  if (value === -1 || value === '-1') return -1;
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  const m = typeof value === 'string' ? /^(\d+)(ms|s|m|h|d)$/.exec(value) : null;
  if (m === null) throw illegalArgument(`failed to parse setting [index.${setting}] with value [${String(value)}] as a time value: unit is missing or unrecognized`);
  const unitMs = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2] as 'ms' | 's' | 'm' | 'h' | 'd'];
  return Number(m[1]) * unitMs;
}

function parsePositiveInt(value: unknown, setting: string): number {
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) throw illegalArgument(`Failed to parse value [${String(value)}] for setting [index.${setting}]`);
  return n;
}

function parseNormalizers(flat: Record<string, unknown>): Map<string, Normalizer> {
  const normalizers = new Map<string, Normalizer>([['lowercase', lowercaseNormalizer]]);
  const defs = new Map<string, Map<string, unknown>>();
  for (const [key, value] of Object.entries(flat)) {
    const m = /^analysis\.normalizer\.([^.]+)\.(.+)$/.exec(key);
    if (m === null) continue;
    const def = defs.get(m[1]!) ?? new Map<string, unknown>();
    def.set(m[2]!.replace(/\.\d+$/, ''), value);
    defs.set(m[1]!, def);
  }
  for (const [name, def] of defs) {
    for (const [param, value] of def) {
      if (param === 'type' && value === 'custom') continue;
      if (param === 'filter' && (Array.isArray(value) ? value : [value]).every((f) => SUPPORTED_NORMALIZER_FILTERS.has(String(f)))) continue;
      if (param === 'char_filter' && Array.isArray(value) && value.length === 0) continue;
      throw unsupported(`normalizer [${name}] setting [${param}: ${JSON.stringify(value)}] (only a custom normalizer with the lowercase filter is reproduced)`);
    }
    normalizers.set(name, lowercaseNormalizer);
  }
  return normalizers;
}

/** Analyzers the engine can reproduce exactly: the standard analyzer and its custom spelling. */
function checkAnalyzers(flat: Record<string, unknown>): void {
  const defs = new Map<string, Record<string, unknown>>();
  for (const [key, value] of Object.entries(flat)) {
    const m = /^analysis\.analyzer\.([^.]+)\.(.+)$/.exec(key);
    if (m === null) continue;
    const def = defs.get(m[1]!) ?? {};
    def[m[2]!.replace(/\.\d+$/, '')] = value;
    defs.set(m[1]!, def);
  }
  for (const [name, def] of defs) {
    const isStandard = def.type === 'standard' && Object.keys(def).length === 1;
    const filters = Array.isArray(def.filter) ? def.filter : [def.filter];
    const isCustomStandard =
      def.type === 'custom' && def.tokenizer === 'standard' && filters.length === 1 && filters[0] === 'lowercase' && Object.keys(def).every((k) => ['type', 'tokenizer', 'filter'].includes(k));
    if (!isStandard && !isCustomStandard) throw unsupported(`analyzer [${name}] ${JSON.stringify(def)} (only the standard analyzer is reproduced)`);
  }
}

export function analyzerExists(settings: IndexSettings, name: string): boolean {
  return name === 'standard' || Object.keys(settings.raw).some((k) => k.startsWith(`analysis.analyzer.${name}.`));
}

function checkSettingNames(flat: Record<string, unknown>): void {
  for (const key of Object.keys(flat)) {
    if (INERT_SETTINGS.has(key) || key.startsWith('analysis.normalizer.') || key.startsWith('analysis.analyzer.')) continue;
    if (key === 'refresh_interval' || key === 'max_result_window' || key === 'mapping.total_fields.limit') continue;
    throw unsupported(`index setting [index.${key}]`);
  }
}

export function parseIndexSettings(settings: unknown): IndexSettings {
  const flat = flattenSettings(settings);
  checkSettingNames(flat);
  checkAnalyzers(flat);
  return {
    numberOfShards: flat.number_of_shards === undefined ? 1 : parsePositiveInt(flat.number_of_shards, 'number_of_shards'),
    numberOfReplicas: flat.number_of_replicas === undefined ? 1 : parsePositiveInt(flat.number_of_replicas, 'number_of_replicas'),
    refreshIntervalMs: flat.refresh_interval === undefined ? DEFAULT_REFRESH_INTERVAL_MS : parseTimeValue(flat.refresh_interval, 'refresh_interval'),
    maxResultWindow: flat.max_result_window === undefined ? DEFAULT_MAX_RESULT_WINDOW : parsePositiveInt(flat.max_result_window, 'max_result_window'),
    totalFieldsLimit: flat['mapping.total_fields.limit'] === undefined ? DEFAULT_TOTAL_FIELDS_LIMIT : parsePositiveInt(flat['mapping.total_fields.limit'], 'mapping.total_fields.limit'),
    normalizers: parseNormalizers(flat),
    raw: flat,
  };
}

/** Settings that may change on an open index (PUT _settings). */
const DYNAMIC_SETTINGS = new Set(['refresh_interval', 'max_result_window', 'number_of_replicas', 'mapping.total_fields.limit']);

export function updateIndexSettings(current: IndexSettings, update: unknown): IndexSettings {
  const flat = flattenSettings(update);
  for (const key of Object.keys(flat)) {
    if (!DYNAMIC_SETTINGS.has(key)) {
      if (key.startsWith('analysis.') || key === 'number_of_shards') throw illegalArgument(`Can't update non dynamic settings [[index.${key}]] for open indices`);
      throw unsupported(`index setting [index.${key}]`);
    }
  }
  const merged: Record<string, unknown> = Object.assign(Object.create(null), current.raw);
  for (const [key, value] of Object.entries(flat)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return parseIndexSettings(merged);
}

export function normalizerFor(settings: IndexSettings, name: string, field: string): Normalizer {
  const normalizer = settings.normalizers.get(name);
  if (normalizer === undefined) throw mapperParsing(`normalizer [${name}] not found for field [${field}]`);
  return normalizer;
}
