/**
 * Emails from mailto: links and from visible text, including the obfuscations sites use to
 * hide from harvesters (`name [at] acme [dot] com`, `name(at)acme.com`, ` at `/` dot ` in
 * brackets). Entities (`&#64;`) are already decoded by the parser.
 */
import { isSameOrSubdomain } from './domains.ts';
import type { ParsedPage } from './parsed-page.ts';
import type { EmailKind, ExtractedEmail } from './site-extraction.ts';

/** Local parts that name a function, not a person. */
export const ROLE_LOCAL_PARTS: ReadonlySet<string> = new Set([
  'info', 'sales', 'support', 'contact', 'hello', 'hi', 'help', 'admin', 'office', 'team', 'enquiries',
  'enquiry', 'inquiries', 'inquiry', 'marketing', 'press', 'media', 'pr', 'jobs', 'careers', 'hr',
  'recruiting', 'billing', 'accounts', 'accounting', 'finance', 'invoices', 'legal', 'privacy',
  'security', 'abuse', 'webmaster', 'postmaster', 'hostmaster', 'noreply', 'no-reply', 'mail',
  'service', 'customerservice', 'customer.service', 'care', 'feedback', 'partners', 'partnerships',
  'business', 'bizdev', 'investors', 'ir', 'compliance', 'dpo', 'gdpr', 'kontakt', 'contacto',
  'bonjour', 'vertrieb', 'ventas', 'hallo', 'welcome', 'general', 'reception', 'orders', 'shop',
  'booking', 'bookings', 'reservations', 'events', 'newsletter', 'devrel', 'dev', 'engineering', 'tech',
]);

/** Local parts and domains that templates and docs use as placeholders. */
const PLACEHOLDER_LOCAL = /^(?:your|you|name|first|firstname|first\.last|john\.?doe|jane\.?doe|user|username|email|someone|test|example|xxx+)$/;
const PLACEHOLDER_DOMAIN = /(?:^|\.)(?:example\.(?:com|org|net)|domain\.com|email\.com|yourdomain\.[a-z]+|yourcompany\.[a-z]+|company\.com|sentry\.io|wixpress\.com|sentry-next\.wixpress\.com)$/;
/**
 * Reserved names (RFC 2606/6761) never hold a real mailbox on the public web, so an address under
 * one is a placeholder, unless the company's own site lives under the same name: then the crawl
 * runs in a test network (a staging copy, the local fake web) where such addresses are real.
 */
const RESERVED_TLD = /(?:^|\.)(test|invalid|localhost|example)$/;
/** `logo@2x.png`: retina asset names look like addresses. */
const ASSET_TLD = /\.(?:png|jpe?g|gif|webp|svg|avif|ico|bmp|css|js|mjs|json|map|woff2?|ttf|eot|mp4|webm|pdf)$/;

const LOCAL = String.raw`[a-z0-9](?:[a-z0-9._%+-]{0,62}[a-z0-9])?`;
const LABEL = String.raw`[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?`;
const PLAIN_EMAIL = new RegExp(String.raw`(?<![a-z0-9._%+-])(${LOCAL})@((?:${LABEL}\.)+[a-z]{2,24})(?![a-z0-9-])`, 'gi');
const BRACKETED = (word: string): string => String.raw`\s*(?:\[\s*${word}\s*\]|\(\s*${word}\s*\)|\{\s*${word}\s*\}|<\s*${word}\s*>)\s*`;
const SPELLED = (word: string): string => String.raw`\s+${word}\s+`;
/** `[at]`-style markers leave no doubt, so a real `.` may follow them; a bare ` at ` needs a spelled-out dot too, or prose ("we are at home. Come") would match. */
const OBFUSCATIONS: ReadonlyArray<{ at: string; dot: string }> = [
  { at: BRACKETED('at'), dot: String.raw`(?:${BRACKETED('dot')}|${SPELLED('dot')}|\.)` },
  { at: SPELLED('at'), dot: String.raw`(?:${BRACKETED('dot')}|${SPELLED('dot')})` },
];
const OBFUSCATED_EMAILS = OBFUSCATIONS.map(
  // The local part may hide its dots the same way (`zoe [dot] keller [at] acme [dot] com`).
  ({ at, dot }) => ({ pattern: new RegExp(String.raw`(?<![a-z0-9._%+-])(${LOCAL}(?:${dot}${LOCAL}){0,3})${at}(${LABEL}(?:${dot}${LABEL}){1,4})(?![a-z0-9-])`, 'gi'), dot: new RegExp(dot, 'gi') }),
);

function reservedTld(domain: string | undefined): string | undefined {
  return domain === undefined ? undefined : RESERVED_TLD.exec(domain.toLowerCase())?.[1];
}

/** `companyDomain` lets addresses under a reserved name through when the company lives under it too. */
export function isPlausibleEmail(email: string, companyDomain?: string): boolean {
  const at = email.lastIndexOf('@');
  if (at <= 0) return false;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  if (ASSET_TLD.test(email) || /@\d+x\./.test(email)) return false;
  if (PLACEHOLDER_LOCAL.test(local) || PLACEHOLDER_DOMAIN.test(domain)) return false;
  const reserved = reservedTld(domain);
  if (reserved !== undefined && reserved !== reservedTld(companyDomain)) return false;
  if (!/\.[a-z]{2,24}$/.test(domain) || local.includes('..')) return false;
  // Hashes in tracking addresses (`a3f9…@sentry`) are not contacts.
  return !/^[0-9a-f]{24,}$/.test(local);
}

export function emailKind(email: string): EmailKind {
  const local = email.slice(0, email.lastIndexOf('@')).replace(/\+.*$/, '');
  return ROLE_LOCAL_PARTS.has(local) ? 'role' : 'personal';
}

function fromMailto(href: string): string[] {
  if (!/^mailto:/i.test(href)) return [];
  let body = href.slice(7).split('?')[0] ?? '';
  try {
    body = decodeURIComponent(body);
  } catch {
    // A broken escape leaves the raw text, which the plausibility check still filters.
  }
  return body.split(/[,;]/).map((e) => e.trim().toLowerCase());
}

function fromText(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(PLAIN_EMAIL)) found.push(`${m[1]}@${m[2]}`.toLowerCase());
  for (const { pattern, dot } of OBFUSCATED_EMAILS) {
    for (const m of text.matchAll(pattern)) found.push(`${(m[1] ?? '').replace(dot, '.')}@${(m[2] ?? '').replace(dot, '.')}`.toLowerCase());
  }
  return found;
}

/** Candidate addresses on one page, before per-site deduplication. */
export function extractEmails(page: ParsedPage, companyDomain: string): ExtractedEmail[] {
  const candidates = [...page.links.flatMap((l) => fromMailto(l.href)), ...fromText(page.text)];
  const out: ExtractedEmail[] = [];
  const seen = new Set<string>();
  for (const email of candidates) {
    if (seen.has(email) || !isPlausibleEmail(email, companyDomain)) continue;
    seen.add(email);
    const domain = email.slice(email.lastIndexOf('@') + 1);
    out.push({ email, kind: emailKind(email), company_domain: isSameOrSubdomain(domain, companyDomain), source_url: page.url });
  }
  return out;
}
