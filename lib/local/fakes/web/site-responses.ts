/**
 * What the fake web answers for one host and path: a page, robots.txt, a sitemap, a redirect,
 * an error, a binary, or a huge streamed page. Pure: the server only writes what this returns.
 */
import { renderJsContactBody, renderJsContactScript } from './js-contact-widget.ts';
import { createRng } from './prng.ts';
import type { SitePlan } from './site-plan.ts';
import { renderSitePage } from './site-pages.render.ts';

export type HeaderMap = Readonly<Record<string, string | string[]>>;

export type FakeResponse =
  | { readonly kind: 'body'; readonly status: number; readonly headers: HeaderMap; readonly body: Buffer; readonly slow?: boolean }
  /** A page too big to hold: the server streams `totalBytes` of HTML in chunks, never all at once. */
  | { readonly kind: 'huge'; readonly status: number; readonly headers: HeaderMap; readonly totalBytes: number };

const HTML = 'text/html; charset=utf-8';

const body = (status: number, contentType: string, text: string | Buffer, extra: Record<string, string | string[]> = {}): FakeResponse =>
  ({ kind: 'body', status, headers: { 'content-type': contentType, ...extra }, body: Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8') });

export const notFound = (): FakeResponse =>
  body(404, HTML, '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n');

const redirect = (status: number, location: string): FakeResponse =>
  body(status, HTML, `<!DOCTYPE html><html><body>Moved to <a href="${location}">${location}</a></body></html>\n`, { location });

function technologyHeaders(plan: SitePlan, withCookies: boolean): Record<string, string | string[]> {
  const headers: Record<string, string | string[]> = {};
  const cookies: string[] = [];
  for (const m of plan.technologyMarkers) {
    Object.assign(headers, m.headers ?? {});
    for (const c of m.cookies ?? []) cookies.push(`${c}; Path=/; Max-Age=31536000; SameSite=Lax`);
  }
  if (withCookies && cookies.length > 0) headers['set-cookie'] = cookies;
  return headers;
}

function robotsTxt(plan: SitePlan): string {
  const lines = ['User-agent: *', ...plan.truth.robotsDisallowed.map((p) => `Disallow: ${p}`)];
  if (plan.truth.hasSitemap) lines.push('', `Sitemap: http://${plan.truth.servedHost}/sitemap.xml`);
  return `${lines.join('\n')}\n`;
}

function sitemapXml(plan: SitePlan): string {
  const urls = plan.truth.pages.map((p) => `  <url><loc>http://${plan.truth.servedHost}${p}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls.join('\n')}\n</urlset>\n`;
}

/** A one-page PDF, small but well-formed, for the site that answers a page path with a brochure. */
function pdfBrochure(name: string): Buffer {
  const text = `(${name.replace(/[()\\]/g, '')} company brochure) Tj`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>',
    `<< /Length ${text.length + 23} >>\nstream\nBT /F1 12 Tf 72 720 Td ${text}\nendstream`,
  ];
  let pdf = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

function nonHtml(seed: number | string, plan: SitePlan, path: string): FakeResponse {
  if (path === '/' || path === '/index.html') return body(200, 'application/pdf', pdfBrochure(plan.truth.companyName));
  if (path === '/contact.html') {
    const rng = createRng(seed, `binary:${plan.truth.domain}`);
    return body(200, 'application/octet-stream', Buffer.from(Array.from({ length: 4096 }, () => rng.int(0, 255))));
  }
  return notFound();
}

function unreachableSite(plan: SitePlan, path: string, hugePageBytes: number): FakeResponse {
  switch (plan.truth.special) {
    case 'server-error':
      return body(500, HTML, '<!DOCTYPE html><html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>\n');
    case 'redirect-loop': {
      const next: Record<string, string> = { '/': '/home', '/home': '/index.html', '/index.html': '/' };
      return redirect(302, `http://${plan.truth.domain}${next[path] ?? '/'}`);
    }
    case 'redirect-internal':
      // Loopback goes through one same-site hop first: a guard must re-check every hop, not only the first.
      if (plan.truth.redirectTarget?.startsWith('http://127.') && path !== '/login') return redirect(302, `http://${plan.truth.domain}/login`);
      return redirect(301, plan.truth.redirectTarget as string);
    case 'huge-page':
      return { kind: 'huge', status: 200, headers: { 'content-type': HTML }, totalBytes: hugePageBytes };
    default:
      return notFound();
  }
}

export interface ResolveOptions {
  readonly hugePageBytes: number;
}

/** The answer of a site's served host for a path (query already stripped). */
export function resolveSiteResponse(seed: number | string, plan: SitePlan, path: string, options: ResolveOptions): FakeResponse {
  const { truth } = plan;
  if (truth.special === 'non-html') return nonHtml(seed, plan, path);
  if (plan.pages.length === 0) return unreachableSite(plan, path, options.hugePageBytes);
  const slow = truth.special === 'slow';
  const mark = (r: FakeResponse): FakeResponse => (slow && r.kind === 'body' ? { ...r, slow } : r);
  if (path === '/robots.txt') return mark(body(200, 'text/plain; charset=utf-8', robotsTxt(plan)));
  if (path === '/sitemap.xml' && truth.hasSitemap) return mark(body(200, 'application/xml; charset=utf-8', sitemapXml(plan)));
  if (plan.contactScriptPath && path === plan.contactScriptPath) {
    return mark(body(200, 'application/javascript; charset=utf-8', renderJsContactScript(plan), technologyHeaders(plan, false)));
  }
  const contact = plan.pages.find((p) => p.role === 'contact');
  const override = plan.contactScriptPath && contact?.path === path ? renderJsContactBody(plan, contact.navLabel) : undefined;
  const html = renderSitePage(seed, plan, path, override);
  if (html === undefined) return mark(notFound());
  return mark(body(200, HTML, html, technologyHeaders(plan, path === '/')));
}
