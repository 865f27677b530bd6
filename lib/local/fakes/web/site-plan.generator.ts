/**
 * Plans one ordinary fake company site from its own PRNG stream: identity, contacts, social
 * profiles, organisation data, technologies, team, and where on which page each sits.
 */
import { COUNTRIES, COUNTRY_CODES } from './countries.ts';
import type { CountryCode } from './countries.ts';
import { createRng } from './prng.ts';
import type { Rng } from './prng.ts';
import type { PageRole, PlannedPage, SitePlan } from './site-plan.ts';
import type {
  EmailRendering, EmailTruth, OrganizationMarkup, OrganizationTruth, PersonTruth, PhoneTruth,
  SocialNetwork, SocialProfileTruth, TechnologyTruth,
} from './site-truth.ts';
import { pickTechnologies, technologyByName } from './technologies.ts';
import {
  FIRST_NAMES, FOREIGN_MAIL_DOMAINS, JOB_TITLES, LAST_NAMES, NAV_WORDING, PAGE_PATHS, ROLE_LOCAL_PARTS, SECTOR_PITCH,
} from './vocabulary.ts';
import type { NAME_SECTORS } from './vocabulary.ts';

export interface SiteIdentity {
  readonly stem: string;
  readonly sector: (typeof NAME_SECTORS)[number];
  readonly domain: string;
  readonly companyName: string;
}

/** The contact form's placeholder looks like an address and is not one of the company's. */
export const CONTACT_FORM_PLACEHOLDER = 'you@company.com';

const SOCIAL_NETWORKS: readonly SocialNetwork[] = ['linkedin', 'twitter', 'facebook', 'instagram', 'youtube', 'github', 'tiktok'];
const TECHNOLOGIES_PER_SITE = { min: 3, max: 11 } as const;
const TEAM_SIZE = { min: 2, max: 6 } as const;
const OBFUSCATED_RENDERINGS: readonly EmailRendering[] = ['text', 'at-dot', 'paren-at', 'entities', 'mailto'];

const capitalise = (word: string): string => word.charAt(0).toUpperCase() + word.slice(1);
// Accents fold to their letter (Müller → muller), as networks do when they suggest a handle.
const slugify = (text: string): string => text.toLowerCase().normalize('NFKD').replace(/\p{M}/gu, '').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');

function canonicalAndRendered(rng: Rng, network: SocialNetwork, slug: string): SocialProfileTruth {
  const handle = slug.replace(/-/g, '');
  const variants: Record<SocialNetwork, [string, string[]]> = {
    linkedin: [`https://linkedin.com/company/${slug}`, [`https://www.linkedin.com/company/${slug}/`, `https://linkedin.com/company/${slug}`, `http://www.linkedin.com/company/${slug}/`]],
    twitter: [`https://x.com/${handle}`, [`https://twitter.com/${handle}`, `https://x.com/${handle}`, `https://www.twitter.com/${handle}?lang=en`]],
    facebook: [`https://facebook.com/${handle}`, [`https://www.facebook.com/${handle}/`, `https://facebook.com/${handle}`, `https://m.facebook.com/${handle}`]],
    instagram: [`https://instagram.com/${handle}`, [`https://www.instagram.com/${handle}/`, `https://instagram.com/${handle}?hl=en`]],
    youtube: [`https://youtube.com/@${handle}`, [`https://www.youtube.com/@${handle}`, `https://youtube.com/@${handle}`]],
    github: [`https://github.com/${handle}`, [`https://github.com/${handle}`, `https://www.github.com/${handle}/`]],
    tiktok: [`https://tiktok.com/@${handle}`, [`https://www.tiktok.com/@${handle}`, `https://tiktok.com/@${handle}?lang=en`]],
  };
  const [canonicalUrl, rendered] = variants[network];
  return { network, canonicalUrl, renderedUrl: rng.pick(rendered) };
}

function planPages(rng: Rng, country: CountryCode): PlannedPage[] {
  const page = (role: PageRole, paths: readonly string[], labels: readonly string[]): PlannedPage =>
    ({ role, path: rng.pick(paths), navLabel: rng.pick(labels) });
  const pages: PlannedPage[] = [
    { role: 'home', path: '/', navLabel: 'Home' },
    page('contact', PAGE_PATHS.contact, NAV_WORDING.contact),
    page('about', PAGE_PATHS.about, NAV_WORDING.about),
  ];
  if (rng.chance(0.7)) pages.push(page('team', PAGE_PATHS.team, NAV_WORDING.team));
  if (country === 'DE' || rng.chance(0.25)) pages.push(page('imprint', PAGE_PATHS.imprint, NAV_WORDING.imprint));
  if (rng.chance(0.35)) pages.push(page('blog', PAGE_PATHS.blog, NAV_WORDING.blog));
  return pages;
}

