import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parsePage, type ParsedPage } from '../../../../functions/domain/enrichment/parsed-page.ts';

const ROOT = path.resolve(import.meta.dirname, '../../../fixtures/research-sites');

/** The fixture site's pages as the crawl would hand them over (`index.html` is `/`). */
export function sitePages(site: string, host: string, files: readonly string[]): ParsedPage[] {
  return files.map((file) =>
    parsePage({ url: `https://${host}/${file.replace(/index\.html$/, '').replace(/\.html$/, '')}`, status: 200, headers: {}, html: readFileSync(path.join(ROOT, site, file), 'utf8') }),
  );
}

export const pipewise = () => sitePages('pipewise', 'pipewise.test', ['index.html', 'pricing.html', 'customers.html', 'products/pipeline.html', 'products/forecast.html']);
export const ledgerly = () => sitePages('ledgerly', 'ledgerly.test', ['index.html', 'preise.html']);
export const crumbs = () => sitePages('crumbs', 'crumbs.test', ['index.html']);
