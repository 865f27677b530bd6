/**
 * Small readers over a parsed page's tree (htmlparser2's domhandler nodes), shared by the
 * onboarding extractors: every element in document order, the nearest ancestors, and bounded text.
 */
import type { ChildNode, Document, Element } from 'domhandler';
import { isTag } from 'domhandler';
import { attr, textOf } from '../enrichment/parsed-page.ts';
import { MAX_DOM_DEPTH } from '../enrichment/limits.ts';

export { attr, textOf };

/** Every element under the root, in document order; iterative so a deep page cannot exhaust the stack. */
export function elementsOf(root: Document | Element): Element[] {
  const out: Element[] = [];
  const stack: ChildNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop() as ChildNode;
    if (!isTag(node)) continue;
    out.push(node);
    for (let i = node.children.length - 1; i >= 0; i -= 1) stack.push(node.children[i] as ChildNode);
  }
  return out;
}

/** The element's ancestors, nearest first, at most `limit` of them. */
export function ancestorsOf(element: Element, limit = MAX_DOM_DEPTH): Element[] {
  const out: Element[] = [];
  let node = element.parent;
  while (node && isTag(node as ChildNode) && out.length < limit) {
    out.push(node as Element);
    node = node.parent;
  }
  return out;
}

/** `class` and `id` together, lowercased: where templates name what a block is. */
export const labelOf = (element: Element): string => `${attr(element, 'class') ?? ''} ${attr(element, 'id') ?? ''}`.toLowerCase();

export const HEADING_TAGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

/** Whitespace collapsed, trimmed. */
export const clean = (text: string): string => text.replace(/[\s\u00a0\u2009\u202f]+/g, ' ').trim();

/** Sentences of a page's visible text (lines first, then sentence ends). */
export function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.split(/(?<=[.!?])\s+(?=[A-Z])/))
    .map(clean)
    .filter((s) => s.length > 0);
}
