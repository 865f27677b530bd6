/**
 * Which pages to fetch after the home page, and whether a page needs a browser. Both read only
 * the HTML, so the crawler decides before spending a request or a Chromium launch.
 */
import { bareHost, isSameOrSubdomain } from './domains.ts';
import { parsePage, resolveUrl } from './parsed-page.ts';

/** A keyword list as one pattern; Unicode-aware edges, since `\b` ignores letters like `ü`. */
const words = (list: string): RegExp => new RegExp(`(?<![\\p{L}\\p{N}])(?:${list})(?![\\p{L}\\p{N}])`, 'iu');

/** Path or link-text keywords per kind of page, in several languages; higher scores go first. */
const PAGE_KINDS: ReadonlyArray<{ score: number; pattern: RegExp }> = [
  { score: 100, pattern: words('contact(?:s|o|ez|-us|-nous)?|kontakt(?:e)?|contatt[io]|contato|nous-contacter|get-in-touch|reach-us') },
  { score: 90, pattern: words('team|our-team|people|leadership|management|equipe|équipe|unser-team|das-team|equipo|squadra|founders|staff') },
  { score: 85, pattern: words('impressum|imprint|mentions-legales|mentions-légales|aviso-legal|note-legali|colofon|legal-notice') },
  { score: 80, pattern: words('about(?:-us)?|ueber-uns|uber-uns|über-uns|a-propos|à-propos|qui-sommes-nous|quienes-somos|quiénes-somos|chi-siamo|sobre(?:-nos)?|over-ons|om-oss|company|who-we-are') },
  { score: 50, pattern: words('legal|privacy|datenschutz|confidentialite|confidentialité|privacidad') },
  // Careers pages rarely hold contact data but name the company's people and locations: last.
  { score: 20, pattern: words('careers?|jobs|karriere|carrieres|carrières|empleo|lavora-con-noi|vacatures|join-us') },
];
const ASSET_PATH = /\.(?:pdf|jpe?g|png|gif|webp|svg|zip|mp4|mp3|docx?|xlsx?|pptx?|css|js|xml|json|ico)$/i;

function scoreOf(url: URL, text: string): number {
  const haystack = `${decodeURIComponent(url.pathname).replace(/[/_]/g, '-')} ${text.toLowerCase().replace(/\s+/g, '-')}`;
  let best = 0;
  for (const { score, pattern } of PAGE_KINDS) if (score > best && pattern.test(haystack)) best = score;
  return best;
}

export function pickPagesToFetch(homeHtml: string, baseUrl: string, limit: number): string[] {
  const page = parsePage({ url: baseUrl, status: 200, headers: {}, html: homeHtml });
  const base = resolveUrl(baseUrl, baseUrl);
  if (!base || limit <= 0) return [];
  const site = bareHost(base.hostname);
  const home = `${base.origin}${base.pathname}`;
  const scored = new Map<string, number>();
  for (const link of page.links) {
    const url = resolveUrl(link.href, baseUrl);
    if (!url || !isSameOrSubdomain(url.hostname, site) || ASSET_PATH.test(url.pathname)) continue;
    url.hash = '';
    const key = url.toString();
    if (`${url.origin}${url.pathname}` === home) continue;
    let score: number;
    try {
      score = scoreOf(url, link.text);
    } catch {
      continue;
    }
    if (score > (scored.get(key) ?? 0)) scored.set(key, score);
  }
  return [...scored.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].length - b[0].length || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([url]) => url);
}

const MIN_VISIBLE_TEXT = 200;
const EMPTY_ROOT = /<(?:div|main|app-root)\b[^>]{0,200}\bid=["'](?:root|app|__app|___gatsby|__nuxt|__next|svelte|main-app)["'][^>]{0,200}>\s*<\/(?:div|main|app-root)>|<app-root\b[^>]{0,200}>\s*<\/app-root>/i;
const ENABLE_JS = /(?:enable|activate|turn on|aktivieren|activer|habilita|attiva)\b[^<]{0,40}javascript|javascript\s+(?:is\s+)?(?:required|needed|disabled)|requires?\s+javascript|you need (?:to enable )?javascript/i;

/** True when plain HTTP likely yields a shell: an empty app root with bundles, or no text but scripts. */
export function needsJavaScript(html: string): boolean {
  const page = parsePage({ url: 'http://page.invalid/', status: 200, headers: {}, html });
  const visible = page.text.replace(/\s+/g, ' ').trim().length;
  const hasScripts = page.scriptSrcs.length > 0 || page.inlineScripts.length > 0;
  if (!hasScripts) return false;
  if (EMPTY_ROOT.test(html)) return true;
  const noscriptAsks = /<noscript\b[^>]{0,100}>[\s\S]{0,500}?<\/noscript>/gi;
  const asks = [...html.matchAll(noscriptAsks)].some((m) => ENABLE_JS.test(m[0]));
  return visible < MIN_VISIBLE_TEXT || (asks && visible < MIN_VISIBLE_TEXT * 5);
}
