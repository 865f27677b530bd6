import type { ParsedPage } from '../../../../functions/domain/enrichment/parsed-page.ts';
import { parsePage } from '../../../../functions/domain/enrichment/parsed-page.ts';
import type { FetchedPage } from '../../../../functions/domain/enrichment/site-extraction.ts';

export const HOME = 'https://www.acme.com/';

export function fetched(html: string, url = HOME, extra: Partial<FetchedPage> = {}): FetchedPage {
  return { url, status: 200, headers: {}, html, ...extra };
}

export function parsed(html: string, url = HOME, extra: Partial<FetchedPage> = {}): ParsedPage {
  return parsePage(fetched(html, url, extra));
}

export const body = (inner: string): string => `<!doctype html><html><head><title>Acme</title></head><body>${inner}</body></html>`;
