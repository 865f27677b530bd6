/**
 * SEC EDGAR's filings of one registrant: the submissions index (its recent filings, with each
 * 8-K's items) and a filing's primary document. Signal monitoring reads 8-Ks through it.
 */
import type { CompanyTickersContext } from './company-tickers.port.ts';

export interface EdgarFiling {
  /** `0000320193-24-000081`, as EDGAR spells it. */
  readonly accessionNumber: string;
  /** `8-K`, `8-K/A`, `10-Q`, ... */
  readonly form: string;
  /** `YYYY-MM-DD` */
  readonly filingDate: string;
  /** ISO time EDGAR accepted the filing, when it says. */
  readonly acceptedAt?: string;
  /** 8-K item numbers (`['5.02', '9.01']`); empty for forms without items. */
  readonly items: readonly string[];
  /** The main document's file name inside the filing folder (`aapl-20240502.htm`). */
  readonly primaryDocument: string;
}

export interface EdgarSubmissions {
  /** Ten digits, zero-padded. */
  readonly cik: string;
  readonly name: string;
  readonly tickers: readonly string[];
  /** Newest first, as EDGAR lists them. */
  readonly filings: readonly EdgarFiling[];
}

export interface EdgarFilings {
  /** The registrant's recent filings; undefined when EDGAR knows no such CIK. */
  submissions(cik: string, context: CompanyTickersContext): Promise<EdgarSubmissions | undefined>;
  /** The filing's primary document as text (HTML as filed), and its public link. */
  primaryDocument(cik: string, filing: EdgarFiling, context: CompanyTickersContext): Promise<{ readonly body: string; readonly url: string }>;
  /** Where a filing's primary document lives, for links in signals. */
  documentUrl(cik: string, filing: EdgarFiling): string;
}

/**
 * A conditional-request cache of submissions: what EDGAR answered last, with its validators, so
 * an unchanged company costs a 304 and no body. Public data, shared by every workspace.
 */
export interface EdgarCacheEntry {
  readonly etag?: string;
  readonly lastModified?: string;
  readonly submissions: EdgarSubmissions;
}

export interface EdgarCache {
  get(key: string): Promise<EdgarCacheEntry | undefined>;
  put(key: string, entry: EdgarCacheEntry): Promise<void>;
}
