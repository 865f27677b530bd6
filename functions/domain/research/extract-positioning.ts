/**
 * How a site positions itself: the teams it says it is for ("for sales teams"), the industries
 * it names (in its navigation or its text), the company sizes it addresses (startups, mid-market,
 * enterprise) and the regions it serves. Read from its own words only.
 */
import { resolveUrl, type ParsedPage } from '../enrichment/parsed-page.ts';
import { sentencesOf } from './research-dom.ts';

export const DEPARTMENTS = ['sales', 'marketing', 'customer_success', 'support', 'engineering', 'product', 'finance', 'hr', 'it', 'operations', 'security', 'legal', 'data', 'design', 'executive'] as const;
export type Department = (typeof DEPARTMENTS)[number];

/** How each department is written; order matters where one word hides in another ("customer success" before "support"). */
export const DEPARTMENT_WORDS: ReadonlyArray<readonly [Department, RegExp]> = [
  ['customer_success', /\bcustomer\s+success\b|\bcsms?\b|\baccount\s+managers?\b/i],
  ['sales', /\bsales\b|\brevops\b|\brevenue\b|\bsdrs?\b|\bbdrs?\b|\baccount\s+executives?\b|\bsellers?\b/i],
  ['marketing', /\bmarketing\b|\bmarketers?\b|\bdemand\s+gen\w*|\bgrowth\b|\bbrand\b/i],
  ['support', /\bsupport\b|\bhelp\s*desk\b|\bservice\s+(?:teams?|agents?)\b|\bcustomer\s+service\b/i],
  ['engineering', /\bengineer\w*|\bdevelopers?\b|\bdevops\b|\bsres?\b|\bsoftware\s+teams?\b/i],
  ['product', /\bproduct\s+(?:teams?|managers?|leaders?|management)\b/i],
  ['finance', /\bfinance\b|\bfinancial\s+(?:teams?|controllers?)|\baccounting\b|\bcfos?\b|\bcontrollers?\b/i],
  ['hr', /\bhr\b|\bhuman\s+resources\b|\bpeople\s+(?:teams?|ops|operations)\b|\brecruit\w*|\btalent\b/i],
  ['it', /\bit\s+(?:teams?|admins?|administrators?|managers?|leaders?|departments?)\b|\bcios?\b|\bsysadmins?\b/i],
  ['operations', /\boperations\b|\bops\s+teams?\b|\bcoos?\b/i],
  ['security', /\bsecurity\b|\bcisos?\b|\bcompliance\b/i],
  ['legal', /\blegal\b|\blawyers?\b|\bcounsel\b/i],
  ['data', /\bdata\s+(?:teams?|analysts?|scientists?|engineers?)\b|\banalytics\s+teams?\b/i],
  ['design', /\bdesign(?:ers?)?\s*(?:teams?)?\b/i],
];

export const departmentOf = (text: string): Department | undefined => DEPARTMENT_WORDS.find(([, pattern]) => pattern.test(text))?.[0];

/** Industries by their usual names and the slugs of `/industries/<slug>` pages. */
const INDUSTRIES: ReadonlyArray<readonly [string, RegExp]> = [
  ['healthcare', /\bhealth\s*care\b|\bhospitals?\b|\bhealth\s+systems?\b|\blife\s+sciences\b|\bpharma\w*/i],
  ['financial services', /\bfinancial\s+services\b|\bbanking\b|\bbanks\b|\bfintech\b|\bwealth\s+management\b|\bcapital\s+markets\b/i],
  ['insurance', /\binsurance\b|\binsurers?\b/i],
  ['retail', /\bretail\w*|\be-?commerce\b|\bconsumer\s+goods\b/i],
  ['manufacturing', /\bmanufactur\w*|\bindustrial\b/i],
  ['education', /\beducation\b|\bedtech\b|\buniversit(?:y|ies)\b|\bschools?\b|\bhigher\s+ed\b/i],
  ['government', /\bgovernment\b|\bpublic\s+sector\b|\bfederal\b/i],
  ['technology', /\bsoftware\s+companies\b|\bsaas\s+companies\b|\btechnology\s+companies\b|\bhigh[-\s]tech\b/i],
  ['media', /\bmedia\b|\bpublishing\b|\bentertainment\b/i],
  ['real estate', /\breal\s+estate\b|\bproperty\s+management\b/i],
  ['logistics', /\blogistics\b|\bsupply\s+chain\b|\btransportation\b/i],
  ['hospitality', /\bhospitality\b|\bhotels?\b|\brestaurants?\b|\btravel\b/i],
  ['nonprofit', /\bnon-?profits?\b|\bcharit(?:y|ies)\b/i],
  ['energy', /\benergy\b|\butilities\b|\boil\s+and\s+gas\b/i],
  ['telecommunications', /\btelecom\w*/i],
  ['professional services', /\bprofessional\s+services\b|\bconsult(?:ing|ancies)\b|\bagencies\b|\blaw\s+firms\b/i],
];

export const SIZE_BANDS = ['1-10', '11-50', '51-200', '201-1000', '1001-5000', '5001+'] as const;
export type SizeBand = (typeof SIZE_BANDS)[number];

const SEGMENTS: ReadonlyArray<readonly [RegExp, readonly SizeBand[]]> = [
  [/\bstart-?ups?\b|\bsmall\s+(?:businesses|business|teams)\b|\bsmbs?\b|\bfreelancers?\b/i, ['1-10', '11-50']],
  [/\bmid-?market\b|\bgrowing\s+(?:companies|businesses|teams)\b|\bscale-?ups?\b/i, ['51-200', '201-1000']],
  [/\benterprises?\b|\bfortune\s+\d{3}\b|\blarge\s+(?:companies|organi[sz]ations)\b|\bglobal\s+brands\b/i, ['1001-5000', '5001+']],
];

