import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyAddress } from '../../../../functions/domain/outbound/ip-address.ts';
import { checkUrl, resolveTarget, type GuardPolicy } from '../../../../functions/domain/outbound/ssrf-guard.ts';
import { parseAllowHosts, parseConnectTo } from '../../../../functions/platform/outbound-config.ts';
import { UrlBlockedError, type UrlBlockReason } from '../../../../functions/ports/outbound-http.port.ts';
import { makeClient, startServer, WS, type TestServer } from '../../adapters/http/outbound-fixtures.ts';

/** Host names the injected resolver answers, one per address class. */
const DNS: Record<string, string[]> = {
  'public.example': ['93.184.216.34'],
  'ten.example': ['10.1.2.3'],
  'mixed.example': ['93.184.216.34', '192.168.1.20'],
  'mixed6.example': ['2606:2800:220:1::1', 'fd00::1'],
  'rebind.example': ['127.0.0.1'],
  'meta.example': ['169.254.169.254'],
};

/** THE SSRF table: every refused class, as a URL and the reason the guard must give. */
const TABLE: ReadonlyArray<readonly [string, UrlBlockReason]> = [
  ['ftp://public.example/', 'scheme'],
  ['file:///etc/passwd', 'scheme'],
  ['gopher://public.example/', 'scheme'],
  ['http://user:pw@public.example/', 'credentials_in_url'],
  ['http://user@public.example/', 'credentials_in_url'],
  ['http://public.example:8080/', 'port'],
  ['https://public.example:22/', 'port'],
  ['http://10.0.0.1/', 'private_address'],
  ['http://172.16.0.1/', 'private_address'],
  ['http://172.31.255.255/', 'private_address'],
  ['http://192.168.0.1/', 'private_address'],
  ['http://127.0.0.1/', 'loopback_address'],
  ['http://127.255.0.7/', 'loopback_address'],
  ['http://2130706433/', 'loopback_address'],
  ['http://0x7f.1/', 'loopback_address'],
  ['http://localhost/', 'loopback_address'],
  ['http://api.localhost/', 'loopback_address'],
  ['http://[::1]/', 'loopback_address'],
  ['http://169.254.169.254/latest/meta-data/', 'link_local_address'],
  ['http://169.254.1.1/', 'link_local_address'],
  ['http://[fe80::1]/', 'link_local_address'],
  ['http://100.64.0.1/', 'cgnat_address'],
  ['http://100.127.255.254/', 'cgnat_address'],
  ['http://224.0.0.1/', 'multicast_address'],
  ['http://239.255.255.250/', 'multicast_address'],
  ['http://[ff02::1]/', 'multicast_address'],
  ['http://[fc00::1]/', 'unique_local_address'],
  ['http://[fd12:3456::1]/', 'unique_local_address'],
  ['http://0.0.0.0/', 'unspecified_address'],
  ['http://0.1.2.3/', 'unspecified_address'],
  ['http://[::]/', 'unspecified_address'],
  ['http://255.255.255.255/', 'broadcast_address'],
  ['http://[::ffff:127.0.0.1]/', 'loopback_address'],
  ['http://[::ffff:7f00:1]/', 'loopback_address'],
  ['http://[::ffff:10.0.0.1]/', 'private_address'],
  ['http://[::ffff:169.254.169.254]/', 'link_local_address'],
  ['http://[::127.0.0.1]/', 'loopback_address'],
  ['http://[64:ff9b::a9fe:a9fe]/', 'link_local_address'],
  ['http://[2002:c0a8:101::1]/', 'private_address'],
  ['http://metadata.google.internal/computeMetadata/v1/', 'metadata_host'],
  ['http://metadata/', 'metadata_host'],
  ['http://instance-data.ec2.internal/', 'metadata_host'],
  ['http://ten.example/', 'private_address'],
  ['http://mixed.example/', 'private_address'],
  ['http://mixed6.example/', 'unique_local_address'],
  ['http://rebind.example/', 'loopback_address'],
  ['http://meta.example/', 'link_local_address'],
  ['http://nowhere.example/', 'unresolvable_host'],
];

const policy: GuardPolicy = { allowHosts: new Set(), connectTo: [] };
const resolver = async (host: string): Promise<string[]> => {
  const found = DNS[host];
  if (!found) throw new Error('ENOTFOUND');
  return found;
};

const refusal = async (run: () => Promise<unknown>): Promise<UrlBlockReason | 'passed'> => {
  try {
    await run();
    return 'passed';
  } catch (error) {
    if (error instanceof UrlBlockedError) return error.reason;
    throw error;
  }
};

