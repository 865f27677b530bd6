/**
 * The primary document of a filing, as `/Archives/edgar/data/<cik>/<accession>/<name>` serves
 * it: an 8-K in its filer's style (edgar-document-styles.ts) with the prose of its items, or a
 * short stand-in for the 10-Q, 10-K and Form 4 a monitor skips. One earnings release is cut off
 * part-way through its items and ends in bytes that are not UTF-8, as a broken upload would.
 */
import { createRng } from '../web/prng.ts';
import type { EdgarCompany } from './edgar-companies.ts';
import { paddedCik } from './edgar-companies.ts';
import type { EdgarFiling } from './edgar-dataset.ts';
import { DOCUMENT_STYLES } from './edgar-document-styles.ts';
import type { StyleParts } from './edgar-document-styles.ts';
import { ITEM_TITLES, itemParagraphs } from './edgar-item-text.ts';
import type { FilingTruth } from './edgar-truth.ts';

export interface FilingDocument {
  readonly contentType: string;
  readonly body: Buffer;
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'] as const;
/** Share of the document kept when it is cut off: past the cover, inside the first item. */
const MALFORMED_KEEP_SHARE = 0.62;
const NOT_UTF8 = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0]);
const SIGNER_TITLES = ['Chief Financial Officer', 'General Counsel and Corporate Secretary', 'Chief Legal Officer'] as const;
const SIGNERS = ['Rebecca Tolliver', 'Andrew Chastain', 'Miriam Osei', 'Peter Vandermeer', 'Lucia Ferraro'] as const;

const longDate = (iso: string): string => {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return `${MONTHS[month - 1]} ${day}, ${year}`;
};

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Escapes prose and writes its fixed spaces the style's way: "Item 1.01", dates, "Exhibit 99.1", "$0.50". */
const spaced = (text: string, style: StyleParts): string =>
  escapeHtml(text)
    .replace(/\b(Item|Exhibit|Section|Rule) (\d)/g, `$1${style.nbsp}$2`)
    .replace(new RegExp(`\\b(${MONTHS.join('|')}) (\\d)`, 'g'), `$1${style.nbsp}$2`)
    .replace(/(\d) (million|billion|shares)/g, `$1${style.nbsp}$2`);

function eightK(seed: number | string, company: EdgarCompany, filing: EdgarFiling, truth: FilingTruth): Buffer {
  const style = DOCUMENT_STYLES[filing.style];
  const rng = createRng(seed, `document:${filing.accessionNumber}`);
  const date = (iso: string): string => spaced(longDate(iso), style);
  const cover = {
    form: filing.form,
    amendment: filing.form === '8-K/A',
    registrant: escapeHtml(company.legalName),
    cik: paddedCik(company.cik),
    ticker: company.tickers[0]!,
    exchange: company.exchange,
    state: company.stateOfIncorporation === 'DE' ? 'Delaware' : company.stateOfIncorporation,
    fileNumber: filing.fileNumber,
    ein: `${rng.digits(2)}-${rng.digits(7)}`,
    reportDate: date(filing.reportDate),
  };
  const context = { company, truth, rng, longDate };
  const items = truth.items.map((item) => [
    style.heading(item, escapeHtml(ITEM_TITLES[item] ?? 'Other Events')),
    ...itemParagraphs(item, context).map((text) => style.paragraph(spaced(text, style))),
  ].join('\n'));
  const signature = { registrant: escapeHtml(company.legalName), signer: rng.pick(SIGNERS), title: rng.pick(SIGNER_TITLES), date: date(filing.filingDate) };
  const html = Buffer.from([style.open(cover), ...items, style.close(signature)].join('\n'), 'utf8');
  return truth.malformed ? Buffer.concat([html.subarray(0, Math.floor(html.length * MALFORMED_KEEP_SHARE)), NOT_UTF8]) : html;
}

function otherForm(company: EdgarCompany, filing: EdgarFiling): FilingDocument {
  if (filing.form === '4') {
    const xml = `<?xml version="1.0"?>\n<ownershipDocument><schemaVersion>X0508</schemaVersion><documentType>4</documentType><periodOfReport>${filing.reportDate}</periodOfReport><issuer><issuerCik>${paddedCik(company.cik)}</issuerCik><issuerName>${escapeHtml(company.edgarName)}</issuerName><issuerTradingSymbol>${company.tickers[0]}</issuerTradingSymbol></issuer></ownershipDocument>\n`;
    return { contentType: 'text/xml', body: Buffer.from(xml, 'utf8') };
  }
  const kind = filing.form === '10-K' ? 'ANNUAL REPORT' : 'QUARTERLY REPORT';
  const html = `<html><head><title>${filing.form}</title></head><body><p align="center"><b>FORM ${filing.form}</b></p><p align="center">${kind} PURSUANT TO SECTION 13 OR 15(d) OF THE SECURITIES EXCHANGE ACT OF 1934</p><p align="center"><b>${escapeHtml(company.legalName)}</b></p></body></html>\n`;
  return { contentType: 'text/html', body: Buffer.from(html, 'utf8') };
}

export function renderFilingDocument(seed: number | string, company: EdgarCompany, filing: EdgarFiling): FilingDocument {
  if (!filing.truth) return otherForm(company, filing);
  return { contentType: 'text/html', body: eightK(seed, company, filing, filing.truth) };
}
