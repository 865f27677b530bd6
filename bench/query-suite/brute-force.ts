/**
 * The baseline: a VQL query answered by a plain loop over the documents, with no index. It
 * applies VQL's documented meaning independently of the engine (its own tokenizer, its own
 * comparisons), so agreeing hit counts and pages check both.
 *
 * The tokenizer (lowercase, split on anything but letters and digits) equals OpenSearch's
 * standard analyzer on the corpus' text, which is plain ASCII words.
 */
import { fieldSpec, type Entity, type FieldSpec } from '../../functions/domain/records/fields.ts';
import type { VqlQuery, VqlWhere } from '../../functions/domain/vql/vql-schema.ts';
import type { Doc } from '../corpus/records.ts';

type Predicate = (doc: Doc) => boolean;

const DAY = 86_400_000;

export function tokenize(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter((t) => t !== '');
}

const valuesOf = (doc: Doc, field: string): unknown[] => {
  const v = doc[field];
  return v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
};

function dateBound(value: string | number, roundUp: boolean): number {
  if (typeof value === 'number') return value;
  const ms = Date.parse(value);
  // A date without a time covers its whole day: gt and lte round up to its last millisecond.
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && roundUp ? ms + DAY - 1 : ms;
}

function rangePredicate(field: string, spec: FieldSpec, bounds: Record<string, string | number | undefined>): Predicate {
  const date = spec.type === 'date';
  const num = (v: string | number, roundUp: boolean): number => (date ? dateBound(v, roundUp) : Number(v));
  const gte = bounds.gte === undefined ? undefined : num(bounds.gte, false);
  const gt = bounds.gt === undefined ? undefined : num(bounds.gt, true);
  const lte = bounds.lte === undefined ? undefined : num(bounds.lte, true);
  const lt = bounds.lt === undefined ? undefined : num(bounds.lt, false);
  return (doc) =>
    valuesOf(doc, field).some((raw) => {
      const v = date ? Date.parse(raw as string) : (raw as number);
      return (gte === undefined || v >= gte) && (gt === undefined || v > gt) && (lte === undefined || v <= lte) && (lt === undefined || v < lt);
    });
}

function keywordPredicate(field: string, raw: unknown): Predicate {
  const wanted = new Set((Array.isArray(raw) ? raw : [raw]).map((v) => String(v).toLowerCase()));
  return (doc) => valuesOf(doc, field).some((v) => wanted.has(String(v).toLowerCase()));
}

function phraseIn(tokens: readonly string[], phrase: readonly string[], prefixLast: boolean): boolean {
  const last = phrase.length - 1;
  for (let start = 0; start + phrase.length <= tokens.length; start++) {
    let ok = true;
    for (let i = 0; i < phrase.length && ok; i++) ok = prefixLast && i === last ? tokens[start + i]!.startsWith(phrase[i]!) : tokens[start + i] === phrase[i];
    if (ok) return true;
  }
  return false;
}

type TextClause = NonNullable<NonNullable<VqlWhere['text_matches']>['must']>[number];

function textPredicate(clause: TextClause): Predicate {
  const fields = [clause.filter_key].flat();
  const texts = [clause.text_value].flat();
  const one = (field: string, text: string): Predicate => {
    const words = tokenize(text);
    if (clause.search_type === 'match') {
      // An array field's values are one bag of words for match.
      const all = clause.operator === 'and';
      return (doc) => {
        const tokens = new Set(valuesOf(doc, field).flatMap((v) => tokenize(String(v))));
        return all ? words.every((w) => tokens.has(w)) : words.some((w) => tokens.has(w));
      };
    }
    // A phrase never spans two values of an array.
    const prefix = clause.search_type === 'match_phrase_prefix';
    return (doc) => valuesOf(doc, field).some((v) => phraseIn(tokenize(String(v)), words, prefix));
  };
  const alternatives = fields.flatMap((f) => texts.map((t) => one(f, t)));
  return (doc) => alternatives.some((p) => p(doc));
}

