/**
 * Customers named on the site become company records of the workspace (upserted, provenance
 * `research`), each matched to a stock ticker when SEC lists it, and marked enterprise when it
 * has a ticker or its record says it is large enough.
 */
import type { CompanyTicker, CompanyTickers } from '../../ports/company-tickers.port.ts';
import type { RecordCrudStore, RecordStore } from '../../ports/records.port.ts';
import type { FieldProvenance } from '../records/provenance.ts';
import { prepareCompany } from '../records/prepare.ts';
import type { CustomerMention } from './extract-customers.ts';
import type { CustomerProfile } from './icps-personas.ts';
import { indexTickers, matchTicker, type TickerMatch } from './match-tickers.ts';

export interface ResolvedCustomer {
  readonly name: string;
  readonly uuid?: string;
  readonly domain?: string;
  readonly ticker?: string;
  readonly cik?: string;
  readonly sec_name?: string;
  readonly ticker_confidence?: number;
  /** Why there is no ticker: not_listed, ambiguous, low_confidence, tickers_unavailable. */
  readonly ticker_reason?: string;
  readonly enterprise: boolean;
  readonly enterprise_reason?: 'ticker' | 'size';
  readonly employees?: number;
  readonly industry?: string;
  readonly country?: string;
  readonly evidence: CustomerMention['evidence'];
  /** The record could not be written (the reason); the customer is still reported. */
  readonly record_error?: string;
}

export interface ResolveDeps {
  readonly records: RecordStore;
  readonly reader: Pick<RecordCrudStore, 'get' | 'patch'>;
  readonly tickers: CompanyTickers;
  readonly tickerMinConfidence: number;
  readonly enterpriseMinEmployees: number;
}

export interface ResolveContext {
  readonly workspaceId: string;
  readonly jobId: string;
  readonly customerOf: string;
  readonly at: string;
}

/** The ticker list, or why it could not be had: matching then says so on every customer. */
export async function loadTickers(tickers: () => CompanyTickers, ctx: ResolveContext): Promise<readonly CompanyTicker[] | { unavailable: string }> {
  try {
    return await tickers().list({ workspaceId: ctx.workspaceId, jobId: ctx.jobId });
  } catch (error) {
    return { unavailable: error instanceof Error ? error.message : String(error) };
  }
}

export async function upsertCustomers(deps: Pick<ResolveDeps, 'records' | 'reader'>, ctx: ResolveContext, mentions: readonly CustomerMention[]): Promise<{ mention: CustomerMention; uuid?: string; error?: string }[]> {
  const prepared = mentions.map((mention) => {
    const provenance: FieldProvenance = { source: 'research', url: mention.evidence[0]?.url ?? '', fetched_at: ctx.at, job_id: ctx.jobId };
    const result = prepareCompany({ name: mention.name, ...(mention.domain ? { domain: mention.domain, website: `https://${mention.domain}` } : {}) });
    if (!result.ok) return { mention, error: result.errors.map((e) => e.message).join('; ') };
    const record = { ...result.record, extra: { customer_of: ctx.customerOf }, provenance: Object.fromEntries(Object.keys(result.record.fields).map((field) => [field, provenance])) };
    return { mention, record };
  });
  const writable = prepared.filter((p) => p.record !== undefined);
  const outcomes = writable.length > 0 ? await deps.records.upsertMany(ctx.workspaceId, writable.map((p) => p.record!)) : [];
  const written = prepared.map((p) => {
    if (!p.record) return { mention: p.mention, error: p.error ?? 'not a company name' };
    const outcome = outcomes[writable.indexOf(p)];
    return outcome?.ok ? { mention: p.mention, uuid: outcome.uuid, provenance: p.record.provenance } : { mention: p.mention, uuid: p.record.uuid, error: outcome && !outcome.ok ? outcome.reason : 'not written' };
  });
  for (const w of written) if (w.uuid && !w.error && 'provenance' in w && w.provenance) await recordProvenance(deps.reader, ctx.workspaceId, w.uuid, w.provenance);
  return written.map(({ mention, uuid, error }) => ({ mention, ...(uuid ? { uuid } : {}), ...(error ? { error } : {}) }));
}

/**
 * The batch upsert merges fields but not provenance: it is written after, for the fields research
 * set, without taking over fields another collector recorded first. A lost version race leaves
 * the other writer's provenance, which is the safer one to keep.
 */
async function recordProvenance(reader: ResolveDeps['reader'], workspaceId: string, uuid: string, provenance: Readonly<Record<string, FieldProvenance>>): Promise<void> {
  const item = await reader.get(workspaceId, 'company', uuid);
  if (!item) return;
  const existing = (typeof item.provenance === 'object' && item.provenance !== null ? item.provenance : {}) as Record<string, FieldProvenance>;
  const added = Object.fromEntries(Object.entries(provenance).filter(([field]) => !existing[field]));
  if (Object.keys(added).length === 0) return;
  await reader.patch(workspaceId, 'company', uuid, { set: {}, remove: [], provenance: { ...existing, ...added } }, Number(item.version));
}

/** What the workspace's record of a customer says about it (enrichment or imports may have filled it). */
export async function profileOf(reader: ResolveDeps['reader'], workspaceId: string, uuid: string | undefined): Promise<Omit<CustomerProfile, 'name'>> {
  const item = uuid ? await reader.get(workspaceId, 'company', uuid) : undefined;
  if (!item) return {};
  const employees = typeof item.employees_count === 'number' ? item.employees_count : undefined;
  const industries = Array.isArray(item.industries) ? item.industries.filter((i): i is string => typeof i === 'string') : [];
  const country = typeof item.country === 'string' ? item.country : undefined;
  return { ...(employees !== undefined ? { employees } : {}), ...(industries[0] ? { industry: industries[0] } : {}), ...(country ? { country } : {}) };
}

function tickerFields(match: TickerMatch): Partial<ResolvedCustomer> {
  if (match.matched) return { ticker: match.ticker, cik: match.cik, sec_name: match.sec_name, ticker_confidence: match.confidence };
  return { ticker_reason: match.reason, ...(match.confidence !== undefined ? { ticker_confidence: match.confidence } : {}) };
}

export function classify(
  written: { mention: CustomerMention; uuid?: string; error?: string },
  profile: Omit<CustomerProfile, 'name'>,
  match: TickerMatch,
  enterpriseMinEmployees: number,
): ResolvedCustomer {
  const byTicker = match.matched;
  const bySize = profile.employees !== undefined && profile.employees >= enterpriseMinEmployees;
  return {
    name: written.mention.name,
    ...(written.uuid ? { uuid: written.uuid } : {}),
    ...(written.mention.domain ? { domain: written.mention.domain } : {}),
    ...tickerFields(match),
    enterprise: byTicker || bySize,
    ...(byTicker ? { enterprise_reason: 'ticker' as const } : bySize ? { enterprise_reason: 'size' as const } : {}),
    ...profile,
    evidence: written.mention.evidence,
    ...(written.error ? { record_error: written.error } : {}),
  };
}

export function tickerMatcher(list: readonly CompanyTicker[] | { unavailable: string }, threshold: number): (name: string) => TickerMatch {
  if ('unavailable' in list) return () => ({ matched: false, reason: 'tickers_unavailable' });
  const index = indexTickers(list);
  return (name) => matchTicker(index, name, threshold);
}
