/**
 * What the per-site extraction yields. Every value carries `source_url`, the page it was read
 * from, so the stored record can say where each enriched field came from.
 */

export interface FetchedPage {
  url: string;
  status: number;
  /** Response headers; names are matched case-insensitively. */
  headers: Readonly<Record<string, string | readonly string[] | undefined>>;
  html: string;
  /** Cookie name → value, as the response set them (or the browser saw them). */
  cookies?: Readonly<Record<string, string>>;
  /** Present when the page was rendered in the browser: enables dom and js fingerprints. */
  browser?: BrowserSignals;
}

/** Data only a browser can supply; absent on plain HTTP, where dom and js fingerprints are skipped. */
export interface BrowserSignals {
  /** Runs a CSS selector in the live page: the matches' text, attributes and properties, or [] . */
  dom?: (selector: string) => ReadonlyArray<BrowserDomMatch>;
  /** Global JavaScript values read from the page, keyed by dotted path (`jQuery.fn.jquery`). */
  js?: Readonly<Record<string, unknown>>;
}

export interface BrowserDomMatch {
  text?: string;
  attributes?: Readonly<Record<string, string>>;
  properties?: Readonly<Record<string, unknown>>;
}

export interface ExtractionOptions {
  /** The company's registrable domain (`acme.com`); subdomains count as the company's own. */
  companyDomain: string;
  /** ISO 3166-1 alpha-2 region for numbers written without a country code. */
  defaultCountry?: string;
}

export type EmailKind = 'role' | 'personal';

export interface ExtractedEmail {
  email: string;
  kind: EmailKind;
  company_domain: boolean;
  source_url: string;
}

export interface ExtractedPhone {
  /** E.164, `+14155550100`. */
  phone: string;
  source_url: string;
}

export type SocialNetwork = 'linkedin' | 'x' | 'facebook' | 'instagram' | 'youtube' | 'github' | 'tiktok';

export interface SocialProfile {
  network: SocialNetwork;
  url: string;
  source_url: string;
}

export interface PostalAddress {
  street?: string;
  locality?: string;
  region?: string;
  postal_code?: string;
  country?: string;
}

/** One organisation fact and the page it came from. */
export interface Sourced<T> {
  value: T;
  source_url: string;
}

export interface OrganizationData {
  legal_name?: Sourced<string>;
  name?: Sourced<string>;
  address?: Sourced<PostalAddress>;
  telephone?: Sourced<string>;
  email?: Sourced<string>;
  founding_date?: Sourced<string>;
  logo?: Sourced<string>;
  same_as?: Sourced<string[]>;
  number_of_employees?: Sourced<number | { min?: number; max?: number }>;
  description?: Sourced<string>;
}

export interface DetectedTechnology {
  name: string;
  categories: string[];
  version?: string;
  confidence: number;
  source_url: string;
}

export interface ExtractedPerson {
  first_name: string;
  last_name: string;
  title?: string;
  email?: string;
  linkedin_url?: string;
  source_url: string;
}

export interface SiteExtraction {
  emails: ExtractedEmail[];
  phones: ExtractedPhone[];
  social_profiles: SocialProfile[];
  organization: OrganizationData;
  technologies: DetectedTechnology[];
  people: ExtractedPerson[];
}
