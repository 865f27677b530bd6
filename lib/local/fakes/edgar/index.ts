/** The fake SEC EDGAR: company tickers, submissions and 8-K documents with known signals. */
import type { FakeProvider } from '../fake-provider.ts';
import { startFakeEdgar } from './edgar.server.ts';

export { EDGAR_COMPANY_COUNT, edgarCompanies, paddedCik } from './edgar-companies.ts';
export type { EdgarCompany } from './edgar-companies.ts';
export { generateEdgarDataset } from './edgar-dataset.ts';
export type { DocumentStyle, EdgarDataset, EdgarFiling } from './edgar-dataset.ts';
export { renderFilingDocument } from './edgar-documents.ts';
export { DEFAULT_EDGAR_COOL_DOWN_MS, EDGAR_REQUESTS_PER_SECOND, FairAccess, hasContactEmail } from './edgar-fair-access.ts';
export type { FairAccessStats, FairAccessVerdict } from './edgar-fair-access.ts';
export { EDGAR_CONTROL_PREFIX, startFakeEdgar, todayUtc } from './edgar.server.ts';
export type { FakeEdgarServer, StartFakeEdgarOptions } from './edgar.server.ts';
export { EDGAR_SIGNAL_TYPES, FILING_SCENARIOS, ITEM_SIGNALS, expectedSignals } from './edgar-truth.ts';
export type * from './edgar-truth.ts';

/** SEC EDGAR's company tickers, submissions and Archives on one port, with its fair-access rules. */
export const fakeEdgar: FakeProvider = { name: 'edgar', start: startFakeEdgar };