function planPeople(rng: Rng, domain: string, teamPath: string | undefined): PersonTruth[] {
  if (!teamPath) return [];
  const firsts = rng.sample(FIRST_NAMES, rng.int(TEAM_SIZE.min, TEAM_SIZE.max));
  const titles = rng.shuffle(JOB_TITLES);
  return firsts.map((first, i) => {
    const last = rng.pick(LAST_NAMES);
    const local = rng.pick([`${first}.${last}`, first, `${first.charAt(0)}.${last}`, `${first.charAt(0)}${last}`]);
    const email = rng.chance(0.5) ? emailAddressFor(local, domain) : undefined;
    return { name: `${first} ${last}`, title: titles[i % titles.length] as string, email, page: teamPath };
  });
}

/** Keeps the dot of `first.last` (slugify would drop it) while normalising accents and spaces. */
const emailAddressFor = (local: string, domain: string): string =>
  `${local.toLowerCase().normalize('NFKD').replace(/[^a-z0-9.]/g, '')}@${domain}`;

function planEmails(rng: Rng, domain: string, stem: string, pagePaths: Record<PageRole, string | undefined>, people: PersonTruth[]): EmailTruth[] {
  const contact = pagePaths.contact as string;
  const roles = rng.sample(ROLE_LOCAL_PARTS, rng.int(1, 3));
  const emails: EmailTruth[] = roles.map((local, i) => ({
    address: `${local}@${domain}`, kind: 'role', ownDomain: true, page: contact,
    rendering: i === 0 ? 'mailto' : rng.pick(OBFUSCATED_RENDERINGS),
  }));
  if (rng.chance(0.15)) {
    emails.push({ address: `${stem}.office@${rng.pick(FOREIGN_MAIL_DOMAINS)}`, kind: 'role', ownDomain: false, page: contact, rendering: rng.pick(['mailto', 'text'] as const) });
  }
  if (pagePaths.imprint && rng.chance(0.6)) {
    const local = rng.pick(['legal', 'datenschutz', 'privacy'] as const);
    emails.push({ address: `${local}@${domain}`, kind: 'role', ownDomain: true, page: pagePaths.imprint, rendering: rng.pick(['at-dot', 'paren-at', 'entities'] as const) });
  }
  for (const person of people) {
    if (person.email) emails.push({ address: person.email, kind: 'personal', ownDomain: true, page: person.page, rendering: rng.pick(['mailto', 'text', 'at-dot'] as const) });
  }
  return emails;
}

function planPhones(rng: Rng, country: CountryCode, cityIndex: number, pagePaths: Record<PageRole, string | undefined>): PhoneTruth[] {
  const profile = COUNTRIES[country];
  const main = profile.phone(rng, cityIndex);
  const phones: PhoneTruth[] = [{ ...main, country, rendering: 'tel-link', page: pagePaths.contact as string }];
  if (rng.chance(0.4)) {
    const second = profile.phone(rng, cityIndex);
    if (second.e164 !== main.e164) phones.push({ ...second, country, rendering: 'text', page: pagePaths.imprint ?? (pagePaths.contact as string) });
  }
  return phones;
}

const MARKUPS: readonly [OrganizationMarkup, number][] = [
  ['json-ld', 0.3], ['json-ld-graph', 0.2], ['json-ld-local-business', 0.1], ['microdata', 0.15], ['malformed-json-ld', 0.1], ['none', 0.15],
];

function pickMarkup(rng: Rng): OrganizationMarkup {
  let roll = rng.next();
  for (const [markup, weight] of MARKUPS) {
    roll -= weight;
    if (roll < 0) return markup;
  }
  return 'none';
}

