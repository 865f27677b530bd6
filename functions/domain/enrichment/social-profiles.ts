/**
 * Social profile URLs canonicalised one way for every site: https, no `www.`/`m.`, no query or
 * fragment, the handle lowercased where the network treats handles case-insensitively, and
 * twitter.com written as x.com. Share/intent links, pixels and posts are not profiles.
 */
import type { SocialNetwork } from './site-extraction.ts';

export interface ProfileMatch {
  network: SocialNetwork;
  url: string;
}

export interface PersonalLinkedIn {
  network: 'linkedin-person';
  url: string;
}

const HANDLE = /^[a-z0-9][a-z0-9._-]{0,99}$/i;
const X_RESERVED = new Set(['intent', 'share', 'home', 'i', 'hashtag', 'search', 'explore', 'settings', 'login', 'signup', 'privacy', 'tos', 'widgets', 'notifications', 'messages', 'compose']);
const FACEBOOK_RESERVED = new Set(['sharer', 'sharer.php', 'share', 'share.php', 'dialog', 'tr', 'plugins', 'login', 'login.php', 'events', 'photo', 'photo.php', 'watch', 'hashtag', 'policies', 'help', 'privacy', 'groups', 'story.php', 'permalink.php', 'profile.php', 'people', 'business', 'ads', 'legal', 'home.php']);
const INSTAGRAM_RESERVED = new Set(['p', 'reel', 'reels', 'explore', 'accounts', 'stories', 'tv', 'direct', 'about', 'legal']);
const GITHUB_RESERVED = new Set(['sponsors', 'features', 'login', 'join', 'about', 'marketplace', 'pricing', 'site', 'topics', 'collections', 'trending', 'settings', 'apps', 'enterprise', 'security', 'customer-stories', 'readme']);
const TIKTOK_RESERVED = new Set(['embed', 'share', 'tag', 'music', 'discover', 'login']);

const https = (host: string, path: string): string => `https://${host}/${path}`;

function segments(url: URL): string[] {
  return url.pathname.split('/').filter((s) => s.length > 0).map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
}

function linkedIn(parts: string[]): ProfileMatch | PersonalLinkedIn | undefined {
  const [kind, slug] = parts;
  if (!slug || !HANDLE.test(slug)) return undefined;
  if (kind === 'company' || kind === 'school' || kind === 'showcase') return { network: 'linkedin', url: https('linkedin.com', `${kind}/${slug.toLowerCase()}`) };
  if (kind === 'in') return { network: 'linkedin-person', url: https('linkedin.com', `in/${slug.toLowerCase()}`) };
  return undefined;
}

function single(network: SocialNetwork, host: string, parts: string[], reserved: ReadonlySet<string>, maxParts = 1): ProfileMatch | undefined {
  const [handle] = parts;
  if (!handle || parts.length > maxParts || reserved.has(handle.toLowerCase()) || !HANDLE.test(handle.replace(/^@/, ''))) return undefined;
  return { network, url: https(host, handle.toLowerCase()) };
}

function youTube(parts: string[]): ProfileMatch | undefined {
  const [first, second] = parts;
  if (!first) return undefined;
  if (first.startsWith('@') && HANDLE.test(first.slice(1))) return { network: 'youtube', url: https('youtube.com', first.toLowerCase()) };
  // Channel ids are case-sensitive; legacy /c/ and /user/ names are not.
  if (first === 'channel' && second && /^UC[\w-]{10,40}$/.test(second)) return { network: 'youtube', url: https('youtube.com', `channel/${second}`) };
  if ((first === 'c' || first === 'user') && second && HANDLE.test(second)) return { network: 'youtube', url: https('youtube.com', `${first}/${second.toLowerCase()}`) };
  return undefined;
}

function gitHub(parts: string[]): ProfileMatch | undefined {
  const owner = parts[0] === 'orgs' ? parts[1] : parts.length === 1 ? parts[0] : undefined;
  if (!owner || GITHUB_RESERVED.has(owner.toLowerCase()) || !HANDLE.test(owner)) return undefined;
  return { network: 'github', url: https('github.com', owner.toLowerCase()) };
}

/**
 * Every host classified below contains one of these names. An href of printable ASCII without `%`
 * holds its host as written (the URL parser drops tabs and newlines and decodes escapes and
 * full-width letters, so those take the full parse), so lacking all of them it cannot be a
 * profile: most links on a page are ruled out without building a URL.
 */
const SOCIAL_HOST_HINT = /linkedin\.com|twitter\.com|x\.com|facebook\.com|fb\.com|instagram\.com|youtube\.com|github\.com|tiktok\.com/i;
const PLAIN_ASCII = /^[\x20-\x7e]*$/;

function cannotBeProfile(href: string): boolean {
  return !SOCIAL_HOST_HINT.test(href) && !href.includes('%') && PLAIN_ASCII.test(href);
}

/** The canonical profile a link points to, a personal LinkedIn profile, or undefined for anything else. */
export function classifySocialUrl(href: string): ProfileMatch | PersonalLinkedIn | undefined {
  if (cannotBeProfile(href)) return undefined;
  let url: URL;
  try {
    url = new URL(href.startsWith('//') ? `https:${href}` : href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const fullHost = url.hostname.toLowerCase();
  // `www.`, `m.` and country prefixes (`uk.linkedin.com`) are the same profile; `fb.com` keeps its name.
  const stripped = fullHost.replace(/^(?:www|m|mobile|[a-z]{2}(?:-[a-z]{2})?)\./, '');
  const host = stripped.includes('.') ? stripped : fullHost;
  const parts = segments(url);
  switch (host) {
    case 'linkedin.com':
      return linkedIn(parts);
    case 'twitter.com':
    case 'x.com':
      return single('x', 'x.com', parts, X_RESERVED);
    case 'facebook.com':
    case 'fb.com':
      return single('facebook', 'facebook.com', parts, FACEBOOK_RESERVED);
    case 'instagram.com':
      return single('instagram', 'instagram.com', parts, INSTAGRAM_RESERVED);
    case 'youtube.com':
      return youTube(parts);
    case 'github.com':
      return gitHub(parts);
    case 'tiktok.com':
      return parts[0]?.startsWith('@') ? single('tiktok', 'tiktok.com', parts, TIKTOK_RESERVED) : undefined;
    default:
      return undefined;
  }
}
