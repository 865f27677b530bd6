/**
 * Plans the fake web's SaaS sites: fixed domains (no hyphen, so they never meet the generated
 * `stem-sector.test` sites), products, pricing tiers and customers drawn from the seed. Most
 * customers are registrants of the fake EDGAR, named the way marketing pages name them
 * ("Halvard Robotics", "Halvard Robotics Corporation", "HALVARD ROBOTICS") rather than the way
 * EDGAR does ("HALVARD ROBOTICS CORP /DE/"); the rest are private companies with no ticker, some
 * sharing a word with a listed one.
 */
import { edgarCompanies } from '../edgar/edgar-companies.ts';
import type { EdgarCompany } from '../edgar/edgar-companies.ts';
import { createRng } from './prng.ts';
import type { Rng } from './prng.ts';
import type { Currency, CustomerRendering, CustomerTruth, PricingStyle, ProductTruth, SaasSiteTruth, TierTruth } from './saas-truth.ts';

export const SAAS_BRANDS = [
  'Pipelinely', 'Quotaforge', 'Ledgerloop', 'Signalbeam', 'Routewise', 'Tallyport',
  'Hirecanvas', 'Opsmeadow', 'Fleetnote', 'Vaultkeep', 'Metricore', 'Supplyhive',
] as const;
export const NOT_SAAS_DOMAIN = 'harborstreetbakery.test';
export const UNREACHABLE_SAAS_DOMAIN = 'offlinecrm.test';

const PRODUCT_NOUNS = ['Forecast', 'Inbox', 'Insights', 'Automate', 'Connect', 'Analytics', 'Guard', 'Planner'] as const;
const PRODUCT_PITCHES = [
  'predicts quarter-end revenue from live pipeline data', 'routes every inbound lead to the right rep in seconds',
  'turns usage data into renewal and expansion alerts', 'automates approval workflows across finance and sales',
  'syncs accounts and contacts with your CRM both ways', 'shows which accounts are ready to buy',
] as const;
const AUDIENCES = ['sales teams', 'revenue operations teams', 'finance teams', 'customer success teams', 'procurement teams'] as const;
const INDUSTRIES = ['manufacturing', 'financial services', 'healthcare', 'retail', 'logistics', 'software', 'energy'] as const;
const TIER_SETS = [['Free', 'Starter', 'Growth', 'Enterprise'], ['Starter', 'Pro', 'Enterprise'], ['Basic', 'Team', 'Business', 'Enterprise'], ['Essentials', 'Professional', 'Scale']] as const;
const CURRENCIES: readonly Currency[] = ['USD', 'USD', 'USD', 'EUR', 'GBP', 'INR'];
const PRICE_STEPS: Readonly<Record<Currency, readonly number[]>> = {
  USD: [0, 19, 49, 99, 199, 499], EUR: [0, 18, 45, 89, 179, 449], GBP: [0, 15, 39, 79, 159, 399], INR: [0, 999, 2_499, 4_999, 9_999, 24_999],
};
/** Private companies no tickers list holds; some share a first word with a listed one on purpose. */
export const UNLISTED_CUSTOMERS = [
  'Halvard Bakery Co.', 'Brightline Dental Group', 'Pellmont Family Farms', 'Cinder Peak Software', 'Oakmont Veterinary Partners',
  'Northgate Community Credit Union', 'Riverbend Architects LLP', 'Tallis Data Systems', 'Marlowe & Finch Solicitors', 'Greystone Outdoor Gear',
  'Westbrook Montessori Schools', 'Sunbury Craft Brewing', 'Ashgrove Dental Studio', 'Kinsale Marine Services',
] as const;
const CUSTOMER_RENDERINGS: readonly CustomerRendering[] = ['logo-alt', 'logo-filename', 'logo-link', 'trusted-by-text'];

const slug = (text: string): string => text.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

/** A marketing page's name for a listed company: never EDGAR's conformed spelling. */
function displayNameOf(company: EdgarCompany, rng: Rng): string {
  const expanded = company.legalName.replace(/ Corp\.$/, ' Corporation').replace(/,? Inc\.$/, ' Incorporated');
  return rng.pick([company.brandName, company.brandName, company.legalName, expanded, company.brandName.toUpperCase()]);
}

