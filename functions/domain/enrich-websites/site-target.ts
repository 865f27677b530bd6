import { domainToASCII } from 'node:url';
import { MAX_HOSTNAME_LENGTH, MAX_LABEL_LENGTH } from './limits.ts';

/**
 * One site to enrich, as given by a user: a bare domain (`acme.com`), an IDN (`bücher.de`), or a
 * URL (`https://www.acme.com/about`). It becomes a canonical ASCII hostname plus the URL the
 * crawl starts from; anything that is not a public DNS name is refused with a reason.
 */
export type SiteTargetResult =
  | { readonly ok: true; readonly domain: string; readonly startUrl?: string }
  | { readonly ok: false; readonly reason: SiteTargetRefusal; readonly message: string };

export type SiteTargetRefusal = 'not_a_domain' | 'credentials_in_url' | 'scheme' | 'ip_address';

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const IPV4_LIKE = /^\d{1,3}(?:\.\d{1,3}){3}$/;

const refuse = (reason: SiteTargetRefusal, message: string): SiteTargetResult => ({ ok: false, reason, message });

/** The hostname a URL-looking input names, or the input itself when it has no scheme. */
function splitInput(input: string): { host: string; url?: URL } | SiteTargetResult {
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return { host: input.replace(/[/?#].*$/, '') };
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    return refuse('not_a_domain', 'Not a URL or a domain');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return refuse('scheme', `Only http and https sites can be enriched, not ${url.protocol}`);
  if (url.username || url.password) return refuse('credentials_in_url', 'A URL with a user name or password is refused');
  return { host: url.hostname, url };
}

/** Canonical ASCII hostname (punycode), lowercase, without a trailing dot or a leading `www.`. */
export function parseSiteTarget(raw: string): SiteTargetResult {
  const input = raw.trim();
  if (input === '') return refuse('not_a_domain', 'Empty domain');
  if (input.includes('@') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) return refuse('credentials_in_url', 'A domain with a user name is refused');
  const split = splitInput(input);
  if ('ok' in split) return split;
  const host = split.host.replace(/\.$/, '');
  if (host.startsWith('[') || IPV4_LIKE.test(host)) return refuse('ip_address', 'An IP address is not a company website; give its domain');
  const ascii = domainToASCII(host.toLowerCase());
  if (!ascii || ascii.length > MAX_HOSTNAME_LENGTH) return refuse('not_a_domain', `Not a domain: ${host.slice(0, 80)}`);
  const labels = ascii.split('.');
  if (labels.length < 2 || labels.some((label) => label.length > MAX_LABEL_LENGTH || !LABEL.test(label))) {
    return refuse('not_a_domain', `Not a domain: ${host.slice(0, 80)}`);
  }
  if (/^\d+$/.test(labels.at(-1) ?? '')) return refuse('not_a_domain', `Not a domain: ${host.slice(0, 80)}`);
  const domain = ascii.startsWith('www.') && labels.length > 2 ? ascii.slice(4) : ascii;
  const startUrl = split.url ? `${split.url.protocol}//${split.url.host}${split.url.pathname}` : undefined;
  return { ok: true, domain, ...(startUrl ? { startUrl } : {}) };
}
