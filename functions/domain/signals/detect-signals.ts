/**
 * One 8-K → its signals: the items table says which items matter, the primary document's text
 * gives each its evidence (and tells an Item 5.02 hire from a departure), and the type's spec
 * gives urgency and value. Pure: fetching is the caller's.
 */
import { signalUuid } from '../records/ids.ts';
import type { EdgarFiling } from '../../ports/edgar-filings.port.ts';
import { estimatedValue, type PricingTier } from './estimated-value.ts';
import { executiveChangeTypes } from './executive-change.ts';
import { excerptItem } from './filing-text.ts';
import { EXECUTIVE_CHANGE, ITEM_SIGNALS, signalItems } from './items-table.ts';
import type { Signal } from './signal.ts';
import { SIGNAL_TYPE_SPECS, type SignalType } from './signal-types.ts';
import { urgencyScore } from './urgency.ts';

export interface MonitoredCompany {
  readonly ticker: string;
  readonly cik: string;
  readonly name: string;
  readonly companyId?: string;
  readonly employees?: number;
}

export interface DetectInput {
  readonly company: MonitoredCompany;
  readonly filing: EdgarFiling;
  /** The primary document as text (./filing-text.ts); undefined when it could not be fetched or read. */
  readonly documentText: string | undefined;
  readonly filingUrl: string;
  readonly tiers: readonly PricingTier[];
  readonly saasClientName?: string;
  readonly jobId?: string;
  readonly now: Date;
}

/** A signal before its persona briefs are written. */
export type SignalDraft = Omit<Signal, 'briefs'>;

export interface Detection {
  readonly drafts: SignalDraft[];
  /** Items that could not become a signal, with why (e.g. an unreadable Item 5.02). */
  readonly skipped: { readonly item: string; readonly reason: string }[];
}

function typesOfItem(item: string, excerpt: string | undefined): SignalType[] | string {
  const meaning = ITEM_SIGNALS[item]?.meaning;
  if (meaning === undefined) return 'not_a_signal';
  if (meaning !== EXECUTIVE_CHANGE) return [meaning];
  if (excerpt === undefined) return 'item_text_not_found';
  const types = executiveChangeTypes(excerpt);
  return types.length > 0 ? types : 'no_hire_or_departure';
}

function draftOf(input: DetectInput, item: string, type: SignalType, excerpt: string | undefined): SignalDraft {
  const { company, filing } = input;
  const value = estimatedValue(type, company.employees, input.tiers);
  return {
    uuid: signalUuid(company.cik, filing.accessionNumber, item, type),
    ticker: company.ticker,
    cik: company.cik,
    company_name: company.name,
    ...(company.companyId ? { company_id: company.companyId } : {}),
    signal_type: type,
    opportunity_type: SIGNAL_TYPE_SPECS[type].opportunity,
    urgency_score: urgencyScore(type, filing.filingDate, input.now),
    estimated_value: value.label,
    estimated_value_low: value.low,
    estimated_value_high: value.high,
    size_band: value.sizeBand,
    form: filing.form,
    item,
    accession_number: filing.accessionNumber,
    filing_date: filing.filingDate,
    filing_url: input.filingUrl,
    excerpt: excerpt ?? '',
    ...(input.saasClientName ? { saas_client_name: input.saasClientName } : {}),
    ...(input.jobId ? { job_id: input.jobId } : {}),
    generated_at: input.now.toISOString(),
  };
}

export function detectSignals(input: DetectInput): Detection {
  const drafts: SignalDraft[] = [];
  const skipped: { item: string; reason: string }[] = [];
  for (const item of signalItems(input.filing.items)) {
    const excerpt = input.documentText === undefined ? undefined : excerptItem(input.documentText, item);
    const types = typesOfItem(item, excerpt);
    if (typeof types === 'string') skipped.push({ item, reason: types });
    else for (const type of types) drafts.push(draftOf(input, item, type, excerpt));
  }
  return { drafts, skipped };
}
