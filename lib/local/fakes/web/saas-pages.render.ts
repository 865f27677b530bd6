/**
 * The HTML of the SaaS sites: a home page with positioning and a "Trusted by" line, product
 * pages (some with JSON-LD SoftwareApplication or Product), a pricing page in one of three
 * styles (tier cards, a comparison table, a monthly/annual toggle) and customer pages (logo
 * walls that name customers by alt text, file name or link target, and case studies). The
 * integrations strip is a trap: partners' logos, not customers.
 */
import { escapeHtml } from './html-blocks.ts';
import { createRng } from './prng.ts';
import type { Rng } from './prng.ts';
import { saasSlug } from './saas-sites.ts';
import type { SaasSitePlan } from './saas-sites.ts';
import type { FakeResponse } from './site-responses.ts';
import type { CustomerTruth, SaasSiteTruth, TierTruth } from './saas-truth.ts';

const SYMBOLS = { USD: '$', EUR: '€', GBP: '£', INR: '₹' } as const;
const INTEGRATIONS = ['Salesforce', 'HubSpot', 'Slack', 'Snowflake', 'Zendesk'] as const;
const OUTCOMES = ['cut forecasting time by 40%', 'doubled pipeline coverage in two quarters', 'closed its books four days faster', 'raised renewal rates to 96%'] as const;

const money = (tier: TierTruth, amount: number): string => `${SYMBOLS[tier.currency]}${amount.toLocaleString('en-US')}`;
const unit = (tier: TierTruth): string => `${tier.perUser ? '/user' : ''}/${tier.period === 'year' ? 'year' : 'month'}`;

function layout(site: SaasSiteTruth, title: string, main: string, jsonLd?: unknown): string {
  const products = site.products.map((p) => `<li><a href="${p.path}">${escapeHtml(p.name)}</a></li>`).join('');
  const script = jsonLd ? `\n<script type="application/ld+json">${JSON.stringify(jsonLd)}</script>` : '';
  return [
    '<!DOCTYPE html>', '<html lang="en"><head><meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title><meta name="description" content="${escapeHtml(`${site.companyName} for ${site.audience ?? 'teams'}`)}">${script}`,
    '</head><body>',
    `<header><a class="logo" href="/">${escapeHtml(site.companyName)}</a><nav><ul><li class="dropdown">Product<ul>${products}</ul></li>`,
    `<li><a href="${site.pricingPath}">Pricing</a></li><li><a href="${site.customersPath}">Customers</a></li></ul></nav></header>`,
    `<main>\n${main}\n</main>`,
    `<footer><p>© 2026 ${escapeHtml(site.companyName)}, Inc. All rights reserved.</p></footer>`,
    '</body></html>', '',
  ].join('\n');
}

function homePage(site: SaasSiteTruth): string {
  const trusted = site.customers.filter((c) => c.rendering === 'trusted-by-text').map((c) => escapeHtml(c.displayName));
  const trustedLine = trusted.length > 0 ? `Trusted by teams at ${trusted.slice(0, -1).join(', ')}${trusted.length > 1 ? ' and ' : ''}${trusted.at(-1)}.` : 'Trusted by more than 2,000 teams worldwide.';
  return layout(site, `${site.companyName} | Built for ${site.audience}`, [
    `<section class="hero"><h1>The revenue platform built for ${escapeHtml(site.audience ?? '')}</h1>`,
    `<p>${escapeHtml(site.companyName)} helps companies in ${site.industries.join(', ')} grow faster.</p><a class="cta" href="${site.pricingPath}">See pricing</a></section>`,
    `<section class="products"><h2>Products</h2><ul>${site.products.map((p) => `<li><a href="${p.path}"><h3>${escapeHtml(p.name)}</h3></a><p>${escapeHtml(p.description)}</p></li>`).join('')}</ul></section>`,
    `<section class="trusted-by"><h2>Trusted by</h2><p>${trustedLine}</p></section>`,
    `<section class="integrations"><h2>Integrates with the tools you already use</h2>${INTEGRATIONS.map((name) => `<img src="/assets/integrations/${name.toLowerCase()}.svg" alt="${name}">`).join('')}</section>`,
  ].join('\n'));
}