const REGIONS: ReadonlyArray<readonly [string, RegExp]> = [
  ['North America', /\bnorth\s+america\b|\bunited\s+states\b|\bu\.s\.\b|\bus-based\b|\bcanada\b/i],
  ['Europe', /\beurope\b|\bemea\b|\bunited\s+kingdom\b|\bu\.k\.\b|\bgermany\b|\bfrance\b|\bgdpr\b/i],
  ['APAC', /\bapac\b|\basia[-\s]pacific\b|\baustralia\b|\bindia\b|\bjapan\b|\bsingapore\b/i],
  ['Latin America', /\blatin\s+america\b|\blatam\b|\bbrazil\b|\bmexico\b/i],
];

export interface Positioning {
  readonly audiences: readonly { readonly department: Department; readonly phrase: string; readonly source_url: string }[];
  readonly industries: readonly { readonly industry: string; readonly source_url: string }[];
  readonly size_bands: readonly SizeBand[];
  readonly regions: readonly string[];
}

const AUDIENCE = /\b(?:for|built\s+for|made\s+for|designed\s+for|helps?|empowers?)\s+(?:(?:modern|growing|high-growth|busy|small|global|enterprise|busy|fast-moving|b2b|every|your|the)\s+){0,2}(?<who>[\w\s-]{2,40}?)\s+(?:teams?|leaders?|professionals?|organi[sz]ations?|departments?|reps?|managers?)\b/gi;
const INDUSTRY_PATH = /^\/(?:industr(?:y|ies)|solutions|verticals?|sectors?)\/(?<slug>[a-z0-9-]{2,60})\/?$/i;

function audiencesOf(page: ParsedPage): Positioning['audiences'] {
  const out: { department: Department; phrase: string; source_url: string }[] = [];
  for (const match of page.text.matchAll(AUDIENCE)) {
    const department = departmentOf(match.groups?.who ?? '') ?? departmentOf(match[0]);
    if (department) out.push({ department, phrase: match[0].trim(), source_url: page.url });
  }
  return out;
}

function industriesOf(page: ParsedPage): { industry: string; source_url: string; strong: boolean }[] {
  const out: { industry: string; source_url: string; strong: boolean }[] = [];
  for (const link of page.links) {
    const slug = INDUSTRY_PATH.exec(resolveUrl(link.href, page.url)?.pathname ?? '')?.groups?.slug;
    const said = slug ? `${slug.replace(/-/g, ' ')} ${link.text}` : '';
    for (const [industry, pattern] of INDUSTRIES) if (said && pattern.test(said)) out.push({ industry, source_url: page.url, strong: true });
  }
  for (const sentence of sentencesOf(page.text)) {
    for (const [industry, pattern] of INDUSTRIES) if (pattern.test(sentence)) out.push({ industry, source_url: page.url, strong: false });
  }
  return out;
}

/** An industry counts when the navigation names it, or the text does on two or more lines. */
export function extractPositioning(pages: readonly ParsedPage[]): Positioning {
  const audiences = new Map<Department, Positioning['audiences'][number]>();
  for (const page of pages) for (const a of audiencesOf(page)) if (!audiences.has(a.department)) audiences.set(a.department, a);
  const mentions = pages.flatMap(industriesOf);
  const industries = new Map<string, string>();
  for (const m of mentions) {
    const count = mentions.filter((o) => o.industry === m.industry).length;
    if ((m.strong || count >= 2) && !industries.has(m.industry)) industries.set(m.industry, m.source_url);
  }
  const text = pages.map((p) => p.text).join('\n');
  const sizeBands = [...new Set(SEGMENTS.filter(([pattern]) => pattern.test(text)).flatMap(([, bands]) => bands))];
  const regions = REGIONS.filter(([, pattern]) => pattern.test(text)).map(([region]) => region);
  return {
    audiences: [...audiences.values()],
    industries: [...industries.entries()].map(([industry, source_url]) => ({ industry, source_url })),
    size_bands: SIZE_BANDS.filter((band) => sizeBands.includes(band)),
    regions,
  };
}

export function sizeBandOf(employees: number | undefined): SizeBand | undefined {
  if (employees === undefined || !Number.isFinite(employees) || employees <= 0) return undefined;
  if (employees <= 10) return '1-10';
  if (employees <= 50) return '11-50';
  if (employees <= 200) return '51-200';
  if (employees <= 1000) return '201-1000';
  if (employees <= 5000) return '1001-5000';
  return '5001+';
}

const COUNTRY_REGIONS: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['North America', ['united states', 'usa', 'us', 'canada', 'mexico']],
  ['Europe', ['united kingdom', 'uk', 'germany', 'france', 'netherlands', 'spain', 'italy', 'sweden', 'ireland', 'switzerland', 'denmark', 'norway', 'finland', 'belgium', 'austria', 'poland', 'portugal']],
  ['APAC', ['india', 'japan', 'australia', 'singapore', 'china', 'south korea', 'new zealand', 'indonesia', 'hong kong']],
  ['Latin America', ['brazil', 'argentina', 'chile', 'colombia', 'peru']],
];

export const regionOfCountry = (country: string | undefined): string | undefined =>
  country ? COUNTRY_REGIONS.find(([, names]) => names.includes(country.toLowerCase()))?.[0] : undefined;
