import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { apiDocumentJson } from '../../../functions/http/openapi/api-document.ts';
import { DOCS_ASSETS, DOCS_HTML } from '../../../functions/http/openapi/docs-assets.ts';

/** Just enough of a DOM for the docs script: elements, text, attributes, ids and events. */
class FakeNode {
  readonly childNodes: FakeNode[] = [];
  readonly attributes: Record<string, string> = {};
  private text = '';
  readonly classList = { toggle: (name: string, on: boolean) => (this.attributes.class = on ? name : '') };
  constructor(readonly tagName: string, text = '') {
    this.text = text;
  }
  setAttribute(name: string, value: string) {
    this.attributes[name] = value;
  }
  getAttribute(name: string) {
    return this.attributes[name] ?? null;
  }
  appendChild(child: FakeNode) {
    this.childNodes.push(child);
    return child;
  }
  addEventListener() {}
  set textContent(value: string) {
    this.childNodes.length = 0;
    this.text = value;
  }
  get textContent(): string {
    return this.text + this.childNodes.map((c) => c.textContent).join('');
  }
  findAll(tag: string): FakeNode[] {
    return this.childNodes.flatMap((c) => [...(c.tagName === tag ? [c] : []), ...c.findAll(tag)]);
  }
}

async function renderDocsPage(document: unknown) {
  const byId: Record<string, FakeNode> = { main: new FakeNode('main'), nav: new FakeNode('nav'), filter: new FakeNode('input') };
  let ready: () => void = () => undefined;
  const fetched: string[] = [];
  const fakeDocument = {
    createElement: (tag: string) => new FakeNode(tag),
    createTextNode: (text: string) => new FakeNode('#text', text),
    getElementById: (id: string) => byId[id],
    querySelectorAll: () => [],
    addEventListener: (_event: string, listener: () => void) => (ready = listener),
  };
  const fetch = async (url: string) => {
    fetched.push(url);
    return { json: async () => document };
  };
  runInNewContext(DOCS_ASSETS['docs.js'].body, { document: fakeDocument, fetch });
  ready();
  await new Promise((resolve) => setTimeout(resolve, 10));
  return { ...byId, fetched } as { main: FakeNode; nav: FakeNode; fetched: string[] };
}

describe('docs page', () => {
  it('It should render every operation of the served document, from a relative URL', async () => {
    // Prepare
    const document = JSON.parse(apiDocumentJson()) as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(document.paths).flatMap((item) => Object.keys(item)).length;
    // Act
    const page = await renderDocsPage(document);
    // Assess
    expect(page.fetched).toEqual(['v1/openapi.json']);
    expect(page.main.findAll('section')).toHaveLength(operations);
    expect(page.nav.findAll('a')).toHaveLength(operations);
    expect(page.main.textContent).toContain('/v1/contacts/{uuid}');
    expect(page.main.textContent).toContain('if-match');
  });

  it('It should show the title apart from the version and render inline markdown, not its backticks', async () => {
    // Prepare
    const document = JSON.parse(apiDocumentJson()) as { info: { title: string; version: string } };
    // Act
    const page = await renderDocsPage(document);
    // Assess
    const heading = page.main.findAll('h2')[0]!;
    expect(heading.childNodes[0]!.textContent).toBe(document.info.title);
    expect(heading.textContent).toBe(`${document.info.title} version ${document.info.version}`);
    const codes = page.main.findAll('code').map((node) => node.textContent);
    expect(codes).toContain('where.keyword_match');
    const notes = page.main.findAll('p').map((node) => node.textContent);
    expect(notes.some((text) => text.includes('`'))).toBe(false);
  });

  it('It should load nothing from another origin', () => {
    expect(DOCS_HTML).not.toMatch(/(src|href)="(https?:)?\/\//);
    expect(DOCS_ASSETS['docs.js'].body).not.toMatch(/https?:\/\//);
    expect(DOCS_ASSETS['docs.css'].body).not.toMatch(/url\(|@import/);
  });
});
