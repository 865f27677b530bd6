/**
 * One customer's check: ticker → CIK → submissions → the 8-Ks filed since `since` → their
 * signals, each with its primary document read for evidence. An EDGAR failure propagates (the job
 * retries from its checkpoint); a filing whose document cannot be read still gives the signals its
 * items list carries, without evidence.
 */
import type { CompanyTicker, CompanyTickersContext } from '../../ports/company-tickers.port.ts';
import type { EdgarFiling } from '../../ports/edgar-filings.port.ts';
import { AppError } from '../../platform/errors.ts';
import { detectSignals, type MonitoredCompany } from './detect-signals.ts';
import { htmlToText } from './filing-text.ts';
import { MONITORED_FORMS, signalItems } from './items-table.ts';
import type { CustomerRef, MonitorSignalsDeps, OnboardedClient } from './monitor-deps.ts';
import type { Signal } from './signal.ts';

export interface CompanyCheck {
  readonly signals: Signal[];
  readonly filingsRead: number;
  readonly skippedItems: number;
  /** Filings whose primary document could not be fetched or read. */
  readonly unreadable: number;
}

/** Only a 4xx on the document itself (gone, refused) is the filing's problem; EDGAR being down is the job's. */
const isDocumentProblem = (error: unknown): boolean => error instanceof AppError && (error.code === 'ERR_EDGAR_MALFORMED' || (error.code === 'ERR_EDGAR_UNAVAILABLE' && error.details[0]?.message.startsWith('http_4') === true));

async function documentText(deps: MonitorSignalsDeps, cik: string, filing: EdgarFiling, context: CompanyTickersContext): Promise<string | undefined> {
  if (filing.primaryDocument === '') return undefined;
  try {
    return htmlToText((await deps.filings.primaryDocument(cik, filing, context)).body);
  } catch (error) {
    if (isDocumentProblem(error)) return undefined;
    throw error;
  }
}

export async function checkCompany(
  deps: MonitorSignalsDeps,
  context: CompanyTickersContext,
  target: { readonly customer: CustomerRef; readonly registrant: CompanyTicker },
  client: Pick<OnboardedClient, 'name' | 'tiers' | 'personas'>,
  since: string,
  now: Date,
): Promise<CompanyCheck> {
  const { registrant, customer } = target;
  const submissions = await deps.filings.submissions(registrant.cik, context);
  const filings = (submissions?.filings ?? []).filter((f) => MONITORED_FORMS.includes(f.form) && f.filingDate >= since && signalItems(f.items).length > 0);
  const company: MonitoredCompany = {
    ticker: registrant.ticker,
    cik: registrant.cik,
    name: submissions?.name || registrant.title,
    ...(customer.companyId ? { companyId: customer.companyId } : {}),
    ...(customer.employees !== undefined ? { employees: customer.employees } : {}),
  };
  const signals: Signal[] = [];
  let skippedItems = 0;
  let unreadable = 0;
  for (const filing of filings) {
    const text = await documentText(deps, registrant.cik, filing, context);
    if (text === undefined) unreadable += 1;
    const detection = detectSignals({
      company, filing, documentText: text, filingUrl: deps.filings.documentUrl(registrant.cik, filing), tiers: client.tiers, now,
      ...(client.name ? { saasClientName: client.name } : {}),
      ...(context.jobId ? { jobId: context.jobId } : {}),
    });
    skippedItems += detection.skipped.length;
    for (const draft of detection.drafts) {
      const briefs = await deps.briefs.write({ signalType: draft.signal_type, companyName: company.name, filedOn: filing.filingDate, personas: client.personas, ...(client.name ? { saasClientName: client.name } : {}) });
      signals.push({ ...draft, briefs });
    }
  }
  return { signals, filingsRead: filings.length, skippedItems, unreadable };
}
