import { describe, expect, it } from 'vitest';
import { parseCliOptions } from '../../../lib/local/cli-options.ts';
import { providerBaseUrlEnv } from '../../../lib/local/fakes/fake-provider.ts';

describe('npm start flags', () => {
  it('It should read repeatable --provider-url and --allow-host flags', () => {
    const options = parseCliOptions(['--provider-url', 'Apollo=https://sandbox.example.com/api/', '--provider-url', 'web=http://127.0.0.1:8081', '--allow-host', '127.0.0.1:8080', '--allow-host', 'LOCALHOST:3000']);

    expect(options.providerUrls).toEqual({ apollo: 'https://sandbox.example.com/api', web: 'http://127.0.0.1:8081' });
    expect(options.allowHosts).toEqual(['127.0.0.1:8080', 'localhost:3000']);
  });

  it('It should move every service port with --port-base and leave the rest unset without flags', () => {
    expect(parseCliOptions(['--port-base', '5000']).ports).toEqual({ http: 5000, ws: 5001, dynamodb: 5002, sqs: 5003, s3: 5004, search: 5005, mail: 5006 });
    expect(parseCliOptions([])).toEqual({ ephemeral: false, quiet: false, verbose: false });
  });

  it.each([
    ['--provider-url', 'apollo'],
    ['--provider-url', '=http://127.0.0.1:1'],
    ['--provider-url', 'apollo=ftp://127.0.0.1/x'],
    ['--provider-url', 'apollo=not a url'],
    ['--provider-url', '__proto__x!=http://127.0.0.1:1'],
  ])('It should refuse %s %s', (flag, value) => {
    expect(() => parseCliOptions([flag, value])).toThrow(/--provider-url takes NAME=URL/);
  });

  it.each(['127.0.0.1', '127.0.0.1:0', '127.0.0.1:70000', 'http://127.0.0.1:8080', '127.0.0.1:80,10.0.0.1:80'])('It should refuse --allow-host %s', (value) => {
    expect(() => parseCliOptions(['--allow-host', value])).toThrow(/--allow-host takes host:port/);
  });

  it('It should name the environment variable a provider reads its base URL from', () => {
    expect(providerBaseUrlEnv('apollo')).toBe('PROVIDER_APOLLO_BASE_URL');
    expect(providerBaseUrlEnv('sec-edgar')).toBe('PROVIDER_SEC_EDGAR_BASE_URL');
  });
});
