/**
 * SEC's list of listed companies (EDGAR's `company_tickers.json`): what turns a customer's name
 * into a ticker and a CIK. Onboarding research matches customers against it; signal monitoring
 * goes from a ticker to the company's filings through it.
 */

export interface CompanyTicker {
  /** Ten digits, zero-padded, as EDGAR's submissions URLs want it. */
  readonly cik: string;
  readonly ticker: string;
  /** The registrant's name as SEC lists it ("Apple Inc."). */
  readonly title: string;
}

export interface CompanyTickersContext {
  readonly workspaceId: string;
  readonly jobId?: string;
}

export interface CompanyTickers {
  /** Every listed company; adapters cache it (it changes daily at most). */
  list(context: CompanyTickersContext): Promise<readonly CompanyTicker[]>;
}
