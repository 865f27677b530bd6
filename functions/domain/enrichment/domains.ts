/** Host comparisons shared by the extractors. */

export function bareHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '').replace(/^www\d*\./, '');
}

/** True when `host` is `domain` or one of its subdomains. */
export function isSameOrSubdomain(host: string, domain: string): boolean {
  const h = bareHost(host);
  const d = bareHost(domain);
  return d.length > 0 && (h === d || h.endsWith(`.${d}`));
}