const guard = async (raw: string, p: GuardPolicy = policy) => resolveTarget(checkUrl(raw, p), p, resolver);

describe('SSRF guard, direct', () => {
  it.each(TABLE)('It should refuse %s with %s', async (url, reason) => {
    expect(await refusal(() => guard(url))).toBe(reason);
  });

  it('It should let a public host through and connect to the address it checked', async () => {
    expect(await guard('https://public.example/path')).toEqual({ address: '93.184.216.34', port: 443 });
    expect(await guard('http://93.184.216.34/')).toEqual({ address: '93.184.216.34', port: 80 });
  });

  it('It should judge embedded IPv4 forms by the inner address and pass public IPv6', () => {
    expect(classifyAddress('2001:0:4136:e378:8000:63bf:80ff:fffe')).toBe('loopback_address'); // Teredo wrapping 127.0.0.1
    expect(classifyAddress('::ffff:93.184.216.34')).toBeUndefined();
    expect(classifyAddress('2606:2800:220:1:248:1893:25c8:1946')).toBeUndefined();
  });

  it('It should let exactly the allowed host:port pairs through, nothing else on loopback', async () => {
    const allowed: GuardPolicy = { allowHosts: parseAllowHosts('127.0.0.1:8080,[::1]:9000'), connectTo: [] };

    expect(await guard('http://127.0.0.1:8080/x', allowed)).toEqual({ address: '127.0.0.1', port: 8080 });
    expect(await guard('http://[::1]:9000/', allowed)).toEqual({ address: '::1', port: 9000 });
    expect(await refusal(() => guard('http://127.0.0.1:8081/', allowed))).toBe('loopback_address');
    expect(await refusal(() => guard('http://127.0.0.1/', allowed))).toBe('loopback_address');
    expect(await refusal(() => guard('http://127.0.0.2:8080/', allowed))).toBe('loopback_address');
    expect(await refusal(() => guard('http://[::1]:8080/', allowed))).toBe('loopback_address');
    expect(await refusal(() => guard('http://rebind.example:8080/', allowed))).toBe('port');
  });

  it('It should connect a connect-to pattern to its target, checked like any address', async () => {
    const rules = parseConnectTo('*.test=127.0.0.1:4600,exact.example=93.184.216.34:8443');
    const open: GuardPolicy = { allowHosts: parseAllowHosts('127.0.0.1:4600'), connectTo: rules };
    const closed: GuardPolicy = { allowHosts: new Set(), connectTo: rules };

    expect(await guard('http://acme.test/', open)).toEqual({ address: '127.0.0.1', port: 4600 });
    expect(await guard('https://exact.example/', closed)).toEqual({ address: '93.184.216.34', port: 8443 });
    expect(await refusal(() => guard('http://acme.test/', closed))).toBe('loopback_address');
    expect(await refusal(() => guard('http://sub.exact.example/', closed))).toBe('unresolvable_host');
  });
});

describe('SSRF guard, by redirect from an allowed server', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer((req, res) => {
      const to = new URL(req.url ?? '/', 'http://x').searchParams.get('to');
      res.writeHead(302, { location: to ?? req.url ?? '/' }).end();
    });
  });
  afterAll(() => server.close());

  it.each(TABLE)('It should refuse a redirect to %s with %s', async (url, reason) => {
    const { http, callLog } = makeClient({ OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${server.port}`, PROVIDER_WEBSITE_MAX_RETRIES: '0' }, DNS);
    try {
      expect(await refusal(() => http.request({ provider: 'website', operation: 'page', url: `${server.origin}/go?to=${encodeURIComponent(url)}`, workspaceId: WS, ignoreRobots: true }))).toBe(reason);
      expect(callLog.entries[0]).toMatchObject({ status: 0, error: 'ERR_URL_BLOCKED' });
    } finally {
      await http.close();
    }
  });

  it('It should stop after five redirects with too_many_redirects', async () => {
    const { http } = makeClient({ OUTBOUND_ALLOW_HOSTS: `127.0.0.1:${server.port}` });
    try {
      expect(await refusal(() => http.request({ provider: 'website', operation: 'page', url: `${server.origin}/loop`, workspaceId: WS, ignoreRobots: true }))).toBe('too_many_redirects');
      expect(server.requests.filter((r) => r.url === '/loop')).toHaveLength(6);
    } finally {
      await http.close();
    }
  });
});
