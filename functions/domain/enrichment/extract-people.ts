/**
 * People on team and about pages: JSON-LD `Person` nodes, and cards (the innermost elements
 * holding a name-shaped line beside a job title or an email). A name alone is not a contact.
 */
import type { ChildNode, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { emailKind, isPlausibleEmail } from './extract-emails.ts';
import type { JsonObject } from './json-ld.ts';
import { allStrings, firstString, jsonLdNodes, typesOf } from './json-ld.ts';
import type { ParsedPage } from './parsed-page.ts';
import { attr } from './parsed-page.ts';
import { classifySocialUrl } from './social-profiles.ts';
import type { ExtractedPerson } from './site-extraction.ts';
import { MAX_DOM_DEPTH } from './limits.ts';

const MAX_CARD_LINES = 8;
const MAX_CARD_ELEMENTS = 40;
const MAX_ELEMENTS_VISITED = 20_000;
const MAX_TITLE_CHARS = 90;

const TITLE_WORDS = /\b(?:ceo|cto|cfo|coo|cmo|cro|cpo|ciso|vp|svp|evp|founder|co-founder|cofounder|chief|president|director|head|manager|lead|officer|partner|principal|engineer|developer|designer|architect|consultant|analyst|specialist|executive|chair(?:man|woman|person)?|owner|associate|counsel|advisor|adviser|recruiter|scientist|editor|coordinator|administrator|accountant|representative|strategist|geschäftsführer(?:in)?|gründer(?:in)?|leiter(?:in)?|vorstand|directeur|directrice|fondateur|fondatrice|responsable|gérant|director[a]?|fundador[a]?|gerente|jefe|amministratore|socio)\b/iu;
/** Quotes, exclamations and addresses are testimonials or contact lines, never job titles. */
const QUOTE_LIKE = /["“”«»!?@]/;
const NAME_LINE = /^\p{Lu}[\p{L}'’-]{0,24}\.?(?: \p{Lu}[\p{L}'’-]{0,24}\.?){1,3}$/u;
const NOT_NAME_WORDS = /\b(?:our|the|team|about|meet|contact|us|leadership|management|board|people|company|careers|jobs|read|more|view|profile|learn|join|get|in|touch|with|and|for|of|news|blog|home|services|products|solutions|privacy|policy|terms|cookie|cookies|all|rights|reserved|linkedin|twitter|email|phone|call|follow|see|ltd|inc|gmbh|llc|ag|sa|sas|sarl|bv|nv|corp|plc|pty|ug|kg|limited|corporation|srl|spa)\b/iu;

export function isNameLike(line: string): boolean {
  return NAME_LINE.test(line) && !NOT_NAME_WORDS.test(line) && !TITLE_WORDS.test(line);
}

function splitName(full: string): { first_name: string; last_name: string } | undefined {
  const words = full.trim().split(/\s+/);
  if (words.length < 2) return undefined;
  return { first_name: words[0] as string, last_name: words.slice(1).join(' ') };
}

const HIDDEN_TAGS = ['script', 'style', 'noscript', 'template', 'svg'];

/**
 * True when some line a card could show is name-shaped. Lines are cut where linesOf cuts them
 * (at tags; text split by comments stays one line), so with no such line no element can be a
 * card and the costly card walk is skipped. Reads twice the card depth, as deep as linesOf can.
 */
function hasNameLikeLine(nodes: readonly ChildNode[], depth: number): boolean {
  let run = '';
  const flush = (): boolean => {
    const found = run.length > 0 && run.split('\n').some((l) => isNameLike(l.replace(/\s+/g, ' ').trim()));
    run = '';
    return found;
  };
  for (const node of nodes) {
    if (isText(node)) run += node.data;
    else if (isTag(node)) {
      if (flush()) return true;
      if (depth < 2 * MAX_DOM_DEPTH && !HIDDEN_TAGS.includes(node.name) && hasNameLikeLine(node.children, depth + 1)) return true;
    }
  }
  return flush();
}

function linesOf(el: Element): string[] {
  const parts: string[] = [];
  const visit = (nodes: readonly ChildNode[], depth: number): void => {
    for (const node of nodes) {
      if (isText(node)) parts.push(node.data);
      else if (isTag(node) && depth < MAX_DOM_DEPTH && !HIDDEN_TAGS.includes(node.name)) {
        parts.push('\n');
        visit(node.children, depth + 1);
        parts.push('\n');
      }
    }
  };
  visit(el.children, 0);
  return parts.join('').split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter((l) => l.length > 0);
}

function linksOf(el: Element): string[] {
  const out: string[] = [];
  const visit = (nodes: readonly ChildNode[], depth: number): void => {
    for (const node of nodes) {
      if (!isTag(node) || depth > MAX_DOM_DEPTH) continue;
      const href = node.name === 'a' ? attr(node, 'href') : undefined;
      if (href) out.push(href.trim());
      visit(node.children, depth + 1);
    }
  };
  visit(el.children, 0);
  return out;
}

/** How far (in lines) a title may sit from the name it belongs to: after it, or just before it. */
const TITLE_LINES_AFTER = 2;
const TITLE_LINES_BEFORE = 1;
/** `Jane Smith – CTO` splits into a name line and `– CTO`: the joining mark is not part of the title. */
const LEADING_SEPARATOR = /^[\s–—\-|,:·•/]+/u;

function titleNear(lines: readonly string[], nameIndex: number): string | undefined {
  const from = Math.max(0, nameIndex - TITLE_LINES_BEFORE);
  const to = Math.min(lines.length - 1, nameIndex + TITLE_LINES_AFTER);
  for (let i = from; i <= to; i += 1) {
    const line = lines[i] as string;
    if (i !== nameIndex && line.length <= MAX_TITLE_CHARS && TITLE_WORDS.test(line) && !QUOTE_LIKE.test(line)) return line.replace(LEADING_SEPARATOR, '') || undefined;
  }
  return undefined;
}

function personalEmail(links: readonly string[], lines: readonly string[], companyDomain: string | undefined): string | undefined {
  const candidates = [
    ...links.filter((h) => /^mailto:/i.test(h)).map((h) => h.slice(7).split('?')[0] ?? ''),
    ...lines.filter((l) => /^[^\s@]+@[^\s@]+\.[a-z]{2,}$/i.test(l)),
  ].map((e) => e.trim().toLowerCase());
  const unique = [...new Set(candidates)];
  // A role address (info@) is the company's, and two addresses mean the element is not one person.
  return unique.length === 1 && isPlausibleEmail(unique[0] as string, companyDomain) && emailKind(unique[0] as string) === 'personal' ? unique[0] : undefined;
}

function personFromCard(el: Element, sourceUrl: string, companyDomain: string | undefined): ExtractedPerson | undefined {
  const lines = linesOf(el);
  if (lines.length < 2 || lines.length > MAX_CARD_LINES) return undefined;
  const nameIndexes = lines.flatMap((l, i) => (isNameLike(l) ? [i] : []));
  // One name per card: an element holding several is a list of people, read through its children.
  if (nameIndexes.length !== 1) return undefined;
  const nameIndex = nameIndexes[0] as number;
  const name = splitName(lines[nameIndex] as string);
  if (!name) return undefined;
  const title = titleNear(lines, nameIndex);
  const links = linksOf(el);
  const email = personalEmail(links, lines, companyDomain);
  if (!title && !email) return undefined;
  const linkedin = links.map(classifySocialUrl).find((m) => m?.network === 'linkedin-person')?.url;
  return { ...name, title, email, linkedin_url: linkedin, source_url: sourceUrl };
}

/** Whether an element without child elements holds text on more than one line (comments join the text around them). */
function leafHasTwoLines(el: Element): boolean {
  let text = '';
  for (const child of el.children) if (isText(child)) text += child.data;
  return /\S\s*\n\s*\S/.test(text);
}

/** Innermost elements that read as a person card; a card's ancestors are not cards themselves. */
function cards(page: ParsedPage, companyDomain: string | undefined): ExtractedPerson[] {
  const people: ExtractedPerson[] = [];
  if (!hasNameLikeLine(page.document.children, 0)) return people;
  let visited = 0;
  /** Returns whether the subtree held a card, and its element count (large subtrees are containers, not cards). */
  const visit = (el: Element, depth: number): { card: boolean; size: number } => {
    if (visited++ > MAX_ELEMENTS_VISITED || depth > MAX_DOM_DEPTH) return { card: false, size: 1 };
    let childHadCard = false;
    let size = 1;
    for (const child of el.children) {
      if (!isTag(child)) continue;
      const inner = visit(child, depth + 1);
      childHadCard ||= inner.card;
      size += inner.size;
    }
    if (childHadCard || size > MAX_CARD_ELEMENTS) return { card: childHadCard, size };
    // Most elements are leaves holding one line of text, and a card needs two lines.
    if (size === 1 && !leafHasTwoLines(el)) return { card: false, size };
    const person = personFromCard(el, page.url, companyDomain);
    if (person) people.push(person);
    return { card: person !== undefined, size };
  };
  for (const node of page.document.children) if (isTag(node)) visit(node, 0);
  return people;
}

function fromJsonLd(node: JsonObject, sourceUrl: string, companyDomain: string | undefined): ExtractedPerson | undefined {
  const given = firstString(node['givenName']);
  const family = firstString(node['familyName']);
  const name = given && family ? { first_name: given, last_name: family } : splitName(firstString(node['name']) ?? '');
  if (!name) return undefined;
  const email = firstString(node['email'])?.replace(/^mailto:/i, '').toLowerCase();
  const linkedin = allStrings(node['sameAs']).map(classifySocialUrl).find((m) => m?.network === 'linkedin-person')?.url;
  return { ...name, title: firstString(node['jobTitle']), email: email && isPlausibleEmail(email, companyDomain) ? email : undefined, linkedin_url: linkedin, source_url: sourceUrl };
}

/** `companyDomain` is the company's own domain, for judging addresses (see isPlausibleEmail). */
export function extractPeople(page: ParsedPage, teamPage: boolean, companyDomain?: string): ExtractedPerson[] {
  const structured = jsonLdNodes(page.jsonLd)
    .filter((n) => typesOf(n).includes('Person'))
    .map((n) => fromJsonLd(n, page.url, companyDomain))
    .filter((p): p is ExtractedPerson => p !== undefined && (p.title !== undefined || p.email !== undefined));
  return teamPage ? [...structured, ...cards(page, companyDomain)] : structured;
}
