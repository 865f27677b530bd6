/**
 * Person lookups as RocketReach runs them: asynchronously. A lookup answers `complete` at once
 * or `searching`; each `/person/checkStatus` poll moves it on (`progress`) until it completes
 * after the number of polls its ground truth says. Until then its contact fields stay empty,
 * unless the caller asked for cached emails (`return_cached_emails=true`, off by default now).
 */
import type { FakePerson } from './rocketreach-people.ts';

export type LookupStatus = 'complete' | 'progress' | 'searching' | 'not queued';

export interface RenderOptions {
  readonly returnCachedEmails?: boolean;
  readonly metadata?: unknown;
  readonly profileList?: { readonly id: number; readonly name: string };
}

/** Tracks the account's lookups: polls left per profile id (0 = complete). */
export class LookupTracker {
  private readonly pollsLeft = new Map<number, number>();
  private readonly started = new Map<number, number>();

  /** Starts (or finds) a lookup of this person and answers its status now. */
  start(person: FakePerson): LookupStatus {
    const id = person.profile.id;
    if (!this.pollsLeft.has(id)) {
      this.pollsLeft.set(id, person.pollsToComplete);
      this.started.set(id, person.pollsToComplete);
    }
    return this.status(id);
  }

  /** Finishes a lookup at once (bulk lookups are delivered complete). */
  complete(id: number): void {
    this.pollsLeft.set(id, 0);
    if (!this.started.has(id)) this.started.set(id, 0);
  }

  /** One `checkStatus` poll of this profile: moves its lookup one step and answers the new status. */
  poll(id: number): LookupStatus {
    const left = this.pollsLeft.get(id);
    if (left === undefined) return 'not queued';
    if (left > 0) this.pollsLeft.set(id, left - 1);
    return this.status(id);
  }

  status(id: number): LookupStatus {
    const left = this.pollsLeft.get(id);
    if (left === undefined) return 'not queued';
    if (left === 0) return 'complete';
    return left === this.started.get(id) ? 'searching' : 'progress';
  }
}

const CONTACT_FIELDS_WHILE_PENDING = {
  recommended_email: null,
  recommended_personal_email: null,
  recommended_professional_email: null,
  current_work_email: null,
  current_personal_email: null,
  phones: [],
} as const;

/** A person lookup's body for this status: the whole profile once complete, no contact data before. */
export function renderProfile(person: FakePerson, status: LookupStatus, options: RenderOptions = {}): Record<string, unknown> {
  const base: Record<string, unknown> = { ...person.profile, status, return_cached_emails: options.returnCachedEmails ?? false };
  if (status !== 'complete') {
    Object.assign(base, CONTACT_FIELDS_WHILE_PENDING, { emails: options.returnCachedEmails ? person.profile.emails : [] });
  }
  if (options.profileList) base.profile_list = options.profileList;
  if (options.metadata !== undefined) base.metadata = options.metadata;
  return base;
}

/** A profile-company lookup adds the employer under `company`. */
export function renderProfileWithCompany(person: FakePerson, status: LookupStatus, options: RenderOptions = {}): Record<string, unknown> {
  return { ...renderProfile(person, status, options), company: person.employer };
}

const emailDomain = (email: string): string => email.slice(email.indexOf('@') + 1);
const maskPhone = (e164: string): string => `${e164.slice(0, -4)}XXXX`;

/** A search hit: the profile's public fields and a teaser of what a lookup would reveal. */
export function renderSearchHit(person: FakePerson, status: LookupStatus): Record<string, unknown> {
  const { profile } = person;
  return {
    id: profile.id,
    status,
    name: profile.name,
    profile_pic: null,
    links: profile.links,
    linkedin_url: profile.linkedin_url,
    connections: profile.connections,
    location: profile.location,
    city: profile.city,
    region: profile.region,
    country: profile.country_code,
    country_code: profile.country_code,
    current_title: profile.current_title,
    current_employer: profile.current_employer,
    current_employer_domain: profile.current_employer_domain,
    current_employer_website: profile.current_employer_website,
    current_employer_id: profile.current_employer_id,
    current_employer_linkedin_url: profile.current_employer_linkedin_url,
    birth_year: profile.birth_year,
    region_latitude: null,
    region_longitude: null,
    suppressed: 'False',
    update_time: '2026-11-15T12:00:00Z',
    teaser: {
      emails: profile.emails.map((email) => emailDomain(email.email)),
      professional_emails: profile.emails.filter((email) => email.type === 'professional').map((email) => emailDomain(email.email)),
      personal_emails: profile.emails.filter((email) => email.type === 'personal').map((email) => emailDomain(email.email)),
      phones: profile.phones.map((phone) => ({ number: maskPhone(phone.e164), is_premium: phone.type === 'mobile' })),
      office_phones: [],
      preview: [],
      is_premium_phone_available: profile.phones.some((phone) => phone.type === 'mobile'),
    },
  };
}
