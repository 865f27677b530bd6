/**
 * Starts the fakes on the local cloud's port range and derives what handlers need to reach
 * them: each provider's base URL, the loopback host:ports the SSRF guard lets through, and the
 * hostnames to connect elsewhere than DNS says. `functions/` learns all of it from its
 * environment, exactly as on AWS it learns the real providers' URLs.
 */
import { LOOPBACK } from '../net.ts';
import type { CloudLog } from '../log.ts';
import { NO_FAULTS, providerBaseUrlEnv } from './fake-provider.ts';
import type { FakeKnobs, FakeProvider, RunningFake } from './fake-provider.ts';

export interface FakesOptions {
  readonly providers: readonly FakeProvider[];
  /** Port of the first fake, the next ones follow; 0 gives every fake a free port. */
  readonly portBase: number;
  readonly seed: string;
  readonly knobs: Readonly<Record<string, Partial<FakeKnobs>>>;
  /** `--provider-url NAME=URL`: that provider's calls go there and its fake is not started. */
  readonly providerUrls: Readonly<Record<string, string>>;
  /** `--allow-host host:port`: loopback servers of the developer's own the guard lets through. */
  readonly allowHosts: readonly string[];
  /** The local API's base URL once its gateway listens (fakes that send webhooks call it). */
  readonly apiUrl?: () => string | undefined;
}

export interface StartedFake {
  readonly name: string;
  readonly url: string;
}

export interface StartedFakes {
  readonly fakes: readonly StartedFake[];
  /** Handler environment: PROVIDER_<NAME>_BASE_URL, OUTBOUND_ALLOW_HOSTS, OUTBOUND_CONNECT_TO. */
  readonly env: Readonly<Record<string, string>>;
}

const hostPortOf = (url: string): string => new URL(url).host;

const outboundEnv = (options: FakesOptions, started: readonly (StartedFake & { hostnames: readonly string[] })[]): Record<string, string> => {
  const env: Record<string, string> = {};
  for (const fake of started) env[providerBaseUrlEnv(fake.name)] = fake.url;
  for (const [name, url] of Object.entries(options.providerUrls)) env[providerBaseUrlEnv(name)] = url;
  const allowHosts = [...new Set([...started.map((fake) => hostPortOf(fake.url)), ...options.allowHosts])];
  if (allowHosts.length > 0) env.OUTBOUND_ALLOW_HOSTS = allowHosts.join(',');
  const connectTo = started.flatMap((fake) => fake.hostnames.map((pattern) => `${pattern}=${hostPortOf(fake.url)}`));
  if (connectTo.length > 0) env.OUTBOUND_CONNECT_TO = connectTo.join(',');
  return env;
};

/** Starts every fake not overridden; `register` receives each stop as soon as it runs. */
export const startFakes = async (options: FakesOptions, register: (stop: () => Promise<void>) => void, log: CloudLog): Promise<StartedFakes> => {
  const overridden = new Set(Object.keys(options.providerUrls).map(providerBaseUrlEnv));
  const started = await Promise.all(
    options.providers.map(async (provider, index) => {
      if (overridden.has(providerBaseUrlEnv(provider.name))) return undefined;
      const running: RunningFake = await provider.start({
        host: LOOPBACK,
        port: options.portBase === 0 ? 0 : options.portBase + index,
        seed: `${options.seed}:${provider.name}`,
        knobs: { ...NO_FAULTS, ...options.knobs[provider.name] },
        ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
      });
      register(running.close);
      log.info(`fake ${provider.name} on ${running.url}`);
      return { name: provider.name, url: running.url, hostnames: provider.hostnames ?? [] };
    }),
  );
  const running = started.filter((fake) => fake !== undefined);
  return { fakes: running.map(({ name, url }) => ({ name, url })), env: outboundEnv(options, running) };
};
