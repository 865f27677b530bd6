/**
 * What a crawl of one company website found, in the shape the enrichment writes to records. The
 * extraction domain (functions/domain/enrichment) produces it; every value names the page it
 * came from, which becomes the field's provenance.
 */
export const SOCIAL_NETWORKS = ['linkedin', 'twitter', 'facebook', 'instagram', 'youtube', 'github', 'tiktok'] as const;
export type SocialNetwork = (typeof SOCIAL_NETWORKS)[number];

export interface Found<T> {
  readonly value: T;
  /** The page it was read from. */
  readonly url: string;
}

export interface FoundEmail {
  readonly address: string;
  /** info@, sales@...: a mailbox of a role, not a person. */
  readonly roleBased: boolean;
  /** The address is on the company's own domain (or a subdomain of it). */
  readonly ownDomain: boolean;
  readonly url: string;
}

export interface FoundTechnology {
  readonly name: string;
  readonly categories: readonly string[];
  readonly version?: string;
  readonly confidence: number;
}

export interface FoundPerson {
  readonly firstName: string;
  readonly lastName: string;
  readonly title?: string;
  readonly email?: string;
  readonly linkedinUrl?: string;
  readonly url: string;
}

export interface FoundAddress {
  readonly street?: string;
  readonly city?: string;
  readonly region?: string;
  readonly postalCode?: string;
  readonly country?: string;
}

export interface SiteFindings {
  readonly emails: readonly FoundEmail[];
  /** E.164. */
  readonly phones: readonly Found<string>[];
  readonly profiles: Readonly<Partial<Record<SocialNetwork, Found<string>>>>;
  readonly technologies: readonly FoundTechnology[];
  readonly people: readonly FoundPerson[];
  readonly organisation: {
    readonly name?: Found<string>;
    readonly legalName?: Found<string>;
    readonly description?: Found<string>;
    readonly logo?: Found<string>;
    readonly foundingYear?: Found<number>;
    readonly employees?: Found<number>;
    readonly address?: Found<FoundAddress>;
    /** The technologies are read from the home page and its headers: their provenance. */
  };
  /** Where the technologies were detected (usually the home page). */
  readonly technologiesUrl?: string;
}

export const countFindings = (findings: SiteFindings) => ({
  emails_found: findings.emails.length,
  phones_found: findings.phones.length,
  profiles_found: Object.keys(findings.profiles).length,
  technologies_found: findings.technologies.length,
  contacts_found: findings.people.length,
});
