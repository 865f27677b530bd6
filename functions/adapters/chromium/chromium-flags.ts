/** Where Chromium should send a hostname instead of asking DNS (Chromium's --host-resolver-rules). */
export interface ConnectToRule {
  /** A hostname or a `*.` wildcard, e.g. `*.test`. */
  readonly pattern: string;
  readonly host: string;
  readonly port: number;
}

/**
 * Chromium phones home on start (component updates, safe browsing, sync, metrics). The
 * machines it runs on may have no route out, and a collector's browser has no business there.
 */
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--mute-audio',
  '--safebrowsing-disable-auto-update',
] as const;

const HOST_PATTERN = /^(\*\.)?[a-z0-9.-]+$/i;

/** `--host-resolver-rules=MAP *.test 127.0.0.1:4100`: every matching host reaches that host:port. */
export const hostResolverRules = (connectTo: readonly ConnectToRule[]): string[] => {
  if (connectTo.length === 0) return [];
  for (const rule of connectTo) {
    // A comma or space inside a rule would let it inject a second rule.
    if (!HOST_PATTERN.test(rule.pattern) || !HOST_PATTERN.test(rule.host) || !Number.isInteger(rule.port) || rule.port < 1 || rule.port > 65_535) {
      throw new Error(`connect-to rule ${rule.pattern}=${rule.host}:${rule.port} is not a hostname pattern and a host:port`);
    }
  }
  return [`--host-resolver-rules=${connectTo.map((rule) => `MAP ${rule.pattern} ${rule.host}:${rule.port}`).join(', ')}`];
};