function planTechnologies(rng: Rng): { truth: TechnologyTruth[]; markers: SitePlan['technologyMarkers'] } {
  const { chosen, names } = pickTechnologies(rng, rng.int(TECHNOLOGIES_PER_SITE.min, TECHNOLOGIES_PER_SITE.max));
  const chosenNames = new Set(chosen.map((t) => t.name));
  const truth = names.map((name) => {
    const def = technologyByName(name);
    return { name, category: def?.category, version: chosenNames.has(name) ? def?.version : undefined, implied: !chosenNames.has(name) };
  });
  return { truth, markers: chosen.map((t) => t.markers(rng)) };
}

function shareLinkDecoys(domain: string, rng: Rng, withPixel: boolean): string[] {
  const page = encodeURIComponent(`http://${domain}/`);
  const links = [
    `https://twitter.com/intent/tweet?url=${page}&text=${encodeURIComponent('Worth a look')}`,
    `https://www.facebook.com/sharer/sharer.php?u=${page}`,
    `https://www.linkedin.com/shareArticle?mini=true&url=${page}`,
  ];
  if (withPixel) links.push(`https://www.facebook.com/tr?id=${rng.digits(15)}&ev=PageView&noscript=1`);
  return links;
}

/**
 * Plans the ordinary site number `index`; `identity` was drawn beforehand so domains are unique.
 * `forcedCountry` pins the country (the IDN site is German) without shifting the PRNG stream.
 */
export function planOrdinarySite(seed: number | string, index: number, identity: SiteIdentity, forcedCountry?: CountryCode): SitePlan {
  const rng = createRng(seed, `site:${identity.domain}`);
  const drawn = rng.pick(COUNTRY_CODES);
  const country = forcedCountry ?? drawn;
  const profile = COUNTRIES[country];
  const cityIndex = rng.int(0, profile.cities.length - 1);
  const city = profile.cities[cityIndex] as (typeof profile.cities)[number];
  const legalName = `${identity.companyName} ${rng.pick(profile.legalSuffixes)}`;
  const pages = planPages(rng, country);
  const pagePaths = Object.fromEntries(pages.map((p) => [p.role, p.path])) as Record<PageRole, string | undefined>;
  const people = planPeople(rng, identity.domain, pagePaths.team);
  const emails = planEmails(rng, identity.domain, identity.stem, pagePaths, people);
  const phones = planPhones(rng, country, cityIndex, pagePaths);
  const slug = slugify(identity.companyName);
  const socialProfiles = rng.sample(SOCIAL_NETWORKS, rng.int(2, 6)).map((n) => canonicalAndRendered(rng, n, slug));
  const street = rng.pick(profile.streets);
  const houseNumber = String(rng.int(1, 240));
  const description = `${identity.companyName} ${SECTOR_PITCH[identity.sector]}.`;
  const organization: OrganizationTruth = {
    name: identity.companyName, legalName, url: `http://${identity.domain}/`, description,
    address: {
      streetAddress: profile.numberFirst ? `${houseNumber} ${street}` : `${street} ${houseNumber}`,
      addressLocality: city.name, addressRegion: city.region, postalCode: city.postalCode(rng), addressCountry: country,
    },
    telephone: (phones[0] as PhoneTruth).e164, email: (emails[0] as EmailTruth).address,
    foundingDate: String(rng.int(1985, 2021)), logo: `http://${identity.domain}/assets/logo.png`,
    sameAs: socialProfiles.map((s) => s.canonicalUrl), numberOfEmployees: rng.pick([8, 12, 25, 40, 75, 120, 250, 600, 1400]),
    markup: pickMarkup(rng),
  };
  const technologies = planTechnologies(rng);
  const blog = pagePaths.blog;
  return {
    index,
    pages,
    tagline: capitalise(SECTOR_PITCH[identity.sector]),
    technologyMarkers: technologies.markers,
    truth: {
      domain: identity.domain, servedHost: identity.domain, companyName: identity.companyName, legalName, country,
      pages: pages.map((p) => p.path), emails, phones, socialProfiles, organization, technologies: technologies.truth, people,
      decoys: {
        emails: ['logo@2x.png', CONTACT_FORM_PLACEHOLDER, ...(rng.chance(0.5) ? ['hero@3x.webp'] : []), ...(blog ? ['user@example.com'] : [])],
        socialLinks: shareLinkDecoys(identity.domain, rng, technologies.truth.some((t) => t.name === 'Meta Pixel')),
      },
      robotsDisallowed: [], hasSitemap: rng.chance(0.5),
    },
  };
}
