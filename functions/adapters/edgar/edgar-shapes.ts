/**
 * EDGAR's JSON as SEC documents it, read with zod: `company_tickers.json` (an object of rows
 * `{ cik_str, ticker, title }` keyed "0", "1", ...) and the submissions index, whose
 * `filings.recent` is a set of parallel arrays (one entry per filing, newest first).
 */
import { z } from 'zod';
import type { CompanyTicker } from '../../ports/company-tickers.port.ts';
import type { EdgarFiling, EdgarSubmissions } from '../../ports/edgar-filings.port.ts';

const CIK_DIGITS = 10;

/** `320193` or `'0000320193'` → `'0000320193'`; undefined for anything that is not a CIK. */
export function padCik(raw: string | number): string | undefined {
  const text = String(raw).trim();
  if (!/^\d{1,10}$/.test(text)) return undefined;
  return text.padStart(CIK_DIGITS, '0');
}

const tickerRow = z.object({ cik_str: z.union([z.number().int().nonnegative(), z.string()]), ticker: z.string().min(1), title: z.string() });
const tickersFile = z.record(z.string(), z.unknown());

/** Rows that do not have the documented shape are skipped, not fatal: one bad row must not hide the list. */
export function parseCompanyTickers(json: unknown): CompanyTicker[] | undefined {
  const file = tickersFile.safeParse(json);
  if (!file.success) return undefined;
  const rows: CompanyTicker[] = [];
  for (const value of Object.values(file.data)) {
    const row = tickerRow.safeParse(value);
    const cik = row.success ? padCik(row.data.cik_str) : undefined;
    if (row.success && cik) rows.push({ cik, ticker: row.data.ticker.toUpperCase(), title: row.data.title.trim() });
  }
  return rows;
}

const column = z.array(z.union([z.string(), z.number(), z.null()])).optional();

const submissionsFile = z.object({
  cik: z.union([z.string(), z.number()]),
  name: z.string().default(''),
  tickers: z.array(z.string()).default([]),
  filings: z.object({
    recent: z.object({
      accessionNumber: z.array(z.string()),
      form: z.array(z.string()),
      filingDate: z.array(z.string()),
      acceptanceDateTime: column,
      items: column,
      primaryDocument: column,
    }),
  }),
});

const textAt = (values: readonly (string | number | null)[] | undefined, index: number): string => {
  const value = values?.[index];
  return value === undefined || value === null ? '' : String(value).trim();
};

/** `'5.02,9.01'` → `['5.02', '9.01']` (EDGAR joins an 8-K's items with commas). */
export const splitItems = (raw: string): string[] => raw.split(',').map((item) => item.trim()).filter((item) => /^\d+\.\d{2}$/.test(item));

function filingAt(recent: z.output<typeof submissionsFile>['filings']['recent'], index: number): EdgarFiling | undefined {
  const accessionNumber = textAt(recent.accessionNumber, index);
  const form = textAt(recent.form, index);
  const filingDate = textAt(recent.filingDate, index);
  if (!/^\d{10}-\d{2}-\d{6}$/.test(accessionNumber) || form === '' || !/^\d{4}-\d{2}-\d{2}$/.test(filingDate)) return undefined;
  const accepted = textAt(recent.acceptanceDateTime, index);
  return {
    accessionNumber,
    form,
    filingDate,
    ...(accepted !== '' && !Number.isNaN(Date.parse(accepted)) ? { acceptedAt: new Date(accepted).toISOString() } : {}),
    items: splitItems(textAt(recent.items, index)),
    primaryDocument: textAt(recent.primaryDocument, index),
  };
}

/** Undefined when the body is not a submissions index at all; a malformed filing row is dropped. */
export function parseSubmissions(json: unknown): EdgarSubmissions | undefined {
  const file = submissionsFile.safeParse(json);
  if (!file.success) return undefined;
  const cik = padCik(file.data.cik);
  if (!cik) return undefined;
  const { recent } = file.data.filings;
  const filings: EdgarFiling[] = [];
  for (let index = 0; index < recent.accessionNumber.length; index++) {
    const filing = filingAt(recent, index);
    if (filing) filings.push(filing);
  }
  return { cik, name: file.data.name.trim(), tickers: file.data.tickers.map((t) => t.toUpperCase()), filings };
}

/** EDGAR's folder path of a filing's document: the CIK without padding, the accession without dashes. */
export const archivePath = (cik: string, filing: Pick<EdgarFiling, 'accessionNumber' | 'primaryDocument'>): string =>
  `/Archives/edgar/data/${Number(cik)}/${filing.accessionNumber.replaceAll('-', '')}/${encodeURIComponent(filing.primaryDocument)}`;

export const submissionsPath = (cik: string): string => `/submissions/CIK${cik}.json`;
export const COMPANY_TICKERS_PATH = '/files/company_tickers.json';
