/**
 * Building blocks of fake pages: how an email or phone is written (links, text, obfuscations),
 * the head with its meta, OpenGraph, generator tags and technology scripts, nav and footer.
 */
import type { Rng } from './prng.ts';
import type { PlannedPage, SitePlan } from './site-plan.ts';
import type { EmailTruth, PhoneTruth } from './site-truth.ts';

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Every character as a numeric entity, decimal or hex at random, as spam-shy sites do. */
export const toEntities = (text: string, rng: Rng): string =>
  [...text].map((c) => (rng.chance(0.5) ? `&#${c.codePointAt(0)};` : `&#x${(c.codePointAt(0) as number).toString(16)};`)).join('');

export function renderEmail(email: EmailTruth, rng: Rng): string {
  const { address } = email;
  switch (email.rendering) {
    case 'mailto':
      return `<a href="mailto:${address}">${rng.chance(0.3) ? 'Email us' : address}</a>`;
    case 'at-dot': {
      const [local, domain] = address.split('@') as [string, string];
      const dotted = (part: string): string => part.split('.').join(rng.chance(0.5) ? ' [dot] ' : ' (dot) ');
      return `<span class="email">${dotted(local)} [at] ${dotted(domain)}</span>`;
    }
    case 'paren-at':
      return `<span>${address.replace('@', rng.chance(0.5) ? '(at)' : ' (at) ')}</span>`;
    case 'entities':
      return `<a href="${toEntities(`mailto:${address}`, rng)}">${toEntities(address, rng)}</a>`;
    case 'text':
    case 'json-ld':
    case 'javascript':
      return `<span>${address}</span>`;
  }
}

export function renderPhone(phone: PhoneTruth, rng: Rng): string {
  if (phone.rendering !== 'tel-link') return `<span class="phone">${escapeHtml(phone.display)}</span>`;
  const href = rng.chance(0.7) ? phone.e164 : phone.display.replace(/[^\d+]/g, '');
  return `<a href="tel:${href}">${escapeHtml(phone.display)}</a>`;
}

export interface HeadOptions {
  readonly title: string;
  readonly description: string;
  readonly structuredData?: string;
}

export function renderHead(plan: SitePlan, page: PlannedPage, options: HeadOptions, rng: Rng): string {
  const { truth } = plan;
  const markers = plan.technologyMarkers;
  const url = `http://${truth.servedHost}${page.path}`;
  const lines = [
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<meta name="description" content="${escapeHtml(options.description)}">`,
    `<link rel="canonical" href="${url}">`,
  ];
  if (page.role === 'home' || rng.chance(0.5)) {
    lines.push(
      `<meta property="og:site_name" content="${escapeHtml(truth.companyName)}">`,
      `<meta property="og:title" content="${escapeHtml(options.title)}">`,
      `<meta property="og:description" content="${escapeHtml(options.description)}">`,
      `<meta property="og:url" content="${url}">`,
      `<meta property="og:type" content="website">`,
      `<meta property="og:image" content="http://${truth.servedHost}/assets/og-image.png">`,
    );
  }
  for (const m of markers) {
    if (m.metaGenerator) lines.push(`<meta name="generator" content="${escapeHtml(m.metaGenerator)}">`);
    if (m.headHtml) lines.push(m.headHtml);
  }
  for (const m of markers) for (const src of m.scriptSrc ?? []) lines.push(`<script async src="${escapeHtml(src)}"></script>`);
  for (const m of markers) if (m.inlineScript) lines.push(`<script>${m.inlineScript}</script>`);
  if (options.structuredData) lines.push(options.structuredData);
  return `<head>\n${lines.join('\n')}\n</head>`;
}

export function renderHeader(plan: SitePlan, rng: Rng): string {
  const links = plan.pages
    .filter((p) => p.role !== 'home' && p.role !== 'imprint' && (p.role !== 'contact' || rng.chance(0.8)))
    .map((p) => `<li><a href="${p.path}">${escapeHtml(p.navLabel)}</a></li>`);
  return [
    '<header class="site-header">',
    `<a class="brand" href="/"><img src="/assets/logo.png" srcset="/assets/logo@2x.png 2x" alt="${escapeHtml(plan.truth.companyName)} logo"></a>`,
    `<nav><ul>${links.join('')}</ul></nav>`,
    '</header>',
  ].join('\n');
}

const NETWORK_LABELS: Readonly<Record<string, string>> = {
  linkedin: 'LinkedIn', twitter: 'X (Twitter)', facebook: 'Facebook', instagram: 'Instagram', youtube: 'YouTube', github: 'GitHub', tiktok: 'TikTok',
};

export function renderFooter(plan: SitePlan, page: PlannedPage, rng: Rng): string {
  const { truth } = plan;
  const socials = truth.socialProfiles
    .map((s) => `<a href="${escapeHtml(s.renderedUrl)}" aria-label="${NETWORK_LABELS[s.network]}" rel="noopener" target="_blank"><i class="icon-${s.network}"></i></a>`)
    .join('\n');
  const legalLinks = plan.pages
    .filter((p) => p.role === 'imprint' || p.role === 'contact' || p.role === 'blog')
    .map((p) => `<a href="${p.path}">${escapeHtml(p.navLabel)}</a>`).join(' · ');
  const shares = page.role === 'home' || page.role === 'blog'
    ? truth.decoys.socialLinks.filter((l) => !l.includes('/tr?')).map((l) => `<a class="share" href="${escapeHtml(l)}">Share</a>`).join(' ')
    : '';
  const pixel = truth.decoys.socialLinks.find((l) => l.includes('/tr?'));
  return [
    '<footer class="site-footer">',
    `<div class="social">${rng.chance(0.5) ? '<span>Follow us</span>' : ''}\n${socials}</div>`,
    shares ? `<div class="share-this">${shares}</div>` : '',
    `<p class="legal">&copy; ${2026} ${escapeHtml(truth.legalName)}. ${legalLinks}</p>`,
    pixel ? `<noscript><img height="1" width="1" style="display:none" src="${escapeHtml(pixel)}"></noscript>` : '',
    ...plan.technologyMarkers.map((m) => m.bodyHtml ?? '').filter(Boolean),
    '</footer>',
  ].filter(Boolean).join('\n');
}

export function renderDocument(head: string, body: string, lang = 'en'): string {
  return `<!DOCTYPE html>\n<html lang="${lang}">\n${head}\n<body>\n${body}\n</body>\n</html>\n`;
}