function wherePredicate(entity: Entity, workspaceId: string, where: VqlWhere | undefined): Predicate {
  const must: Predicate[] = [(doc) => doc.workspace_id === workspaceId];
  const mustNot: Predicate[] = [];
  for (const side of ['must', 'must_not'] as const) {
    const list = side === 'must' ? must : mustNot;
    for (const [field, value] of Object.entries(where?.keyword_match?.[side] ?? {})) list.push(keywordPredicate(field, value));
    for (const [field, bounds] of Object.entries(where?.range_query?.[side] ?? {})) list.push(rangePredicate(field, fieldSpec(entity, field)!, bounds as Record<string, string | number>));
    for (const field of where?.exists?.[side] ?? []) list.push((doc) => valuesOf(doc, field).length > 0);
    for (const clause of where?.text_matches?.[side] ?? []) list.push(textPredicate(clause));
  }
  return (doc) => must.every((p) => p(doc)) && !mustNot.some((p) => p(doc));
}

type SortValue = string | number | null;

/** Sort values as the index sees them: text and keyword fields lowercased, dates as instants, missing as null. */
function sortValue(entity: Entity, field: string, doc: Doc, desc: boolean): SortValue {
  const values = valuesOf(doc, field);
  if (values.length === 0) return null;
  const spec = fieldSpec(entity, field)!;
  const keyed = values.map((v) => (spec.type === 'date' ? Date.parse(v as string) : typeof v === 'number' ? v : String(v).toLowerCase()));
  keyed.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  // Multi-valued fields sort by their smallest value ascending, largest descending.
  return desc ? keyed[keyed.length - 1]! : keyed[0]!;
}

interface SortKey {
  readonly field: string;
  readonly desc: boolean;
}

function compareValues(a: SortValue, b: SortValue, desc: boolean): number {
  if (a === b) return 0;
  if (a === null) return 1; // missing last, whatever the direction
  if (b === null) return -1;
  const d = a < b ? -1 : 1;
  return desc ? -d : d;
}

export interface BruteResult {
  readonly count: number;
  readonly page: string[];
}

/** Answers a VQL query by scanning `docs`: the total matches and the requested page's uuids. */
export function bruteForceSearch(docs: readonly Doc[], entity: Entity, workspaceId: string, query: VqlQuery): BruteResult {
  const matches = wherePredicate(entity, workspaceId, query.where);
  const keys: SortKey[] = (query.order_by ?? []).map((o) => ({ field: o.order_by, desc: o.order_direction === 'desc' }));
  if (keys.at(-1)?.field !== 'uuid') keys.push({ field: 'uuid', desc: false });
  const compare = (a: SortValue[], b: SortValue[]): number => {
    for (let i = 0; i < keys.length; i++) {
      const d = compareValues(a[i]!, b[i]!, keys[i]!.desc);
      if (d !== 0) return d;
    }
    return 0;
  };
  const cursor = query.cursor as SortValue[] | undefined;
  const size = query.limit ?? 25;
  const from = cursor === undefined ? ((query.page ?? 1) - 1) * size : 0;
  // The best from + size rows so far, kept sorted: a full sort of every match would only be slower.
  const best: Array<{ doc: Doc; key: SortValue[] }> = [];
  let count = 0;
  for (let i = 0; i < docs.length; i++) {
    const doc = docs[i]!;
    if (!matches(doc)) continue;
    count++;
    const key = keys.map((k) => sortValue(entity, k.field, doc, k.desc));
    if (cursor !== undefined && compare(key, cursor) <= 0) continue;
    if (best.length === from + size && compare(key, best[best.length - 1]!.key) >= 0) continue;
    let at = best.length;
    while (at > 0 && compare(key, best[at - 1]!.key) < 0) at--;
    best.splice(at, 0, { doc, key });
    if (best.length > from + size) best.pop();
  }
  return { count, page: best.slice(from).map((r) => r.doc.uuid as string) };
}
