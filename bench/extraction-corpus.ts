/**
 * The pages the extraction benchmark reads. `syntheticSiteCorpus` is the only source: to bench
 * against the fake web's sites instead, replace it with a function returning the same shape.
 *
 * Sites are deterministic (a seeded generator) and shaped like small company sites: a home page
 * with nav, footer, social links and share buttons, technology script tags and JSON-LD, and
 * contact, team and imprint pages with addresses, phones, obfuscated emails and person cards.
 */
import type { FetchedPage } from '../functions/domain/enrichment/site-extraction.ts';

export interface BenchSite {
  companyDomain: string;
  defaultCountry: string;
  pages: FetchedPage[];
}

const WORDS = 'anvil rocket platform data team customer growth pipeline cloud secure partner quality service delivery global insight workflow revenue market solution network industry enterprise support scale modern simple fast reliable trusted'.split(' ');
const FIRST = ['Anna', 'Ben', 'Carla', 'David', 'Elena', 'Farid', 'Grace', 'Hugo', 'Ines', 'Jonas', 'Kira', 'Liam', 'Mei', 'Nora', 'Omar', 'Paula'];
const LAST = ['Schmidt', 'Garcia', 'Rossi', 'Dubois', 'Kowalski', 'Novak', 'Jensen', 'Silva', 'Müller', 'Okafor', 'Tanaka', 'Larsen'];
const TITLES = ['Chief Executive Officer', 'CTO', 'Head of Sales', 'VP Marketing', 'Product Manager', 'Lead Engineer', 'Founder'];
const COUNTRIES: ReadonlyArray<{ code: string; phone: (n: number) => string }> = [
  { code: 'US', phone: (n) => `(415) 555-${String(1000 + (n % 8999)).padStart(4, '0')}` },
  { code: 'DE', phone: (n) => `030 ${String(20000000 + (n % 79999999))}` },
  { code: 'FR', phone: (n) => `01 42 ${String(10 + (n % 89))} ${String(10 + (n % 83))} ${String(10 + (n % 79))}` },
  { code: 'GB', phone: (n) => `020 7946 ${String(1000 + (n % 8999)).slice(0, 4)}` },
];
const TECH_SNIPPETS = [
  '<script async src="https://www.googletagmanager.com/gtm.js?id=GTM-ABC123"></script>',
  '<script id="hs-script-loader" async defer src="//js.hs-scripts.com/4711.js"></script>',
  '<script src="https://code.jquery.com/jquery-3.7.1.min.js"></script>',
  '<script src="https://js.stripe.com/v3/"></script>',
  '<script src="https://widget.intercom.io/widget/abc123"></script>',
  '<script src="https://cdn.cookielaw.org/scripttemplates/otSDKStub.js"></script>',
  '<link href="https://fonts.googleapis.com/css2?family=Inter" rel="stylesheet">',
  '<script src="/wp-includes/js/wp-emoji-release.min.js"></script>',
  '<script src="https://static.hotjar.com/c/hotjar-123.js"></script>',
  '<script src="/_next/static/chunks/main-abc.js"></script>',
];

/** Mulberry32: small, fast and deterministic; the corpus is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function site(i: number, random: () => number): BenchSite {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const paragraph = (words: number) => `<p>${Array.from({ length: words }, () => pick(WORDS)).join(' ')}.</p>`;
  const filler = (paragraphs: number) => Array.from({ length: paragraphs }, () => paragraph(40 + Math.floor(random() * 60))).join('\n');
  const domain = `company${i}.example-site.com`;
  const name = `Company ${i}`;
  const country = pick(COUNTRIES);
  const head = (title: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title} | ${name}</title>
<meta name="description" content="${name} builds ${pick(WORDS)} software."><meta property="og:site_name" content="${name}">
${Array.from({ length: 4 }, () => pick(TECH_SNIPPETS)).join('\n')}
<script type="application/ld+json">{"@context":"https://schema.org","@type":"Organization","name":"${name}","legalName":"${name} Ltd","url":"https://${domain}",
"telephone":"${country.phone(i)}","foundingDate":"${1990 + (i % 30)}","sameAs":["https://www.linkedin.com/company/company-${i}","https://twitter.com/company${i}"],
"address":{"@type":"PostalAddress","streetAddress":"${i} Main Street","addressLocality":"City ${i % 50}","postalCode":"${10000 + i}","addressCountry":"${country.code}"}}</script></head><body>`;
  const nav = `<nav><a href="/">Home</a><a href="/about">About us</a><a href="/team">Team</a><a href="/contact">Contact</a><a href="/careers">Careers</a><a href="/impressum">Impressum</a>${Array.from({ length: 20 }, (_, k) => `<a href="/blog/post-${k}">Post ${k}</a>`).join('')}</nav>`;
  const footer = `<footer><a href="https://www.linkedin.com/company/company-${i}/">LinkedIn</a><a href="https://twitter.com/company${i}">X</a>
<a href="https://www.facebook.com/sharer/sharer.php?u=https://${domain}">Share</a><a href="https://twitter.com/intent/tweet?url=https://${domain}">Tweet</a>
<img src="https://www.facebook.com/tr?id=${i}&ev=PageView" alt=""><img src="/img/logo@2x.png" alt="logo"><a href="mailto:info@${domain}">info@${domain}</a></footer></body></html>`;
  const cards = Array.from({ length: 6 }, (_, k) => `<div class="card"><img src="/team/${k}.jpg" alt=""><h3>${pick(FIRST)} ${pick(LAST)}</h3><p>${pick(TITLES)}</p><a href="https://www.linkedin.com/in/person-${i}-${k}">LinkedIn</a></div>`).join('\n');
  const page = (path: string, title: string, main: string): FetchedPage => ({
    url: `https://${domain}${path}`,
    status: 200,
    headers: { server: 'nginx/1.25.3', 'content-type': 'text/html; charset=utf-8' },
    cookies: { _ga: 'GA1.1.1' },
    html: `${head(title)}${nav}<main>${main}</main>${footer}`,
  });
  return {
    companyDomain: domain,
    defaultCountry: country.code,
    pages: [
      page('/', 'Home', `<h1>${name}</h1>${filler(25)}`),
      page('/contact', 'Contact', `<h1>Contact</h1><p>Phone: ${country.phone(i + 7)}</p><p>sales [at] ${domain.replace(/\./g, ' [dot] ')}</p><a href="tel:${country.phone(i + 3)}">Call</a>${filler(8)}`),
      page('/team', 'Team', `<h1>Our team</h1><div class="grid">${cards}</div>${filler(6)}`),
      page('/impressum', 'Impressum', `<h1>Impressum</h1><p>${name} Ltd, ${i} Main Street</p><p>E-Mail: legal(at)${domain}</p>${filler(10)}`),
    ],
  };
}

export function syntheticSiteCorpus(opts: { sites: number; seed?: number }): BenchSite[] {
  const random = seeded(opts.seed ?? 42);
  return Array.from({ length: opts.sites }, (_, i) => site(i, random));
}
