/**
 * Products a SaaS site sells: JSON-LD Product and SoftwareApplication nodes, links under a
 * product path in its navigation (`/products/<slug>`, `/platform/<slug>`), and the product pages
 * the crawl read (their main heading and description).
 */
import { firstString, jsonLdNodes, typesOf, type JsonValue } from '../enrichment/json-ld.ts';
import { resolveUrl, type ParsedPage } from '../enrichment/parsed-page.ts';
import { MAX_PRODUCTS } from './research-limits.ts';
import { clean, elementsOf, textOf } from './research-dom.ts';

export type ProductSource = 'json_ld' | 'navigation' | 'product_page';

export interface Product {
  readonly name: string;
  readonly description?: string;
  readonly category?: string;
  readonly url?: string;
  readonly source: ProductSource;
  readonly source_url: string;
}

const PRODUCT_TYPES = new Set(['Product', 'SoftwareApplication', 'WebApplication', 'MobileApplication']);
/** A product path: its first segment names the catalogue, its second the product. */
export const PRODUCT_PATH = /^\/(?:products?|platform|apps?|tools)\/(?<slug>[a-z0-9][a-z0-9-]{0,60})\/?$/i;
const GENERIC_NAME = /^(?:overview|all products|products?|platform|see all|learn more|pricing|features|more|explore|view all|apps?|tools)$/i;
const MAX_NAME_CHARS = 60;
const MAX_DESCRIPTION_CHARS = 300;

const acceptable = (name: string | undefined): name is string => !!name && name.length <= MAX_NAME_CHARS && !GENERIC_NAME.test(name);

function fromJsonLd(page: ParsedPage): Product[] {
  return jsonLdNodes(page.jsonLd)
    .filter((node) => typesOf(node).some((t) => PRODUCT_TYPES.has(t)))
    .flatMap((node): Product[] => {
      const name = firstString(node.name as JsonValue | undefined);
      if (!acceptable(name)) return [];
      const description = firstString(node.description as JsonValue | undefined);
      const category = firstString(node.applicationCategory as JsonValue | undefined) ?? firstString(node.category as JsonValue | undefined);
      const url = firstString(node.url as JsonValue | undefined);
      return [{ name: clean(name), ...(description ? { description: clean(description).slice(0, MAX_DESCRIPTION_CHARS) } : {}), ...(category ? { category } : {}), ...(url ? { url } : {}), source: 'json_ld', source_url: page.url }];
    });
}

function fromNavigation(page: ParsedPage, siteHost: string): Product[] {
  const out: Product[] = [];
  for (const link of page.links) {
    const url = resolveUrl(link.href, page.url);
    if (!url || url.hostname.replace(/^www\./, '') !== siteHost) continue;
    if (!PRODUCT_PATH.test(url.pathname)) continue;
    const name = clean(link.text);
    if (acceptable(name)) out.push({ name, url: `${url.origin}${url.pathname}`, source: 'navigation', source_url: page.url });
  }
  return out;
}

function fromProductPage(page: ParsedPage): Product[] {
  if (!PRODUCT_PATH.test(new URL(page.url).pathname)) return [];
  const h1 = elementsOf(page.document).find((el) => el.name === 'h1');
  const name = h1 ? textOf(h1) : page.title.split(/\s[|–—-]\s/)[0];
  const description = page.meta.get('description')?.[0] ?? page.meta.get('og:description')?.[0];
  if (!acceptable(name)) return [];
  return [{ name: clean(name), ...(description ? { description: clean(description).slice(0, MAX_DESCRIPTION_CHARS) } : {}), url: page.url, source: 'product_page', source_url: page.url }];
}

/**
 * One product per name. A product page's heading is often a tagline rather than the name, so a
 * name the navigation or JSON-LD gave for the same URL is kept and the page adds its description.
 */
export function extractProducts(pages: readonly ParsedPage[], siteHost: string): Product[] {
  const host = siteHost.replace(/^www\./, '');
  const byName = new Map<string, Product>();
  const byUrl = new Map<string, string>();
  const add = (product: Product): void => {
    const urlKey = product.url?.replace(/\/$/, '');
    const known = urlKey ? byUrl.get(urlKey) : undefined;
    if (known) {
      const existing = byName.get(known) as Product;
      if (!existing.description && product.description) byName.set(known, { ...existing, description: product.description });
      return;
    }
    const key = product.name.toLowerCase();
    // "Close" in the menu is "Ledgerly Close" in the structured data.
    if (byName.has(key) || [...byName.keys()].some((name) => name.endsWith(` ${key}`))) return;
    byName.set(key, product);
    if (urlKey) byUrl.set(urlKey, key);
  };
  for (const page of pages) fromJsonLd(page).forEach(add);
  for (const page of pages) fromNavigation(page, host).forEach(add);
  for (const page of pages) fromProductPage(page).forEach(add);
  return [...byName.values()].slice(0, MAX_PRODUCTS);
}
