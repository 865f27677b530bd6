/**
 * The hostile and awkward sites every crawler meets, each flagged in the ground truth: contacts
 * only a browser sees, robots.txt that fences data off, slowness, 500s, redirect loops,
 * redirects to internal addresses, a huge page, a binary answer, apex-to-www and an IDN host.
 */
import { domainToASCII } from 'node:url';
import type { SitePlan } from './site-plan.ts';
import type { SiteIdentity } from './site-plan.generator.ts';
import { CONTACT_FORM_PLACEHOLDER, planOrdinarySite } from './site-plan.generator.ts';
import type { SiteTruth, SpecialKind } from './site-truth.ts';

/** Where each redirect-internal site finally points: cloud metadata, loopback, private and mapped IPv6. */
export const INTERNAL_REDIRECT_TARGETS = [
  'http://169.254.169.254/latest/meta-data/',
  'http://127.0.0.1:1/',
  'http://10.0.0.5/admin',
  'http://[::ffff:127.0.0.1]/',
] as const;

export const SPECIAL_KINDS: readonly SpecialKind[] = [
  'js-only', 'robots-disallow', 'slow', 'server-error', 'redirect-loop',
  ...INTERNAL_REDIRECT_TARGETS.map((): SpecialKind => 'redirect-internal'),
  'huge-page', 'non-html', 'apex-to-www', 'idn',
];

export const IDN_UNICODE_DOMAIN = 'müller-maschinenbau.test';
export const JS_CONTACT_SCRIPT_PATH = '/assets/contact-widget.js';
export const ROBOTS_PRIVATE_PREFIX = '/private/';

/** A site whose pages are never reachable keeps its identity and nothing an extractor could find. */
function unreachable(plan: SitePlan, special: SpecialKind, redirectTarget?: string): SitePlan {
  const t = plan.truth;
  return {
    ...plan,
    pages: [],
    technologyMarkers: [],
    truth: {
      ...t, special, redirectTarget, pages: [], emails: [], phones: [], socialProfiles: [], organization: undefined,
      technologies: [], people: [], decoys: { emails: [], socialLinks: [] }, robotsDisallowed: [], hasSitemap: false,
    },
  };
}

function jsOnly(plan: SitePlan): SitePlan {
  const contact = plan.pages.find((p) => p.role === 'contact');
  if (!contact) throw new Error('a planned site always has a contact page');
  const truth: SiteTruth = {
    ...plan.truth,
    special: 'js-only',
    pages: plan.truth.pages.filter((p) => p !== plan.pages.find((x) => x.role === 'team')?.path),
    emails: plan.truth.emails.map((e) => ({ ...e, rendering: 'javascript', page: contact.path })),
    phones: plan.truth.phones.map((p) => ({ ...p, rendering: 'javascript', page: contact.path })),
    people: plan.truth.people.map((p) => ({ ...p, page: contact.path })),
    organization: plan.truth.organization ? { ...plan.truth.organization, markup: 'none' } : undefined,
    // The script replaces the contact page's body, form placeholder included.
    decoys: { ...plan.truth.decoys, emails: plan.truth.decoys.emails.filter((e) => e !== CONTACT_FORM_PLACEHOLDER) },
  };
  return { ...plan, truth, pages: plan.pages.filter((p) => p.role !== 'team'), contactScriptPath: JS_CONTACT_SCRIPT_PATH };
}

function robotsDisallow(plan: SitePlan): SitePlan {
  const teamPath = `${ROBOTS_PRIVATE_PREFIX}team`;
  const hasTeam = plan.pages.some((p) => p.role === 'team');
  const pages = hasTeam
    ? plan.pages.map((p) => (p.role === 'team' ? { ...p, path: teamPath } : p))
    : [...plan.pages, { role: 'team' as const, path: teamPath, navLabel: 'Team' }];
  const people = plan.truth.people.length > 0
    ? plan.truth.people.map((p) => ({ ...p, page: teamPath }))
    : [{ name: 'Anna Schneider', title: 'Managing Director', email: `anna.schneider@${plan.truth.domain}`, page: teamPath }];
  const personal = new Set(people.map((p) => p.email).filter(Boolean));
  const emails = [
    ...plan.truth.emails.filter((e) => !personal.has(e.address) && e.kind === 'role'),
    ...people.filter((p) => p.email).map((p) => ({ address: p.email as string, kind: 'personal' as const, ownDomain: true, rendering: 'mailto' as const, page: teamPath })),
  ];
  return {
    ...plan,
    pages,
    truth: { ...plan.truth, special: 'robots-disallow', pages: pages.map((p) => p.path), people, emails, robotsDisallowed: ['/api/', ROBOTS_PRIVATE_PREFIX] },
  };
}

function apexToWww(plan: SitePlan): SitePlan {
  const servedHost = `www.${plan.truth.domain}`;
  const org = plan.truth.organization;
  return { ...plan, truth: { ...plan.truth, special: 'apex-to-www', servedHost, organization: org ? { ...org, url: `http://${servedHost}/`, logo: `http://${servedHost}/assets/logo.png` } : undefined } };
}

function idnIdentity(): SiteIdentity {
  return { stem: 'mueller', sector: 'works', domain: domainToASCII(IDN_UNICODE_DOMAIN), companyName: 'Müller Maschinenbau' };
}

/** Plans the special site number `ordinal` (its position in SPECIAL_KINDS). */
export function planSpecialSite(seed: number | string, index: number, ordinal: number, identity: SiteIdentity): SitePlan {
  const kind = SPECIAL_KINDS[ordinal] as SpecialKind;
  if (kind === 'idn') {
    const plan = planOrdinarySite(seed, index, idnIdentity(), 'DE');
    return { ...plan, truth: { ...plan.truth, special: 'idn', unicodeDomain: IDN_UNICODE_DOMAIN } };
  }
  const plan = planOrdinarySite(seed, index, identity);
  switch (kind) {
    case 'js-only': return jsOnly(plan);
    case 'robots-disallow': return robotsDisallow(plan);
    case 'apex-to-www': return apexToWww(plan);
    case 'slow': return { ...plan, truth: { ...plan.truth, special: 'slow' } };
    case 'redirect-internal': {
      const target = INTERNAL_REDIRECT_TARGETS[ordinal - SPECIAL_KINDS.indexOf('redirect-internal')] as string;
      return unreachable(plan, kind, target);
    }
    case 'redirect-loop': return unreachable(plan, kind, `http://${plan.truth.domain}/`);
    case 'server-error':
    case 'huge-page':
    case 'non-html':
      return unreachable(plan, kind);
  }
}
