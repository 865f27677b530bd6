/**
 * robots.txt per origin, fetched through the same guarded client, parsed with `robots-parser`
 * and cached in the warm Lambda. Unavailable files (4xx) allow everything; an erroring server
 * (5xx) disallows everything until the next fetch, as RFC 9309 asks.
 */
import robotsParserModule from 'robots-parser';
import type { RawResponse } from './follow-redirects.ts';

export const ROBOTS_CACHE_TTL_MS = 60 * 60_000;
/** RFC 9309 lets a crawler stop parsing past 500 KiB. */
export const ROBOTS_MAX_BYTES = 500 * 1024;
const ROBOTS_CACHE_MAX_ORIGINS = 1_000;

interface Robot {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
}
type RobotsParser = (url: string, contents: string) => Robot;
/** The package is CommonJS whose types declare an ES default: Node hands over the function itself, TypeScript expects a wrapper. */
const robotsParser: RobotsParser =
  (robotsParserModule as unknown as { default?: RobotsParser }).default ?? (robotsParserModule as unknown as RobotsParser);

type Verdict = (url: string) => boolean;

const ALLOW_ALL: Verdict = () => true;
const DISALLOW_ALL: Verdict = () => false;

/**
 * @example
 * const robots = new RobotsCache('leadstack-crawler/1.0 (+https://leadstack.example/crawler)');
 * const ok = await robots.allows(new URL('https://acme.com/team'), (robotsUrl) => fetchOnce(robotsUrl));
 */
export class RobotsCache {
  private readonly cache = new Map<string, { verdict: Verdict; expires: number }>();

  constructor(
    private readonly userAgent: string,
    private readonly now: () => number = Date.now,
  ) {}

  async allows(url: URL, fetchRobots: (robotsUrl: string) => Promise<RawResponse>): Promise<boolean> {
    const cached = this.cache.get(url.origin);
    if (cached && cached.expires > this.now()) return cached.verdict(url.href);
    const verdict = await this.load(url.origin, fetchRobots);
    if (this.cache.size >= ROBOTS_CACHE_MAX_ORIGINS) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(url.origin, { verdict, expires: this.now() + ROBOTS_CACHE_TTL_MS });
    return verdict(url.href);
  }

  private async load(origin: string, fetchRobots: (robotsUrl: string) => Promise<RawResponse>): Promise<Verdict> {
    const robotsUrl = `${origin}/robots.txt`;
    const response = await fetchRobots(robotsUrl);
    if (response.status >= 500) return DISALLOW_ALL;
    if (response.status >= 400 || response.status < 200 || response.status >= 300) return ALLOW_ALL;
    const robot = robotsParser(robotsUrl, new TextDecoder().decode(response.body));
    const agent = this.userAgent;
    return (url) => robot.isAllowed(url, agent) !== false;
  }
}