function productPage(site: SaasSiteTruth, path: string): string | undefined {
  const product = site.products.find((p) => p.path === path);
  if (!product) return undefined;
  const cheapest = site.tiers.find((t) => t.price !== null && t.price > 0);
  const jsonLd = product.structuredData === 'SoftwareApplication'
    ? { '@context': 'https://schema.org', '@type': 'SoftwareApplication', name: product.name, applicationCategory: 'BusinessApplication', operatingSystem: 'Web', description: product.description, ...(cheapest ? { offers: { '@type': 'Offer', price: String(cheapest.price), priceCurrency: cheapest.currency } } : {}) }
    : product.structuredData === 'Product'
      ? { '@context': 'https://schema.org', '@type': 'Product', name: product.name, description: product.description, brand: { '@type': 'Brand', name: site.companyName } }
      : undefined;
  return layout(site, `${product.name} – ${site.companyName}`, `<h1>${escapeHtml(product.name)}</h1>\n<p class="lead">${escapeHtml(product.description)}</p>\n<a href="${site.pricingPath}">Compare plans</a>`, jsonLd);
}

function tierCard(tier: TierTruth): string {
  const price = tier.contactSales ? '<p class="price">Custom pricing</p><a class="button" href="/contact-sales">Contact sales</a>'
    : tier.price === 0 ? '<p class="price"><span class="amount">Free</span></p><a class="button" href="/signup">Start free</a>'
      : `<p class="price"><span class="amount">${money(tier, tier.price!)}</span><span class="period">${unit(tier)}</span></p><a class="button" href="/signup">Start trial</a>`;
  return `<div class="plan"><h3>${escapeHtml(tier.name)}</h3>${price}</div>`;
}

function tierToggle(tier: TierTruth): string {
  if (tier.contactSales) return `<div class="plan"><h3>${escapeHtml(tier.name)}</h3><p class="price">Let’s talk</p><a href="/contact-sales">Contact sales</a></div>`;
  const annual = tier.annualMonthlyPrice === undefined ? '' : `<small>or ${money(tier, tier.annualMonthlyPrice)}${unit(tier)} billed annually</small>`;
  return `<div class="plan"><h3>${escapeHtml(tier.name)}</h3><p><span class="price" data-monthly="${tier.price}" data-annual="${tier.annualMonthlyPrice ?? tier.price}">${money(tier, tier.price!)}</span><span>${unit(tier)}</span></p>${annual}</div>`;
}

function pricingPage(site: SaasSiteTruth): string {
  const { tiers } = site;
  let body: string;
  if (site.pricingStyle === 'table') {
    const cell = (t: TierTruth): string => (t.contactSales ? '<td>Tailored to your team – <a href="/contact-sales">Contact sales</a></td>' : `<td>${money(t, t.price!)} ${t.perUser ? 'per user ' : ''}/ ${t.period}</td>`);
    body = `<table class="pricing"><thead><tr><th>Plan</th>${tiers.map((t) => `<th>${escapeHtml(t.name)}</th>`).join('')}</tr></thead><tbody><tr><th>Price</th>${tiers.map(cell).join('')}</tr><tr><th>Support</th>${tiers.map((_, i) => `<td>${['Email', 'Chat', 'Phone', 'Dedicated manager'][i] ?? 'Dedicated manager'}</td>`).join('')}</tr></tbody></table>`;
  } else if (site.pricingStyle === 'toggle') {
    body = `<div class="billing-toggle"><button data-period="monthly" aria-pressed="true">Monthly</button><button data-period="annual">Annual (save 20%)</button></div>\n<div class="plans">${tiers.map(tierToggle).join('')}</div>`;
  } else {
    body = `<div class="plans">${tiers.map(tierCard).join('')}</div>`;
  }
  return layout(site, `Pricing – ${site.companyName}`, `<h1>Simple, transparent pricing</h1>\n${body}\n<p>Prices exclude taxes.</p>`);
}

function logo(customer: CustomerTruth, index: number, rng: Rng): string {
  switch (customer.rendering) {
    case 'logo-alt': return `<img src="/assets/logos/customer-${index}.svg" alt="${escapeHtml(rng.pick([customer.displayName, `${customer.displayName} logo`, `Logo of ${customer.displayName}`]))}">`;
    case 'logo-filename': return `<img src="/assets/customers/${saasSlug(customer.displayName)}.png" alt="">`;
    case 'logo-link': return `<a href="https://${saasSlug(customer.displayName)}.example/" rel="nofollow"><img src="/assets/logos/c${index}.svg" alt=""></a>`;
    case 'case-study': return `<a class="story" href="${customer.page}">Read the ${escapeHtml(customer.displayName)} story</a>`;
    case 'trusted-by-text': return '';
  }
}

