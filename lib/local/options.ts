import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { topology as projectTopology } from '../topology.ts';
import type { Topology } from '../topology.ts';
import { FAKE_PROVIDERS } from './fakes/fakes.ts';
import type { FakesOptions } from './fakes/start-fakes.ts';
import type { LocalCloudOptions, PortName } from './types.ts';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The ports `npm start` uses, so a frontend and its `.env` can rely on them. */
export const DEFAULT_PORTS: Readonly<Record<PortName, number>> = {
  http: 4000,
  ws: 4001,
  dynamodb: 4002,
  sqs: 4003,
  s3: 4004,
  search: 4005,
  mail: 4006,
};

export const DEFAULT_FAKE_SEED = 'leadstack';

export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.leadstack', 'data');
const EPHEMERAL_ROOT = path.join(REPO_ROOT, '.tmp');
const EPHEMERAL_PREFIX = 'local-cloud-';
const OWNER_FILE = 'owner.pid';

export interface ResolvedOptions {
  topology: Topology;
  dataDir: string;
  ephemeral: boolean;
  ports: Record<PortName, number>;
  quiet: boolean;
  fakes: FakesOptions;
}

const checkPorts = (ports: Record<PortName, number>): void => {
  for (const [name, port] of Object.entries(ports)) {
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new Error(`ports.${name} must be an integer from 0 to 65535, got ${String(port)}`);
    }
  }
};

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * An ephemeral directory outlives its cloud only when the process was killed before stop();
 * the next ephemeral start removes those whose owner process is gone.
 */
const sweepAbandoned = async (): Promise<void> => {
  const entries = await readdir(EPHEMERAL_ROOT).catch(() => []);
  for (const entry of entries.filter((name) => name.startsWith(EPHEMERAL_PREFIX))) {
    const dir = path.join(EPHEMERAL_ROOT, entry);
    const owner = Number(await readFile(path.join(dir, OWNER_FILE), 'utf8').catch(() => ''));
    if (Number.isInteger(owner) && owner > 0 && !isAlive(owner)) await rm(dir, { recursive: true, force: true });
  }
};

const createEphemeralDir = async (): Promise<string> => {
  await mkdir(EPHEMERAL_ROOT, { recursive: true });
  await sweepAbandoned();
  const dir = await mkdtemp(path.join(EPHEMERAL_ROOT, EPHEMERAL_PREFIX));
  await writeFile(path.join(dir, OWNER_FILE), String(process.pid));
  return dir;
};

/** The fakes take the ports after the mail catcher, so `--port-base` moves them too. */
const fakesOptions = (opts: LocalCloudOptions, ports: Record<PortName, number>): FakesOptions => {
  const portBase = opts.fakePortBase ?? (ports.mail === 0 ? 0 : ports.mail + 1);
  const providers = opts.fakes ?? FAKE_PROVIDERS;
  if (portBase !== 0 && portBase + providers.length > 65_536) throw new Error(`the fakes need ports ${portBase}-${portBase + providers.length - 1}`);
  return {
    providers,
    portBase,
    seed: opts.fakeSeed ?? DEFAULT_FAKE_SEED,
    knobs: opts.fakeKnobs ?? {},
    providerUrls: opts.providerUrls ?? {},
    allowHosts: opts.allowHosts ?? [],
  };
};

export const resolveOptions = async (opts: LocalCloudOptions = {}): Promise<ResolvedOptions> => {
  const ports = { ...DEFAULT_PORTS, ...opts.ports };
  checkPorts(ports);
  const ephemeral = opts.ephemeral ?? false;
  if (ephemeral && opts.dataDir !== undefined) {
    throw new Error('ephemeral and dataDir exclude each other: an ephemeral cloud deletes its directory on stop');
  }
  let dataDir: string;
  if (ephemeral) {
    dataDir = await createEphemeralDir();
  } else {
    dataDir = path.resolve(REPO_ROOT, opts.dataDir ?? DEFAULT_DATA_DIR);
    await mkdir(dataDir, { recursive: true });
  }
  return { topology: opts.topology ?? projectTopology, dataDir, ephemeral, ports, quiet: opts.quiet ?? false, fakes: fakesOptions(opts, ports) };
};
