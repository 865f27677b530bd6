/**
 * The fake EDGAR's ground truth: which filing carries which buying signal, so tests and
 * benchmarks can score a monitor's precision and recall. The table below is the fake's own
 * reading of the 8-K items (kept apart from the product's on purpose: an oracle that shares the
 * code it checks proves nothing).
 */

export const EDGAR_SIGNAL_TYPES = [
  'EXECUTIVE_HIRE', 'EXECUTIVE_DEPARTURE', 'MATERIAL_AGREEMENT', 'ACQUISITION', 'FINANCING',
  'DISTRESS', 'CYBER_INCIDENT', 'EARNINGS', 'CHANGE_IN_CONTROL',
] as const;
export type EdgarSignalType = (typeof EDGAR_SIGNAL_TYPES)[number];

/**
 * What each 8-K item signals. Item 5.02 says "executive change" only: its text tells a hire from
 * a departure (and a pay change from neither). Items absent here (8.01, 9.01, 5.03, 5.07, ...)
 * signal nothing.
 */
export const ITEM_SIGNALS: Readonly<Record<string, EdgarSignalType | 'EXECUTIVE_CHANGE'>> = {
  '1.01': 'MATERIAL_AGREEMENT',
  '1.03': 'DISTRESS',
  '1.05': 'CYBER_INCIDENT',
  '2.01': 'ACQUISITION',
  '2.02': 'EARNINGS',
  '2.03': 'FINANCING',
  '2.04': 'DISTRESS',
  '2.05': 'DISTRESS',
  '2.06': 'DISTRESS',
  '3.01': 'DISTRESS',
  '3.02': 'FINANCING',
  '4.02': 'DISTRESS',
  '5.01': 'CHANGE_IN_CONTROL',
  '5.02': 'EXECUTIVE_CHANGE',
  '7.01': 'EARNINGS',
};

/** The story behind an 8-K; each decides the items, the prose and the signals. */
export const FILING_SCENARIOS = [
  'executive-hire', 'executive-departure', 'executive-transition', 'compensation-only',
  'material-agreement', 'credit-agreement', 'acquisition-completed', 'notes-offering', 'private-placement',
  'bankruptcy', 'restructuring', 'impairment', 'delisting-notice', 'restatement', 'cyber-incident',
  'earnings-release', 'investor-presentation', 'change-in-control',
  'other-events', 'other-events-only', 'shareholder-vote', 'bylaws-amendment',
] as const;
export type FilingScenario = (typeof FILING_SCENARIOS)[number];

export interface ExpectedSignal {
  readonly type: EdgarSignalType;
  /** The item whose text is the evidence. */
  readonly item: string;
}

export interface OfficerChange {
  readonly name: string;
  readonly title: string;
  readonly change: 'hire' | 'departure';
}

/** Details the document's prose is written from; the truth keeps them so tests can look for them. */
export interface FilingEvent {
  readonly officers: readonly OfficerChange[];
  /** The other party of an agreement, acquisition or change in control. */
  readonly counterparty?: string;
  readonly amountMillions?: number;
  /** `second quarter of fiscal 2026`, for earnings. */
  readonly period?: string;
  /** The date the event happened (the 8-K's report date). */
  readonly eventDate: string;
}

export interface FilingTruth {
  readonly cik: number;
  readonly ticker: string;
  readonly companyName: string;
  readonly accessionNumber: string;
  readonly form: '8-K' | '8-K/A';
  readonly filingDate: string;
  readonly acceptanceDateTime: string;
  readonly items: readonly string[];
  readonly primaryDocument: string;
  /** `/Archives/edgar/data/<cik>/<accession without dashes>/<primaryDocument>`. */
  readonly documentPath: string;
  readonly scenario: FilingScenario;
  readonly signals: readonly ExpectedSignal[];
  readonly event: FilingEvent;
  /** An 8-K/A names the accession number it amends. */
  readonly amends?: string;
  /** The primary document is cut off part-way and ends in bytes that are not UTF-8: its items still stand, its text cannot be trusted. */
  readonly malformed?: boolean;
  /** Held back until `POST /__fake/edgar/release`, as a filing accepted after a monitor's last check. */
  readonly pending?: boolean;
}

/** The 8-K family filings the fake serves, newest first, and the date they are dated back from. */
export interface EdgarTruth {
  readonly asOf: string;
  readonly filings: readonly FilingTruth[];
}

/** The signals an ideal monitor reads from a filing's items and, for 5.02, its officers. */
export function expectedSignals(items: readonly string[], officers: readonly OfficerChange[]): ExpectedSignal[] {
  const signals: ExpectedSignal[] = [];
  const add = (type: EdgarSignalType, item: string): void => {
    if (!signals.some((s) => s.type === type)) signals.push({ type, item });
  };
  for (const item of items) {
    const mapped = ITEM_SIGNALS[item];
    if (mapped === undefined) continue;
    if (mapped !== 'EXECUTIVE_CHANGE') add(mapped, item);
    else for (const officer of officers) add(officer.change === 'hire' ? 'EXECUTIVE_HIRE' : 'EXECUTIVE_DEPARTURE', item);
  }
  return signals;
}
