/**
 * Customer companies a SaaS site names: logo walls (each logo's alt text, else its link target,
 * else its file name), customer-story links (`/customers/<slug>`, `/case-studies/<slug>`), and
 * "trusted by Acme, Globex and Initech" sentences. The site's own logo and partner or
 * integration walls are not customers.
 */
import type { Element } from 'domhandler';
import { resolveUrl, type ParsedPage } from '../enrichment/parsed-page.ts';
import { MAX_CUSTOMERS } from './research-limits.ts';
import { HEADING_TAGS, ancestorsOf, attr, clean, elementsOf, labelOf, sentencesOf, textOf } from './research-dom.ts';
import { normaliseCompanyName } from './company-name.ts';

export type CustomerEvidenceKind = 'logo_alt' | 'logo_link' | 'logo_file' | 'case_study' | 'trusted_by_text';

export interface CustomerMention {
  readonly name: string;
  /** The customer's own site, when a logo links to it. */
  readonly domain?: string;
  readonly evidence: readonly { readonly kind: CustomerEvidenceKind; readonly url: string }[];
}

/** Words that introduce a customer list on a page, in headings or sentences. */
const TRUST_CUE = /\b(?:trusted\s+by|our\s+(?:customers|clients)|used\s+by|loved\s+by|customers?\s+(?:include|like)|chosen\s+by|relied\s+(?:on|upon)\s+by|powering|companies\s+(?:that|who)\s+(?:use|trust|love)|join(?:ing)?\s+(?:\d[\d,.+k]*|thousands|hundreds|millions)\s+of|(?:leading|innovative|the\s+world['’]s\s+best)\s+(?:companies|teams|brands|organi[sz]ations)\s+(?:use|trust|rely|choose))\b/i;
const CUSTOMER_LABEL = /(?:^|[\s_-])(?:logos?|customers?|clients?|trusted|brands|social-proof|used-by|logo-wall|logowall|marquee)(?:$|[\s_-])/;
const NOT_CUSTOMER_LABEL = /(?:^|[\s_-])(?:partners?|integrations?|investors?|press|awards?|badges?|certifications?|payment|app-store|store-badges?)(?:$|[\s_-])/;
const NOT_CUSTOMER_HEADING = /\b(?:partners?|integrat\w*|investors?|backed\s+by|as\s+seen|featured\s+in|press|awards?|certif\w*|works?\s+with\s+your)\b/i;
const STORY_PATH = /^\/(?:customers?|case-stud(?:y|ies)|success-stor(?:y|ies)|customer-stories|stories|clients?)\/(?<slug>[a-z0-9][a-z0-9-]{1,80})\/?$/i;
const STORY_SUFFIX = /-(?:case-study|customer-story|success-story|story|case)$/i;
const GENERIC = /^(?:logo|image|img|icon|picture|photo|customer|client|company|brand|partner|placeholder|banner|hero|avatar|background|arrow|check|quote|star|spacer|\d+)$/i;
// "Logo of Acme", "Icon for Acme": the preposition goes with the logo word, never into the name.
const LOGO_WORDS = /\b(?:company\s+logo|customer\s+logo|client\s+logo|logo|logotype|wordmark|brand\s*mark|icon|image|img)\b(?:\s+(?:of|for)\b)?/gi;
const FILE_NOISE = /(?:@\dx|[-_](?:logo|logotype|wordmark|color|colour|white|black|dark|light|mono|grey|gray|full|small|large|horizontal|vertical|rgb|cmyk|svg|png|\d+x\d*|v\d+|[a-f0-9]{6,}))+$/i;
const MAX_NAME_CHARS = 60;
/** A wall is a group: one stray picture near a "customers" heading is not a list of them. */
const MIN_LOGOS_PER_WALL = 2;
const LABEL_DEPTH = 6;

const titleCase = (words: string): string => words.replace(/\b([a-z])/g, (c) => c.toUpperCase());

export function nameFromAlt(alt: string): string | undefined {
  const name = clean(alt.replace(LOGO_WORDS, ' ').replace(/\b(?:customer|client)\b\s*[:-]?/gi, ' ').replace(/^[\s:|–—-]+|[\s:|–—-]+$/g, ''));
  return usable(name) ? name : undefined;
}

export function nameFromFile(src: string): string | undefined {
  const file = decodeURIComponent(src.split(/[?#]/)[0]?.split('/').pop() ?? '').replace(/\.[a-z0-9]{2,5}$/i, '');
  const base = file.replace(/^(?:logo|customer|client)[-_]+/i, '').replace(FILE_NOISE, '');
  const name = titleCase(base.replace(/[-_]+/g, ' ').trim());
  return usable(name) && !/^[a-f0-9-]{16,}$/i.test(base) ? name : undefined;
}

function nameFromDomain(host: string): string | undefined {
  const label = host.replace(/^www\./, '').split('.')[0] ?? '';
  const name = titleCase(label.replace(/-/g, ' '));
  return usable(name) ? name : undefined;
}

function usable(name: string): boolean {
  return name.length >= 2 && name.length <= MAX_NAME_CHARS && /\p{L}/u.test(name) && !GENERIC.test(name) && name.split(' ').length <= 6;
}

/** The heading nearest before an element inside its section, for "Trusted by" above a grid. */
function headingOf(container: Element): string {
  const own = elementsOf(container).find((el) => HEADING_TAGS.has(el.name));
  if (own) return textOf(own);
  let node = container.prev;
  for (let hops = 0; node && hops < 4; hops += 1, node = node.prev) {
    if ('name' in node) {
      const text = textOf(node as Element);
      if (text) return text;
    }
  }
  return '';
}

/** Whether an image sits in a customer-logo context, judged on its nearest ancestors. */
function inCustomerContext(img: Element): boolean {
  for (const ancestor of ancestorsOf(img, LABEL_DEPTH)) {
    const label = labelOf(ancestor);
    if (NOT_CUSTOMER_LABEL.test(label) || ancestor.name === 'nav') return false;
    if (CUSTOMER_LABEL.test(label)) return true;
    const heading = headingOf(ancestor);
    if (heading && NOT_CUSTOMER_HEADING.test(heading)) return false;
    if (heading && TRUST_CUE.test(heading)) return true;
  }
  return false;
}

function logoMention(img: Element, page: ParsedPage, siteHost: string): CustomerMention | undefined {
  const link = ancestorsOf(img, 3).find((a) => a.name === 'a');
  const target = link ? resolveUrl(attr(link, 'href') ?? '', page.url) : undefined;
  const external = target && target.hostname.replace(/^www\./, '') !== siteHost ? target.hostname.replace(/^www\./, '') : undefined;
  const alt = nameFromAlt(attr(img, 'alt') ?? attr(img, 'title') ?? attr(img, 'aria-label') ?? '');
  const src = attr(img, 'src') ?? attr(img, 'data-src') ?? '';
  const name = alt ?? (external ? nameFromDomain(external) : undefined) ?? nameFromFile(src);
  if (!name) return undefined;
  const kind: CustomerEvidenceKind = alt ? 'logo_alt' : external ? 'logo_link' : 'logo_file';
  return { name, ...(external ? { domain: external } : {}), evidence: [{ kind, url: page.url }] };
}

function fromLogoWalls(page: ParsedPage, siteHost: string): CustomerMention[] {
  const walls = new Map<Element | undefined, CustomerMention[]>();
  for (const img of elementsOf(page.document).filter((el) => el.name === 'img')) {
    if (ancestorsOf(img).some((a) => a.name === 'header' || a.name === 'footer') && !ancestorsOf(img, LABEL_DEPTH).some((a) => CUSTOMER_LABEL.test(labelOf(a)))) continue;
    if (!inCustomerContext(img)) continue;
    const mention = logoMention(img, page, siteHost);
    if (!mention) continue;
    const wall = ancestorsOf(img, LABEL_DEPTH).find((a) => CUSTOMER_LABEL.test(labelOf(a)) || TRUST_CUE.test(headingOf(a)));
    walls.set(wall, [...(walls.get(wall) ?? []), mention]);
  }
  return [...walls.values()].filter((mentions) => mentions.length >= MIN_LOGOS_PER_WALL).flat();
}

function fromStoryLinks(page: ParsedPage, siteHost: string): CustomerMention[] {
  const out: CustomerMention[] = [];
  for (const link of page.links) {
    const url = resolveUrl(link.href, page.url);
    const slug = url && url.hostname.replace(/^www\./, '') === siteHost ? STORY_PATH.exec(url.pathname)?.groups?.slug : undefined;
    if (!slug) continue;
    const name = titleCase(slug.replace(STORY_SUFFIX, '').replace(/-/g, ' '));
    if (usable(name)) out.push({ name, evidence: [{ kind: 'case_study', url: `${url!.origin}${url!.pathname}` }] });
  }
  return out;
}

const LIST_AFTER_CUE = /(?:\b(?:at|like|including|include|such\s+as|by|from)\s+)(?<list>(?:[A-Z0-9][\w&'’.-]*(?:\s+[A-Z0-9&][\w&'’.-]*){0,3})(?:\s*,\s*(?:and\s+)?[A-Z0-9][\w&'’.-]*(?:\s+[A-Z0-9&][\w&'’.-]*){0,3}|\s+and\s+[A-Z0-9][\w&'’.-]*(?:\s+[A-Z0-9&][\w&'’.-]*){0,3})*)/gu;
/** What may follow a single name for it to end the sentence: closing punctuation only. */
const SENTENCE_END = /^[\s.!?)\]"'’”]*$/u;

/**
 * The first list of names after a cue word. One name alone counts only when it ends the sentence
 * ("trusted by teams at Acme Robotics."): "trusted by Fortune 500 companies like Acme and Globex"
 * names Acme and Globex, never "Fortune 500".
 */
function customerList(sentence: string): string | undefined {
  for (const found of sentence.matchAll(LIST_AFTER_CUE)) {
    const list = found.groups?.list;
    if (!list) continue;
    if (/,|\s+and\s+/.test(list) || SENTENCE_END.test(sentence.slice(found.index + found[0].length))) return list;
  }
  return undefined;
}

function fromTrustedByText(page: ParsedPage): CustomerMention[] {
  const out: CustomerMention[] = [];
  for (const sentence of sentencesOf(page.text)) {
    if (!TRUST_CUE.test(sentence)) continue;
    const list = customerList(sentence);
    if (!list) continue;
    for (const part of list.split(/\s*,\s*(?:and\s+)?|\s+and\s+/)) {
      const name = clean(part.replace(/[.]+$/, ''));
      if (usable(name)) out.push({ name, evidence: [{ kind: 'trusted_by_text', url: page.url }] });
    }
  }
  return out;
}

/**
 * Every customer the pages name, once each (names compared normalised: "Acme, Inc." is "Acme");
 * a mention found several ways keeps all its evidence and the best-written name (a logo's alt
 * text over a title-cased slug).
 */
export function extractCustomers(pages: readonly ParsedPage[], site: { readonly host: string; readonly companyName: string }): CustomerMention[] {
  const host = site.host.replace(/^www\./, '');
  const own = new Set([normaliseCompanyName(site.companyName), normaliseCompanyName(nameFromDomain(host) ?? '')]);
  const byKey = new Map<string, CustomerMention>();
  const mentions = pages.flatMap((page) => [...fromLogoWalls(page, host), ...fromStoryLinks(page, host), ...fromTrustedByText(page)]);
  for (const mention of mentions) {
    const key = normaliseCompanyName(mention.name);
    if (!key || own.has(key) || (mention.domain && mention.domain === host)) continue;
    const known = byKey.get(key);
    if (!known) {
      if (byKey.size < MAX_CUSTOMERS) byKey.set(key, mention);
      continue;
    }
    const better = known.evidence.every((e) => e.kind === 'case_study' || e.kind === 'logo_file') && mention.evidence.some((e) => e.kind === 'logo_alt' || e.kind === 'trusted_by_text');
    const evidence = [...known.evidence, ...mention.evidence.filter((e) => !known.evidence.some((k) => k.kind === e.kind && k.url === e.url))];
    const domain = known.domain ?? mention.domain;
    byKey.set(key, { name: better ? mention.name : known.name, ...(domain ? { domain } : {}), evidence });
  }
  return [...byKey.values()];
}
