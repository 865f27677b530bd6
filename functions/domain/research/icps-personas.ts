/**
 * Ideal customer profiles and buyer personas as structured data. ICPs come from the customers'
 * records (industry, size, country) grouped, and from the site's own positioning where the
 * records say nothing; personas from the titles and teams the site addresses, each with the
 * pains its pages describe in that team's words.
 */
import type { ParsedPage } from '../enrichment/parsed-page.ts';
import { MAX_ICPS, MAX_PAINS_PER_PERSONA, MAX_PAIN_CHARS, MAX_PERSONAS } from './research-limits.ts';
import { sentencesOf } from './research-dom.ts';
import { departmentOf, regionOfCountry, sizeBandOf, type Department, type Positioning, type SizeBand } from './extract-positioning.ts';

export interface CustomerProfile {
  readonly name: string;
  readonly industry?: string;
  readonly employees?: number;
  readonly country?: string;
}

export interface Icp {
  readonly industry: string;
  readonly size_band: SizeBand | 'unknown';
  readonly region: string;
  readonly customer_count: number;
  readonly example_customers: readonly string[];
  readonly basis: 'customers' | 'site_language';
  summary?: string;
}

export const SENIORITIES = ['c_suite', 'vp', 'head', 'director', 'manager', 'individual_contributor'] as const;
export type Seniority = (typeof SENIORITIES)[number];

export interface Persona {
  readonly title: string;
  readonly department: Department;
  readonly seniority: Seniority;
  readonly pains: readonly string[];
  readonly basis: 'title_mention' | 'audience';
  readonly source_url: string;
  summary?: string;
}

const MAX_EXAMPLES = 5;
const ANY = 'any';

export function buildIcps(customers: readonly CustomerProfile[], positioning: Positioning): Icp[] {
  const groups = new Map<string, { industry: string; size_band: SizeBand | 'unknown'; region: string; names: string[] }>();
  for (const customer of customers) {
    if (!customer.industry && customer.employees === undefined) continue;
    const industry = customer.industry?.toLowerCase() ?? ANY;
    const size_band = sizeBandOf(customer.employees) ?? 'unknown';
    const region = regionOfCountry(customer.country) ?? ANY;
    const key = `${industry}|${size_band}|${region}`;
    const group = groups.get(key) ?? { industry, size_band, region, names: [] };
    group.names.push(customer.name);
    groups.set(key, group);
  }
  const fromCustomers: Icp[] = [...groups.values()]
    .sort((a, b) => b.names.length - a.names.length)
    .map((g) => ({ industry: g.industry, size_band: g.size_band, region: g.region, customer_count: g.names.length, example_customers: g.names.slice(0, MAX_EXAMPLES), basis: 'customers' }));
  const covered = new Set(fromCustomers.map((icp) => icp.industry));
  const band = positioning.size_bands.at(-1) ?? 'unknown';
  const fromSite: Icp[] = positioning.industries
    .filter((i) => !covered.has(i.industry))
    .map((i) => ({ industry: i.industry, size_band: band, region: positioning.regions[0] ?? ANY, customer_count: 0, example_customers: [], basis: 'site_language' }));
  return [...fromCustomers, ...fromSite].slice(0, MAX_ICPS);
}

const TITLE = /\b(?<title>chief\s+\w+\s+officers?|c[efitmors]os?|vps?\s+(?:of\s+)?[a-z]+(?:\s+(?!and\b|or\b|who\b|to\b|for\b|with\b|in\b|at\b)[a-z]+)?|vice\s+presidents?\s+of\s+[a-z]+|heads?\s+of\s+[a-z]+(?:\s+(?!and\b|or\b|who\b|to\b|for\b|with\b|in\b|at\b)[a-z]+)?|directors?\s+of\s+[a-z]+|[a-z]+\s+directors?|[a-z]+(?:\s+[a-z]+)?\s+managers?|[a-z]+\s+leaders?|account\s+executives?|sdrs?|bdrs?|developers?|engineers?|marketers?|recruiters?|support\s+agents?|founders?)\b/gi;
const NOT_A_PERSONA = /\b(?:password|file|project\s+managers?\s+tool|task|content\s+manager|tag\s+manager|package\s+manager|our|your|the)\b/i;

