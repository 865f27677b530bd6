/**
 * While `npm start` runs, it leaves its endpoints in a small file so that tools on the same
 * machine (`npm run admin`) find the running local cloud without environment variables. The
 * file names the process that wrote it: a file left by a killed run is recognised as stale.
 */
import { readFile, rm, writeFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from './options.ts';
import type { LocalCloud } from './types.ts';

/** Where `npm start` writes it and `npm run admin` looks by default. */
export const DEFAULT_STATE_FILE = path.join(REPO_ROOT, '.leadstack', 'local-cloud.json');

export interface LocalCloudState {
  readonly pid: number;
  readonly endpoints: LocalCloud['endpoints'];
  readonly controlTable: string;
  readonly dataDir: string;
}

export const writeLocalState = async (file: string, cloud: LocalCloud, pid = process.pid): Promise<void> => {
  const state: LocalCloudState = { pid, endpoints: cloud.endpoints, controlTable: cloud.resources.tables.control, dataDir: cloud.dataDir };
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
};

export const removeLocalState = (file: string): Promise<void> => rm(file, { force: true });

const processAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The running cloud the file describes, or undefined when there is no file or its process is gone. */
export const readLocalState = async (file: string): Promise<LocalCloudState | undefined> => {
  let state: LocalCloudState;
  try {
    state = JSON.parse(await readFile(file, 'utf8')) as LocalCloudState;
  } catch {
    return undefined;
  }
  if (!Number.isInteger(state.pid) || typeof state.controlTable !== 'string' || typeof state.endpoints?.dynamodb !== 'string') return undefined;
  return processAlive(state.pid) ? state : undefined;
};
