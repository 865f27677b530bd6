/**
 * Ground truth of the fake web's SaaS sites: the products, pricing tiers and customers an ideal
 * onboarding crawl finds, and which customers are listed companies of the fake EDGAR (with the
 * CIK and ticker a name matcher should reach). Benchmarks score product, tier and
 * customer-to-ticker extraction against it.
 */

export type SaasSiteKind = 'saas' | 'not-saas' | 'unreachable';
export type PricingStyle = 'cards' | 'table' | 'toggle';
export type Currency = 'USD' | 'EUR' | 'GBP' | 'INR';
export type CustomerRendering = 'logo-alt' | 'logo-filename' | 'logo-link' | 'trusted-by-text' | 'case-study';

export interface ProductTruth {
  readonly name: string;
  readonly path: string;
  readonly description: string;
  /** Which JSON-LD the product page carries, if any. */
  readonly structuredData: 'SoftwareApplication' | 'Product' | 'none';
}

export interface TierTruth {
  readonly name: string;
  /** The price per period as the page states it; null for a "Contact sales" tier. */
  readonly price: number | null;
  readonly currency: Currency;
  readonly period: 'month' | 'year' | null;
  /** On toggle pages: the per-month price when billed annually. */
  readonly annualMonthlyPrice?: number;
  readonly perUser: boolean;
  readonly contactSales: boolean;
}

export interface CustomerTruth {
  /** The name as the page shows it (alt text, caption, headline, file or link readers derive). */
  readonly displayName: string;
  readonly rendering: CustomerRendering;
  readonly page: string;
  /** Set when the customer is a registrant of the fake EDGAR. */
  readonly cik?: number;
  readonly ticker?: string;
  readonly edgarName?: string;
  /** A listed customer's industry and headcount, for enterprise and ICP scoring. */
  readonly industry?: string;
  readonly employees?: number;
}

export interface SaasSiteTruth {
  readonly domain: string;
  readonly companyName: string;
  readonly kind: SaasSiteKind;
  /** Paths that answer 200 with HTML. */
  readonly pages: readonly string[];
  readonly products: readonly ProductTruth[];
  readonly pricingPath?: string;
  readonly pricingStyle?: PricingStyle;
  readonly tiers: readonly TierTruth[];
  readonly customersPath?: string;
  readonly customers: readonly CustomerTruth[];
  /** Who the site says it sells to, and the industries it names. */
  readonly audience?: string;
  readonly industries: readonly string[];
}
