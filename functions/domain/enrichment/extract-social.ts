import { classifySocialUrl } from './social-profiles.ts';
import type { ParsedPage } from './parsed-page.ts';
import type { SocialProfile } from './site-extraction.ts';

/** Company profiles linked from a page; personal LinkedIn profiles are people, never the company's. */
export function extractSocialProfiles(page: ParsedPage, extraUrls: readonly string[] = []): SocialProfile[] {
  const seen = new Set<string>();
  const out: SocialProfile[] = [];
  for (const href of [...page.links.map((l) => l.href), ...extraUrls]) {
    const match = classifySocialUrl(href);
    if (!match || match.network === 'linkedin-person' || seen.has(match.url)) continue;
    seen.add(match.url);
    out.push({ network: match.network, url: match.url, source_url: page.url });
  }
  return out;
}
