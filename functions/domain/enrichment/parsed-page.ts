/**
 * One parse and one walk per page: every extractor reads the collected pieces instead of
 * re-walking the tree.
 *
 * Parser choice: htmlparser2 + domhandler (walked directly; no selector engine needed). It is
 * maintained, tolerant of broken markup, decodes entities (`&#64;` → `@`) and is several times
 * faster than a spec-complete parser (parse5) or a DOM emulation (jsdom) — extraction never
 * needs layout or scripts, only tags, attributes and text.
 */
import type { ChildNode, Document, Element } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { MAX_ATTRIBUTE_CHARS, MAX_DOM_DEPTH, MAX_TEXT_CHARS } from './limits.ts';
import type { FetchedPage } from './site-extraction.ts';

export interface PageLink {
  href: string;
  /** The link's visible text; read only by page planning, so computed on first read. */
  readonly text: string;
  rel?: string;
}

/** A link whose text is walked out of its element only when asked for: most extractors read the href alone. */
class ElementLink implements PageLink {
  private cachedText: string | undefined;
  constructor(readonly href: string, private readonly element: Element | undefined, readonly rel: string | undefined) {}

  get text(): string {
    this.cachedText ??= this.element ? textOf(this.element) : '';
    return this.cachedText;
  }
}

export interface ParsedPage {
  url: string;
  document: Document;
  html: string;
  links: PageLink[];
  scriptSrcs: string[];
  inlineScripts: string[];
  jsonLd: string[];
  /** Lowercased meta `name`/`property`/`http-equiv` → content values. */
  meta: Map<string, string[]>;
  /** Visible text; block elements end in a newline so lines stay apart. */
  text: string;
  title: string;
  headers: Map<string, string[]>;
  cookies: Map<string, string>;
}

const HIDDEN_TAGS = new Set(['script', 'style', 'noscript', 'template', 'svg']);
const BLOCK_TAGS = new Set(['p', 'div', 'br', 'li', 'tr', 'td', 'th', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'footer', 'header', 'address', 'dd', 'dt', 'ul', 'ol', 'table', 'nav', 'aside', 'main', 'figure', 'figcaption', 'blockquote']);
/** Inline tags that still separate words: `<a>x@y.com</a><a>Call</a>` must not fuse. */
const INLINE_BREAK_TAGS = new Set(['a', 'span', 'button', 'label', 'img', 'strong', 'b', 'em', 'small']);

export function attr(el: Element, name: string): string | undefined {
  const value = el.attribs[name];
  if (value === undefined) return undefined;
  return value.length > MAX_ATTRIBUTE_CHARS ? value.slice(0, MAX_ATTRIBUTE_CHARS) : value;
}

export function textOf(node: ChildNode | Document): string {
  const parts: string[] = [];
  const visit = (n: ChildNode, depth: number): void => {
    if (isText(n)) parts.push(n.data);
    else if (isTag(n) && !HIDDEN_TAGS.has(n.name) && depth < MAX_DOM_DEPTH) {
      for (const child of n.children) visit(child, depth + 1);
      if (BLOCK_TAGS.has(n.name) || INLINE_BREAK_TAGS.has(n.name)) parts.push(' ');
    }
  };
  for (const child of (node as Document).children ?? []) visit(child, 0);
  return parts.join('').replace(/\s+/g, ' ').trim();
}

function headerMap(page: FetchedPage): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [name, value] of Object.entries(page.headers)) {
    if (value === undefined) continue;
    map.set(name.toLowerCase(), typeof value === 'string' ? [value] : [...value]);
  }
  return map;
}

interface WalkState {
  page: ParsedPage;
  text: string[];
  textChars: number;
}

function visitElement(el: Element, state: WalkState): boolean {
  const { page } = state;
  switch (el.name) {
    case 'a': {
      const href = attr(el, 'href');
      if (href) page.links.push(new ElementLink(href.trim(), el, attr(el, 'rel')));
      return true;
    }
    case 'script': {
      const src = attr(el, 'src');
      const body = el.children.map((c) => (isText(c) ? c.data : '')).join('');
      if (src) page.scriptSrcs.push(src);
      else if ((attr(el, 'type') ?? '').toLowerCase().includes('ld+json')) page.jsonLd.push(body);
      else if (body.trim()) page.inlineScripts.push(body);
      return false;
    }
    case 'meta': {
      const key = attr(el, 'name') ?? attr(el, 'property') ?? attr(el, 'http-equiv') ?? attr(el, 'itemprop');
      const content = attr(el, 'content');
      if (key && content !== undefined) {
        const k = key.toLowerCase();
        page.meta.set(k, [...(page.meta.get(k) ?? []), content]);
      }
      return false;
    }
    case 'title':
      page.title = textOf(el);
      return false;
    case 'link': {
      const href = attr(el, 'href');
      if (href && /\bme\b|\bpublisher\b/i.test(attr(el, 'rel') ?? '')) page.links.push(new ElementLink(href.trim(), undefined, attr(el, 'rel')));
      return false;
    }
    default:
      return !HIDDEN_TAGS.has(el.name);
  }
}

/** Iterative, so a page nested thousands deep cannot exhaust the stack. */
function walk(roots: readonly ChildNode[], state: WalkState): void {
  const stack: Array<ChildNode | { closes: Element }> = [...roots].reverse();
  while (stack.length > 0) {
    const item = stack.pop() as ChildNode | { closes: Element };
    if ('closes' in item) {
      if (BLOCK_TAGS.has(item.closes.name)) state.text.push('\n');
      else if (INLINE_BREAK_TAGS.has(item.closes.name)) state.text.push(' ');
    } else if (isText(item)) {
      if (state.textChars < MAX_TEXT_CHARS) {
        state.text.push(item.data);
        state.textChars += item.data.length;
      }
    } else if (isTag(item)) {
      const descend = visitElement(item, state);
      stack.push({ closes: item });
      if (descend) for (let i = item.children.length - 1; i >= 0; i -= 1) stack.push(item.children[i] as ChildNode);
    }
  }
}

export function parsePage(page: FetchedPage): ParsedPage {
  const document = parseDocument(page.html, { decodeEntities: true, lowerCaseAttributeNames: true });
  const parsed: ParsedPage = {
    url: page.url,
    document,
    html: page.html,
    links: [],
    scriptSrcs: [],
    inlineScripts: [],
    jsonLd: [],
    meta: new Map(),
    text: '',
    title: '',
    headers: headerMap(page),
    cookies: new Map(Object.entries(page.cookies ?? {}).map(([k, v]) => [k.toLowerCase(), v])),
  };
  const state: WalkState = { page: parsed, text: [], textChars: 0 };
  walk(document.children, state);
  parsed.text = state.text
    .join('')
    .replace(/[ \t\f\r\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .slice(0, MAX_TEXT_CHARS);
  return parsed;
}

/** An absolute URL from an href on this page, or undefined for junk and non-web schemes. */
export function resolveUrl(href: string, base: string): URL | undefined {
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : undefined;
  } catch {
    return undefined;
  }
}
