import { mkdir, mkdtemp } from 'node:fs/promises';
import path from 'node:path';
import { topology as projectTopology } from '../topology.ts';
import type { Topology } from '../topology.ts';
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
};

export const DEFAULT_DATA_DIR = path.join(REPO_ROOT, '.leadstack', 'data');
const EPHEMERAL_ROOT = path.join(REPO_ROOT, '.tmp');

export interface ResolvedOptions {
  topology: Topology;
  dataDir: string;
  ephemeral: boolean;
  ports: Record<PortName, number>;
  quiet: boolean;
}

const checkPorts = (ports: Record<PortName, number>): void => {
  for (const [name, port] of Object.entries(ports)) {
    if (!Number.isInteger(port) || port < 0 || port > 65_535) {
      throw new Error(`ports.${name} must be an integer from 0 to 65535, got ${String(port)}`);
    }
  }
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
    await mkdir(EPHEMERAL_ROOT, { recursive: true });
    dataDir = await mkdtemp(path.join(EPHEMERAL_ROOT, 'local-cloud-'));
  } else {
    dataDir = path.resolve(REPO_ROOT, opts.dataDir ?? DEFAULT_DATA_DIR);
    await mkdir(dataDir, { recursive: true });
  }
  return { topology: opts.topology ?? projectTopology, dataDir, ephemeral, ports, quiet: opts.quiet ?? false };
};