function customersPage(site: SaasSiteTruth, seed: number | string): string {
  const rng = createRng(seed, `saas-logos:${site.domain}`);
  const shown = site.customers.filter((c) => c.page === site.customersPath || c.rendering === 'case-study');
  return layout(site, `Customers – ${site.companyName}`, `<h1>Companies that grow with ${escapeHtml(site.companyName)}</h1>\n<div class="logo-wall">${shown.map((c, i) => logo(c, i, rng)).join('\n')}</div>`);
}

function caseStudyPage(site: SaasSiteTruth, path: string, seed: number | string): string | undefined {
  const customer = site.customers.find((c) => c.rendering === 'case-study' && c.page === path);
  if (!customer) return undefined;
  const rng = createRng(seed, `saas-story:${site.domain}${path}`);
  const name = escapeHtml(customer.displayName);
  return layout(site, `${customer.displayName} – Customer story`, [
    `<article class="case-study"><h1>How ${name} ${rng.pick(OUTCOMES)}</h1>`,
    `<p>${name} rolled out ${escapeHtml(site.products[0]?.name ?? site.companyName)} to its ${site.audience} in ${rng.int(3, 10)} weeks.</p>`,
    `<blockquote>“We finally see the whole pipeline in one place.” — ${rng.pick(['VP Sales', 'Head of Revenue Operations', 'CFO'])}, ${name}</blockquote></article>`,
  ].join('\n'));
}

function bakeryPage(path: string): string | undefined {
  const pages: Record<string, string> = {
    '/': '<h1>Harbor Street Bakery</h1><p>Sourdough, croissants and cakes, baked every morning since 1998.</p><a href="/menu">Our menu</a>',
    '/menu': '<h1>Menu</h1><table><tr><td>Croissant</td><td>$3.50</td></tr><tr><td>Sourdough loaf</td><td>$8.00</td></tr><tr><td>Birthday cake (order 2 days ahead)</td><td>$45.00</td></tr></table>',
    '/contact': '<h1>Visit us</h1><p>12 Harbor Street. Open daily 7am–3pm.</p>',
  };
  const main = pages[path];
  return main === undefined ? undefined : `<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"><title>Harbor Street Bakery</title></head><body><nav><a href="/">Home</a> <a href="/menu">Menu</a> <a href="/contact">Contact</a></nav><main>${main}</main></body></html>\n`;
}

/** The HTML of a page of a SaaS (or the bakery) site, or undefined when it has no such page. */
export function renderSaasPage(seed: number | string, plan: SaasSitePlan, path: string): string | undefined {
  const site = plan.truth;
  if (site.kind === 'not-saas') return bakeryPage(path);
  if (site.kind !== 'saas') return undefined;
  if (path === '/') return homePage(site);
  if (path === site.pricingPath) return pricingPage(site);
  if (path === site.customersPath) return customersPage(site, seed);
  return productPage(site, path) ?? caseStudyPage(site, path, seed);
}

const HTML = 'text/html; charset=utf-8';
const answer = (status: number, contentType: string, text: string): FakeResponse =>
  ({ kind: 'body', status, headers: { 'content-type': contentType }, body: Buffer.from(text, 'utf8') });

/** What a SaaS-set host answers for a path: its pages, robots.txt and sitemap, or 404 (the server drops the unreachable site's connections before asking). */
export function resolveSaasResponse(seed: number | string, plan: SaasSitePlan, path: string): FakeResponse {
  const site = plan.truth;
  if (path === '/robots.txt') return answer(200, 'text/plain; charset=utf-8', 'User-agent: *\nAllow: /\n');
  if (path === '/sitemap.xml' && site.kind === 'saas') {
    const urls = site.pages.map((p) => `  <url><loc>http://${site.domain}${p}</loc></url>`).join('\n');
    return answer(200, 'application/xml; charset=utf-8', `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls}\n</urlset>\n`);
  }
  const html = renderSaasPage(seed, plan, path);
  return html === undefined ? answer(404, HTML, '<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n') : answer(200, HTML, html);
}
