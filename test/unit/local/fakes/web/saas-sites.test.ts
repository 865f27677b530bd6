import { describe, expect, it } from 'vitest';
import { edgarCompanies } from '../../../../../lib/local/fakes/edgar/index.ts';
import { NOT_SAAS_DOMAIN, SAAS_BRANDS, UNREACHABLE_SAAS_DOMAIN, generateFakeWeb } from '../../../../../lib/local/fakes/web/index.ts';
import type { SaasSiteTruth } from '../../../../../lib/local/fakes/web/index.ts';

const web = generateFakeWeb({ seed: 'saas-unit', siteCount: 40 });
const saas = web.saasSites.filter((s) => s.kind === 'saas');
const html = (site: SaasSiteTruth, path: string): string => {
  const answer = web.resolve(site.domain, path);
  if (answer.kind !== 'body' || answer.status !== 200) throw new Error(`${site.domain}${path} answered ${answer.status}`);
  return answer.body.toString('utf8');
};
const decode = (text: string): string => text.replace(/&amp;/g, '&').replace(/&quot;/g, '"');

describe('fake web SaaS sites', () => {
  it('It should add the SaaS, non-SaaS and unreachable sites beside the ordinary ones, on domains of their own', () => {
    expect(saas.map((s) => s.companyName)).toEqual([...SAAS_BRANDS]);
    expect(web.saasGroundTruth(NOT_SAAS_DOMAIN)?.kind).toBe('not-saas');
    expect(web.unreachable(`www.${UNREACHABLE_SAAS_DOMAIN}`)).toBe(true);
    expect(web.unreachable(saas[0]!.domain)).toBe(false);
    expect(web.sites).toHaveLength(40);
    expect(web.sites.some((s) => web.saasGroundTruth(s.domain))).toBe(false);
    expect(generateFakeWeb({ seed: 'saas-unit', siteCount: 40 }).saasSites).toEqual(web.saasSites);
  });

  it('It should name each listed customer as a marketing page does, never by EDGAR’s conformed name, with the right CIK and ticker', () => {
    const byCik = new Map(edgarCompanies().map((c) => [c.cik, c]));
    const listed = saas.flatMap((s) => s.customers).filter((c) => c.cik !== undefined);
    const unlisted = saas.flatMap((s) => s.customers).filter((c) => c.cik === undefined);

    expect(listed.length).toBeGreaterThan(60);
    expect(unlisted.length).toBeGreaterThan(20);
    for (const customer of listed) {
      const company = byCik.get(customer.cik!)!;
      expect(customer.ticker).toBe(company.tickers[0]);
      expect(customer.edgarName).toBe(company.edgarName);
      expect({ industry: customer.industry, employees: customer.employees }).toEqual({ industry: company.industry, employees: company.employees });
      expect(customer.displayName.toUpperCase()).toContain(company.brandName.toUpperCase());
    }
    expect(listed.some((c) => c.displayName !== c.edgarName && c.edgarName === c.edgarName!.toUpperCase())).toBe(true);
  });

  it('It should show every customer on its page in the recorded form', () => {
    for (const site of saas) {
      for (const customer of site.customers) {
        const page = decode(html(site, customer.page));
        const slug = customer.displayName.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
        if (customer.rendering === 'logo-alt') expect(page).toMatch(new RegExp(`alt="[^"]*${customer.displayName.replace(/[.&]/g, '.')}`));
        if (customer.rendering === 'logo-filename') expect(page).toContain(`/assets/customers/${slug}.png`);
        if (customer.rendering === 'logo-link') expect(page).toContain(`https://${slug}.example/`);
        if (customer.rendering === 'trusted-by-text') expect(page).toMatch(/Trusted by teams at [^<]*/);
        if (customer.rendering === 'trusted-by-text' || customer.rendering === 'case-study') expect(page).toContain(customer.displayName);
      }
    }
  });

  it('It should render every tier with its price and currency, contact-sales tiers without one, in all three styles', () => {
    const symbols = { USD: '$', EUR: '€', GBP: '£', INR: '₹' } as const;
    expect(new Set(saas.map((s) => s.pricingStyle))).toEqual(new Set(['cards', 'table', 'toggle']));
    for (const site of saas) {
      const page = html(site, site.pricingPath!);
      for (const tier of site.tiers) {
        expect(page).toContain(`>${tier.name}<`);
        if (tier.contactSales) expect(page).toContain('Contact sales');
        else if (tier.price! > 0) expect(page).toContain(`${symbols[tier.currency]}${tier.price!.toLocaleString('en-US')}`);
        if (tier.annualMonthlyPrice !== undefined) expect(page).toContain(`data-annual="${tier.annualMonthlyPrice}"`);
      }
    }
  });

  it('It should carry the JSON-LD each product page is recorded with, and serve its pages and sitemap', () => {
    for (const site of saas) {
      for (const product of site.products) {
        const page = html(site, product.path);
        const ld = /<script type="application\/ld\+json">(.*?)<\/script>/.exec(page)?.[1];
        if (product.structuredData === 'none') expect(ld).toBeUndefined();
        else expect(JSON.parse(ld!)).toMatchObject({ '@type': product.structuredData, name: product.name });
      }
      expect(web.listSitePages(site.domain).map((p) => p.path)).toEqual(site.pages);
    }
    const sitemap = web.resolve(saas[0]!.domain, '/sitemap.xml');
    expect(sitemap.kind === 'body' && sitemap.body.toString()).toContain(`http://${saas[0]!.domain}/`);
  });

  it('It should give the bakery pages with prices but no products, tiers or customers', () => {
    const bakery = web.saasGroundTruth(NOT_SAAS_DOMAIN)!;
    expect(bakery).toMatchObject({ products: [], tiers: [], customers: [] });
    expect(html(bakery, '/menu')).toContain('$3.50');
  });
});
