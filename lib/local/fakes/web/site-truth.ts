/**
 * The ground truth the fake web keeps for every site: what an ideal extractor finds, where it
 * sits and in which form, and which strings are traps. Benchmarks score against it.
 *
 * Conventions an extractor can be scored against:
 * - emails are lowercase addresses;
 * - phones are E.164;
 * - social profiles are canonical, in the extractor's form (social-profiles.ts): `https://linkedin.com/company/<slug>`,
 *   `https://x.com/<handle>`, `https://facebook.com/<page>`, `https://instagram.com/<handle>`,
 *   `https://youtube.com/@<handle>`, `https://github.com/<org>`, `https://tiktok.com/@<handle>` (https, no
 *   `www.` or `m.`, lowercase handle, no trailing slash, query or fragment; twitter.com becomes x.com). One
 *   rule for every network, and the one record identity applies too (it ignores `www.`);
 * - technologies use their current product names (the catalog in technologies.ts; Meta Pixel, not
 *   Facebook Pixel), implied ones and the public CDNs their markers load from included.
 */
import type { CountryCode } from './countries.ts';

/** How a value is written into the page. `javascript` means only a script run in a browser shows it. */
export type EmailRendering = 'mailto' | 'text' | 'at-dot' | 'paren-at' | 'entities' | 'json-ld' | 'javascript';
export type PhoneRendering = 'tel-link' | 'text' | 'javascript';
export type SocialNetwork = 'linkedin' | 'twitter' | 'facebook' | 'instagram' | 'youtube' | 'github' | 'tiktok';
export type OrganizationMarkup = 'json-ld' | 'json-ld-graph' | 'json-ld-local-business' | 'microdata' | 'malformed-json-ld' | 'none';

export type SpecialKind =
  | 'js-only' | 'robots-disallow' | 'slow' | 'server-error' | 'redirect-loop' | 'redirect-internal'
  | 'huge-page' | 'non-html' | 'apex-to-www' | 'idn';

export interface EmailTruth {
  readonly address: string;
  readonly kind: 'role' | 'personal';
  /** Whether the mailbox is on the company's own domain. */
  readonly ownDomain: boolean;
  readonly rendering: EmailRendering;
  /** The path of the page that holds it. */
  readonly page: string;
}

export interface PhoneTruth {
  readonly e164: string;
  readonly country: CountryCode;
  /** The number exactly as the page writes it. */
  readonly display: string;
  readonly rendering: PhoneRendering;
  readonly page: string;
}

export interface SocialProfileTruth {
  readonly network: SocialNetwork;
  readonly canonicalUrl: string;
  /** The href as the footer writes it (http, no www, trailing slash, query, twitter.com...). */
  readonly renderedUrl: string;
}

export interface PostalAddressTruth {
  readonly streetAddress: string;
  readonly addressLocality: string;
  readonly addressRegion?: string;
  readonly postalCode: string;
  readonly addressCountry: CountryCode;
}

export interface OrganizationTruth {
  readonly name: string;
  readonly legalName: string;
  readonly url: string;
  readonly description: string;
  readonly address: PostalAddressTruth;
  readonly telephone: string;
  readonly email: string;
  readonly foundingDate: string;
  readonly logo: string;
  readonly sameAs: readonly string[];
  readonly numberOfEmployees: number;
  /** Where the structured copy of this data sits; `malformed-json-ld` and `none` leave only the visible text. */
  readonly markup: OrganizationMarkup;
}

export interface PersonTruth {
  readonly name: string;
  readonly title: string;
  readonly email?: string;
  readonly page: string;
}

export interface TechnologyTruth {
  readonly name: string;
  readonly category?: string;
  readonly version?: string;
  /** True when only implied by another technology, with no marker of its own. */
  readonly implied: boolean;
}

export interface DecoyTruth {
  /** Strings that look like emails and are not contacts (asset names, code samples). */
  readonly emails: readonly string[];
  /** Share, intent and tracking links on social hosts that are not profiles. */
  readonly socialLinks: readonly string[];
}

export interface SiteTruth {
  readonly domain: string;
  /** The host the site's pages are served from once redirects settle (www for apex-to-www). */
  readonly servedHost: string;
  readonly unicodeDomain?: string;
  readonly companyName: string;
  readonly legalName: string;
  readonly country: CountryCode;
  readonly special?: SpecialKind;
  /** Paths of every HTML page the site serves with 200. */
  readonly pages: readonly string[];
  readonly emails: readonly EmailTruth[];
  readonly phones: readonly PhoneTruth[];
  readonly socialProfiles: readonly SocialProfileTruth[];
  readonly organization?: OrganizationTruth;
  readonly technologies: readonly TechnologyTruth[];
  readonly people: readonly PersonTruth[];
  readonly decoys: DecoyTruth;
  /** Paths robots.txt disallows for every agent; data on them must not be collected. */
  readonly robotsDisallowed: readonly string[];
  readonly hasSitemap: boolean;
  /** For redirect sites: where the chain ends (an internal address, or back to itself). */
  readonly redirectTarget?: string;
}