function customersFor(rng: Rng, paths: { home: string; customers: string }): { customers: CustomerTruth[]; caseStudies: string[] } {
  const listed = rng.sample(edgarCompanies(), rng.int(6, 10));
  const unlisted = rng.sample(UNLISTED_CUSTOMERS, rng.int(2, 4));
  const caseStudyCount = rng.int(1, 2);
  const customers: CustomerTruth[] = [];
  const caseStudies: string[] = [];
  listed.forEach((company, index) => {
    const displayName = displayNameOf(company, rng);
    const caseStudy = index < caseStudyCount;
    const rendering: CustomerRendering = caseStudy ? 'case-study' : rng.pick(CUSTOMER_RENDERINGS);
    const page = caseStudy ? `${paths.customers}/${slug(company.brandName)}` : rendering === 'trusted-by-text' ? paths.home : paths.customers;
    if (caseStudy) caseStudies.push(page);
    customers.push({ displayName: rendering === 'logo-filename' || rendering === 'logo-link' ? company.brandName : displayName, rendering, page, cik: company.cik, ticker: company.tickers[0]!, edgarName: company.edgarName, industry: company.industry, employees: company.employees });
  });
  for (const name of unlisted) {
    const rendering = rng.pick(CUSTOMER_RENDERINGS);
    customers.push({ displayName: name, rendering, page: rendering === 'trusted-by-text' ? paths.home : paths.customers });
  }
  return { customers, caseStudies };
}

function tiersFor(rng: Rng, style: PricingStyle): TierTruth[] {
  const names = rng.pick(TIER_SETS);
  const currency = rng.pick(CURRENCIES);
  const perUser = rng.chance(0.6);
  const yearly = style === 'cards' && rng.chance(0.25);
  const steps = PRICE_STEPS[currency];
  const start = names[0] === 'Free' ? 0 : rng.int(1, 2);
  return names.map((name, index) => {
    const contactSales = name === 'Enterprise' || (index === names.length - 1 && rng.chance(0.5));
    const monthly = steps[Math.min(start + index, steps.length - 1)]!;
    if (contactSales) return { name, price: null, currency, period: null, perUser, contactSales };
    const price = yearly ? monthly * 10 : monthly;
    return {
      name, price, currency, period: yearly ? 'year' : 'month', perUser, contactSales,
      ...(style === 'toggle' && monthly > 0 ? { annualMonthlyPrice: Math.round(monthly * 0.8) } : {}),
    };
  });
}

function productsFor(rng: Rng, brand: string): ProductTruth[] {
  return rng.sample(PRODUCT_NOUNS, rng.int(2, 4)).map((noun) => ({
    name: `${brand} ${noun}`,
    path: `/products/${slug(noun)}`,
    description: `${brand} ${noun} ${rng.pick(PRODUCT_PITCHES)}.`,
    structuredData: rng.pick(['SoftwareApplication', 'SoftwareApplication', 'Product', 'none'] as const),
  }));
}

/** A SaaS site, plus what its renderer needs beyond the truth. */
export interface SaasSitePlan {
  readonly truth: SaasSiteTruth;
  readonly caseStudies: readonly string[];
}

function planSaasSite(seed: number | string, brand: string): SaasSitePlan {
  const domain = `${brand.toLowerCase()}.test`;
  const rng = createRng(seed, `saas:${domain}`);
  const pricingPath = rng.pick(['/pricing', '/plans']);
  const customersPath = rng.pick(['/customers', '/case-studies']);
  const pricingStyle = rng.pick(['cards', 'table', 'toggle'] as const);
  const products = productsFor(rng, brand);
  const { customers, caseStudies } = customersFor(rng, { home: '/', customers: customersPath });
  const truth: SaasSiteTruth = {
    domain, companyName: brand, kind: 'saas',
    pages: ['/', ...products.map((p) => p.path), pricingPath, customersPath, ...caseStudies],
    products, pricingPath, pricingStyle, tiers: tiersFor(rng, pricingStyle), customersPath, customers,
    audience: rng.pick(AUDIENCES), industries: rng.sample(INDUSTRIES, rng.int(2, 3)),
  };
  return { truth, caseStudies };
}

const EMPTY = { products: [], tiers: [], customers: [], industries: [] } as const;

/** Every SaaS site, then the bakery (a real site that sells no software) and one that never answers. */
export function planSaasSites(seed: number | string): SaasSitePlan[] {
  return [
    ...SAAS_BRANDS.map((brand) => planSaasSite(seed, brand)),
    { truth: { domain: NOT_SAAS_DOMAIN, companyName: 'Harbor Street Bakery', kind: 'not-saas', pages: ['/', '/menu', '/contact'], ...EMPTY }, caseStudies: [] },
    { truth: { domain: UNREACHABLE_SAAS_DOMAIN, companyName: 'OfflineCRM', kind: 'unreachable', pages: [], ...EMPTY }, caseStudies: [] },
  ];
}

export const saasSlug = slug;
