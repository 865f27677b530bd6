/**
 * An 8-K's primary document → plain text → the text of one Item. Filers write these in every
 * HTML style there is (Word exports, tables for layout, inline XBRL with a hidden header), so the
 * text keeps only what a reader sees, and every kind of space (non-breaking, thin, zero-width)
 * reads as one ordinary space.
 */
import type { ChildNode } from 'domhandler';
import { isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/** Longest evidence kept on a signal: a paragraph or two, enough to judge it without the filing. */
export const EXCERPT_MAX_CHARS = 1_200;
/** Deepest nesting walked; deeper markup is a hostile or broken document, not an 8-K. */
const MAX_DEPTH = 200;

const BLOCK_TAGS = new Set(['p', 'div', 'br', 'tr', 'li', 'ul', 'ol', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'section', 'article', 'center', 'blockquote', 'pre', 'hr', 'title', 'dt', 'dd']);
const CELL_TAGS = new Set(['td', 'th']);
/** Never shown to a reader: scripts, styles, the inline-XBRL header. */
const HIDDEN_TAGS = new Set(['script', 'style', 'head', 'noscript', 'template', 'ix:header']);

/** Every space-like character (NBSP, en/em/thin/hair spaces, narrow NBSP, ideographic...) as a plain space; zero-width ones dropped. */
export function normaliseSpaces(text: string): string {
  return text
    .replace(/\u200b|\u200c|\u200d|\u2060|\ufeff|\u00ad/g, '')
    .replace(/[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g, ' ')
    .trim();
}

const isHiddenStyle = (style: string | undefined): boolean => style !== undefined && /display\s*:\s*none/i.test(style);

function walk(nodes: readonly ChildNode[], out: string[], depth: number): void {
  if (depth > MAX_DEPTH) return;
  for (const node of nodes) {
    if (isText(node)) out.push(node.data);
    else if (isTag(node)) {
      const name = node.name.toLowerCase();
      if (HIDDEN_TAGS.has(name) || isHiddenStyle(node.attribs.style)) continue;
      const block = BLOCK_TAGS.has(name);
      if (block) out.push('\n');
      walk(node.children, out, depth + 1);
      if (block) out.push('\n');
      else if (CELL_TAGS.has(name)) out.push(' ');
    }
  }
}

/** Visible text, one line per block, spaces normalised within each line, no blank lines. */
export function htmlToText(html: string): string {
  const out: string[] = [];
  walk(parseDocument(html, { decodeEntities: true }).children, out, 0);
  return out
    .join('')
    .split('\n')
    .map(normaliseSpaces)
    .filter((line) => line !== '')
    .join('\n');
}

/** `Item 5.02`, `ITEM 5.02.`, `Item No. 5.02`, `Items 5.02` at the start of a line. */
const HEADING = /^\s*items?\s*(?:no\.?\s*)?(\d{1,2}\.\d{2})\b/i;
/** Where an 8-K's items end. */
const END_OF_ITEMS = /^\s*(signatures?|exhibit index)\b/i;

function cut(text: string): string {
  const flat = normaliseSpaces(text);
  if (flat.length <= EXCERPT_MAX_CHARS) return flat;
  const slice = flat.slice(0, EXCERPT_MAX_CHARS);
  const space = slice.lastIndexOf(' ');
  return `${(space > EXCERPT_MAX_CHARS / 2 ? slice.slice(0, space) : slice).trimEnd()}…`;
}

/**
 * The text of `item` (`'5.02'`): from its heading to the next item's heading (or the signature
 * block), heading included, flattened to one paragraph and capped. Undefined when the document
 * has no heading for it.
 */
export function excerptItem(text: string, item: string): string | undefined {
  const lines = text.split('\n');
  const start = lines.findIndex((line) => HEADING.exec(line)?.[1] === item);
  if (start < 0) return undefined;
  const body: string[] = [lines[start] ?? ''];
  for (const line of lines.slice(start + 1)) {
    const heading = HEADING.exec(line)?.[1];
    if ((heading !== undefined && heading !== item) || END_OF_ITEMS.test(line)) break;
    body.push(line);
  }
  return cut(body.join(' '));
}
