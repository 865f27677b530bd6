/**
 * fauxqs as the SQS emulator, started from its `buildApp()` so it listens on loopback only
 * (its CLI and `startFauxqs()` bind 0.0.0.0).
 *
 * Persistence: `startFauxqs({ dataDir })` wires a SQLite store, but only on the 0.0.0.0 path.
 * We do the same wiring around `buildApp()` from fauxqs' own modules. They are not in its
 * package exports, so they are loaded by file path; if a fauxqs upgrade moves them, queues
 * fall back to memory with a warning instead of failing the start (resources are recreated
 * from the topology on every start anyway; only undelivered messages are lost).
 */
import { buildApp } from 'fauxqs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { CloudLog } from '../log.ts';
import { LOOPBACK, httpUrl } from '../net.ts';
import { REPO_ROOT } from '../options.ts';

export interface SqsEmulator {
  endpoint: string;
  stop(): Promise<void>;
}

export interface SqsEmulatorOptions {
  port: number;
  /** SQLite directory; undefined keeps queues and messages in memory. */
  dataDir?: string;
  log: CloudLog;
}

interface Persisted {
  persistence?: unknown;
}
interface SqsStoreLike extends Persisted {
  allQueues(): Iterable<Persisted>;
}
interface PersistenceManagerLike {
  loadSqsAndSns(sqs: SqsStoreLike, sns: Persisted): void;
  close(): void;
}
type Stores = NonNullable<NonNullable<Parameters<typeof buildApp>[0]>['stores']>;
interface PersistentStores {
  stores: Stores;
  close(): void;
}

const fauxqsDistDir = (): string => {
  try {
    return path.dirname(fileURLToPath(import.meta.resolve('fauxqs')));
  } catch {
    return path.join(REPO_ROOT, 'node_modules', 'fauxqs', 'dist');
  }
};

const importDist = async <T>(relative: string): Promise<T> =>
  (await import(pathToFileURL(path.join(fauxqsDistDir(), relative)).href)) as T;

const persistentStores = async (dataDir: string): Promise<PersistentStores> => {
  const [{ SqsStore }, { SnsStore }, { S3Store }, { PersistenceManager }] = await Promise.all([
    importDist<{ SqsStore: new () => SqsStoreLike }>('sqs/sqsStore.js'),
    importDist<{ SnsStore: new () => Persisted }>('sns/snsStore.js'),
    importDist<{ S3Store: new () => Persisted }>('s3/s3Store.js'),
    importDist<{ PersistenceManager: new (dir: string) => PersistenceManagerLike }>('persistence.js'),
  ]);
  await mkdir(dataDir, { recursive: true });
  const manager = new PersistenceManager(dataDir);
  const sqsStore = new SqsStore();
  const snsStore = new SnsStore();
  // Load before attaching persistence, as fauxqs does, so loading does not write back.
  manager.loadSqsAndSns(sqsStore, snsStore);
  sqsStore.persistence = manager;
  snsStore.persistence = manager;
  for (const queue of sqsStore.allQueues()) queue.persistence = manager;
  return { stores: { sqsStore, snsStore, s3Store: new S3Store() } as unknown as Stores, close: () => manager.close() };
};

const tryPersistentStores = async (dataDir: string, log: CloudLog): Promise<PersistentStores | undefined> => {
  try {
    return await persistentStores(dataDir);
  } catch (error) {
    log.warn('fauxqs persistence is unavailable; queues keep their messages in memory only', error);
    return undefined;
  }
};

export const startSqs = async ({ port, dataDir, log }: SqsEmulatorOptions): Promise<SqsEmulator> => {
  const persistent = dataDir === undefined ? undefined : await tryPersistentStores(dataDir, log);
  const app = buildApp({ logger: false, ...(persistent ? { stores: persistent.stores } : {}) });
  if (persistent) app.addHook('preClose', () => persistent.close());
  let address: string;
  try {
    address = await app.listen({ port, host: LOOPBACK });
  } catch (error) {
    // close() runs the preClose hook, which releases the SQLite file.
    await app.close();
    throw error;
  }
  const endpoint = httpUrl(Number(new URL(address).port));
  log.info(`SQS (fauxqs) on ${endpoint} (${persistent ? dataDir : 'in memory'})`);
  return { endpoint, stop: () => app.close() };
};