export function seniorityOf(title: string): Seniority {
  const t = title.toLowerCase();
  if (/\bchief\b|\bc[efitmors]o\b|\bfounders?\b/.test(t)) return 'c_suite';
  if (/\bvps?\b|\bvice\s+president/.test(t)) return 'vp';
  if (/\bheads?\s+of\b|\bleaders?\b/.test(t)) return 'head';
  if (/\bdirectors?\b/.test(t)) return 'director';
  if (/\bmanagers?\b/.test(t)) return 'manager';
  return 'individual_contributor';
}

const titleCase = (s: string): string => s.replace(/\b([a-z])/g, (c) => c.toUpperCase()).replace(/\b(Of|And)\b/g, (w) => w.toLowerCase()).replace(/\b(Vp|Ceo|Cfo|Cto|Cmo|Cio|Coo|Cro|Ciso|Sdr|Bdr|It|Hr)(s?)\b/g, (_, w: string, plural: string) => w.toUpperCase() + plural);
const singular = (s: string): string => s.replace(/\b(officer|president|director|manager|leader|executive|developer|engineer|marketer|recruiter|agent|founder|head|vp|sdr|bdr|ceo|cfo|cto|cmo|cio|coo|cro)s\b/gi, '$1');

/** Sentences that describe a problem, the way product pages do. */
const PAIN = /\b(?:struggl\w*|manual\w*|spreadsheets?|wast\w*|slow\w*|tedious|error-prone|silo\w*|miss(?:ed|ing)?|lost|churn\w*|guesswork|chaos|bottlenecks?|no\s+visibility|lack\s+of|too\s+many|tired\s+of|frustrat\w*|hours?\s+(?:spent|wasted|every)|stop\s+\w+ing|eliminat\w*|without\s+(?:the|any)|disconnected|scattered|juggl\w*|burn(?:ed|t)?\s*out)\b/i;

function painsOf(pages: readonly ParsedPage[]): { text: string; department?: Department }[] {
  const seen = new Set<string>();
  const out: { text: string; department?: Department }[] = [];
  for (const page of pages) {
    for (const sentence of sentencesOf(page.text)) {
      if (!PAIN.test(sentence) || sentence.length > MAX_PAIN_CHARS || sentence.split(' ').length < 4 || seen.has(sentence)) continue;
      seen.add(sentence);
      const department = departmentOf(sentence);
      out.push({ text: sentence, ...(department ? { department } : {}) });
    }
  }
  return out;
}

function painsFor(department: Department, pains: readonly { text: string; department?: Department }[]): string[] {
  const own = pains.filter((p) => p.department === department).map((p) => p.text);
  const general = pains.filter((p) => p.department === undefined).map((p) => p.text);
  return [...own, ...general].slice(0, MAX_PAINS_PER_PERSONA);
}

export function buildPersonas(pages: readonly ParsedPage[], positioning: Positioning): Persona[] {
  const pains = painsOf(pages);
  const byTitle = new Map<string, Persona>();
  for (const page of pages) {
    for (const match of page.text.matchAll(TITLE)) {
      const raw = (match.groups?.title ?? '').replace(/^(?:(?:and|or|the|for|to|of|with|our|your|all|every|busy|modern)\s+)+/i, '');
      const department = departmentOf(raw) ?? (/\bceo|founder/i.test(raw) ? 'executive' : undefined);
      if (!department || NOT_A_PERSONA.test(raw)) continue;
      const title = titleCase(singular(raw.toLowerCase().replace(/\s+/g, ' ')));
      if (!byTitle.has(title.toLowerCase())) byTitle.set(title.toLowerCase(), { title, department, seniority: seniorityOf(title), pains: painsFor(department, pains), basis: 'title_mention', source_url: page.url });
    }
  }
  const departments = new Set([...byTitle.values()].map((p) => p.department));
  for (const audience of positioning.audiences) {
    if (departments.has(audience.department)) continue;
    departments.add(audience.department);
    const title = `${titleCase(audience.department.replace(/_/g, ' '))} Leader`;
    byTitle.set(title.toLowerCase(), { title, department: audience.department, seniority: 'head', pains: painsFor(audience.department, pains), basis: 'audience', source_url: audience.source_url });
  }
  return [...byTitle.values()].slice(0, MAX_PERSONAS);
}
