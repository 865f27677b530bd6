/**
 * The waterfall's view of a provider: "find this person's email and phone". RocketReach, Apollo's
 * people match, Prospeo or the website data each become one adapter of this port; the waterfall
 * tries them in order and never learns which one answered beyond its name.
 */

export interface PersonQuery {
  readonly firstName?: string;
  readonly lastName?: string;
  readonly name?: string;
  readonly employer?: string;
  readonly employerDomain?: string;
  readonly title?: string;
  readonly linkedinUrl?: string;
  readonly email?: string;
}

/** One way to reach the person, with the provider's own label kept beside a 0..1 confidence. */
export interface ContactPoint {
  readonly value: string;
  /** `professional`, `personal`, `mobile`, `direct`, ... as the provider labels it. */
  readonly type?: string;
  /** The provider's own grade or status (`A`, `A-`, `verified`, ...), kept for display. */
  readonly grade?: string;
  /** Comparable across providers: 1 is certain, 0 is a guess. */
  readonly confidence: number;
}

export interface ContactMatch {
  readonly provider: string;
  readonly emails: readonly ContactPoint[];
  readonly phones: readonly ContactPoint[];
  /** Credits the provider charged for this answer. */
  readonly credits: number;
}

export interface EnrichmentCallContext {
  readonly workspaceId: string;
  readonly userId?: string;
  readonly jobId?: string;
  readonly signal?: AbortSignal;
}

export interface ContactEnrichmentProvider {
  readonly name: string;
  /** Undefined when the provider knows nobody matching, or knows them without email or phone. */
  findContact(query: PersonQuery, context: EnrichmentCallContext): Promise<ContactMatch | undefined>;
}
