import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumBrowser, MAX_MAIN_FRAME_NAVIGATIONS } from '../../../functions/adapters/chromium/browser.chromium.ts';
import { BrowserError } from '../../../functions/ports/browser.port.ts';
import { closeServer, listen } from '../../../lib/local/net.ts';

/** A site whose contacts exist only after its script fetched and rendered them. */
const JS_ONLY_PAGE = `<!doctype html><html><head><title>Acme</title></head><body>
<img src="/logo.png" alt="logo"><div id="contacts"></div>
<script>
fetch('/api/contacts').then((r) => r.json()).then((people) => {
  document.getElementById('contacts').innerHTML = people.map((p) => '<a href="mailto:' + p.email + '">' + p.name + '</a>').join('');
});
</script></body></html>`;

const PEEKING_PAGE = `<!doctype html><html><body><p id="state">waiting</p>
<script>
fetch('/secret').then(() => { document.getElementById('state').textContent = 'leaked'; }, () => { document.getElementById('state').textContent = 'blocked'; });
</script></body></html>`;

const CONTACTS = [
  { name: 'Ada Lovelace', email: 'ada@acme.test' },
  { name: 'Grace Hopper', email: 'grace@acme.test' },
];

const hits: string[] = [];
const guarded: string[] = [];

const route = (request: IncomingMessage, response: ServerResponse): void => {
  const path = request.url ?? '/';
  hits.push(path);
  if (path === '/hang') return; // never answers
  if (path.startsWith('/loop/')) {
    response.writeHead(302, { location: `/loop/${Number(path.slice(6)) + 1}` }).end();
    return;
  }
  const pages: Record<string, [string, string]> = {
    '/contacts': ['text/html', JS_ONLY_PAGE],
    '/api/contacts': ['application/json', JSON.stringify(CONTACTS)],
    '/peek': ['text/html', PEEKING_PAGE],
    '/secret': ['text/plain', 'metadata credentials'],
    '/logo.png': ['image/png', 'not really a png'],
  };
  const page = pages[path];
  if (page === undefined) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': page[0] }).end(page[1]);
};

const server = createServer(route);
let browser: ChromiumBrowser;

beforeAll(async () => {
  const port = await listen(server, 0);
  browser = new ChromiumBrowser({
    // Every *.test host reaches the test server, as the local cloud maps its fake web.
    connectTo: [{ pattern: '*.test', host: '127.0.0.1', port }],
    guardUrl: async (url) => {
      guarded.push(url);
      if (new URL(url).pathname === '/secret') throw new Error('refused by the test guard');
    },
    pageTimeoutMs: 10_000,
  });
});

afterAll(async () => {
  await browser?.close();
  await closeServer(server);
});

// One real Chromium (from the npm package, inflated under TMPDIR) serves every test, one page at a time.
describe('ChromiumBrowser on headless Chromium', () => {
  it('It should read back a JavaScript-only page rendered, with the JSON it fetched, and skip its image', async () => {
    const page = await browser.render('http://acme.test/contacts');

    expect(page.status).toBe(200);
    expect(page.finalUrl).toBe('http://acme.test/contacts');
    expect(page.html).toContain('<a href="mailto:ada@acme.test">Ada Lovelace</a>');
    expect(page.html).toContain('mailto:grace@acme.test');
    expect(page.jsonResponses).toEqual([{ url: 'http://acme.test/api/contacts', status: 200, body: CONTACTS }]);
    expect(page.blockedRequests).toBe(1);
    expect(hits).not.toContain('/logo.png');
    expect(guarded).toEqual(expect.arrayContaining(['http://acme.test/contacts', 'http://acme.test/api/contacts']));
  });

  it('It should abort a request the URL guard refuses before it leaves the browser', async () => {
    const page = await browser.render('http://acme.test/peek');

    expect(page.refusedUrls).toEqual(['http://acme.test/secret']);
    expect(page.html).toContain('<p id="state">blocked</p>');
    expect(hits).not.toContain('/secret');
  });

  it('It should refuse the page itself when the guard refuses its URL', async () => {
    const error = await browser.render('http://acme.test/secret').catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BrowserError);
    expect((error as BrowserError).code).toBe('BROWSER_URL_REFUSED');
    expect(hits).not.toContain('/secret');
  });

  it('It should fail a page over its hard timeout with a typed error', async () => {
    const error = await browser.render('http://acme.test/hang', { timeoutMs: 1_000 }).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(BrowserError);
    expect((error as BrowserError).code).toBe('BROWSER_TIMEOUT');
  });

  it('It should stop a page that redirects more often than allowed', async () => {
    const error = await browser.render('http://acme.test/loop/0').catch((caught: unknown) => caught);

    expect((error as BrowserError).code).toBe('BROWSER_TOO_MANY_NAVIGATIONS');
    expect(hits).toContain(`/loop/${MAX_MAIN_FRAME_NAVIGATIONS - 1}`);
    expect(hits).not.toContain(`/loop/${MAX_MAIN_FRAME_NAVIGATIONS}`);
  });

  it('It should leave no page open after successes, refusals and timeouts', async () => {
    expect(await browser.openPageCount()).toBe(0);
  });
});
