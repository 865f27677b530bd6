/**
 * `npm start` flags → LocalCloudOptions. Kept out of bin/local.ts so tests boot the cloud from
 * the same parse the CLI uses.
 */
import { parseArgs } from 'node:util';
import type { LocalCloudOptions, PortName } from './types.ts';

/** `--port-base n` puts these on n, n+1, ...; the fakes follow on the next ports. */
export const PORT_ORDER: readonly PortName[] = ['http', 'ws', 'dynamodb', 'sqs', 's3', 'search', 'mail'];

const PROVIDER_NAME = /^[a-z][a-z0-9_-]*$/i;
const HOST_PORT = /^[a-z0-9.-]+:\d{1,5}$/i;

const parseProviderUrl = (flag: string): [string, string] => {
  const separator = flag.indexOf('=');
  const name = flag.slice(0, separator);
  const url = flag.slice(separator + 1);
  let protocol = '';
  try {
    protocol = new URL(url).protocol;
  } catch {
    // reported below
  }
  if (separator < 1 || !PROVIDER_NAME.test(name) || !['http:', 'https:'].includes(protocol)) {
    throw new Error(`--provider-url takes NAME=URL with an http(s) URL, got ${flag}`);
  }
  return [name.toLowerCase(), url.replace(/\/+$/, '')];
};

const parseAllowHost = (flag: string): string => {
  const port = Number(flag.slice(flag.lastIndexOf(':') + 1));
  if (!HOST_PORT.test(flag) || port < 1 || port > 65_535) throw new Error(`--allow-host takes host:port, got ${flag}`);
  return flag.toLowerCase();
};

export const parseCliOptions = (args: readonly string[]): LocalCloudOptions & { verbose: boolean } => {
  const { values } = parseArgs({
    args: [...args],
    options: {
      ephemeral: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'port-base': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
      'provider-url': { type: 'string', multiple: true, default: [] },
      'allow-host': { type: 'string', multiple: true, default: [] },
      'fake-seed': { type: 'string' },
    },
  });
  const options: LocalCloudOptions & { verbose: boolean } = { ephemeral: values.ephemeral, quiet: values.quiet, verbose: values.verbose };
  if (values['data-dir'] !== undefined) options.dataDir = values['data-dir'];
  if (values['port-base'] !== undefined) {
    const base = Number(values['port-base']);
    if (!Number.isInteger(base) || base < 1 || base + PORT_ORDER.length > 65_536) throw new Error(`--port-base must be a port number, got ${values['port-base']}`);
    options.ports = Object.fromEntries(PORT_ORDER.map((name, index) => [name, base + index]));
  }
  if (values['provider-url'].length > 0) options.providerUrls = Object.fromEntries(values['provider-url'].map(parseProviderUrl));
  if (values['allow-host'].length > 0) options.allowHosts = values['allow-host'].map(parseAllowHost);
  if (values['fake-seed'] !== undefined) options.fakeSeed = values['fake-seed'];
  return options;
};

/** The banner lines for the fakes and for providers sent elsewhere. */
export const describeFakes = (fakes: readonly { name: string; url: string }[], providerUrls: Readonly<Record<string, string>> = {}): string[] => [
  ...fakes.map((fake) => `  Fake ${fake.name.padEnd(12)}${fake.url}   (knobs: ${fake.url}/__fake/knobs)`),
  ...Object.entries(providerUrls).map(([name, url]) => `  Provider ${name.padEnd(8)}${url}   (--provider-url)`),
];
