import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startLocalCloud } from '../../../lib/local/cloud.ts';
import type { LocalCloud, LocalCloudOptions } from '../../../lib/local/cloud.ts';
import { RANDOM_PORTS, fixtureTopology } from '../../fixtures/local-cloud/topology.ts';

export const REGION = 'us-east-1';
/** s3rver checks signatures against its one key pair; the other emulators accept it too. */
export const CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export const startFixtureCloud = (service: string, options: LocalCloudOptions = {}): Promise<LocalCloud> =>
  startLocalCloud({ topology: fixtureTopology(service), ports: RANDOM_PORTS, quiet: true, ...(options.dataDir === undefined ? { ephemeral: true } : {}), ...options });

/** Polls until `check` returns something other than undefined/false, or fails after `timeoutMs`. */
export const eventually = async <T>(check: () => T | undefined | false | Promise<T | undefined | false>, what: string, timeoutMs = 15_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value !== undefined && value !== false) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}${lastError === undefined ? '' : `: ${String(lastError)}`}`);
};

/** DynamoDB Local JVMs listening on `port` (other test files run their own at the same time). */
export const dynamoDbLocalProcesses = async (port: string): Promise<string[]> => {
  const { stdout } = await promisify(execFile)('pgrep', ['-af', 'DynamoDBLocal']).catch(() => ({ stdout: '' }));
  return stdout.split('\n').filter((line) => new RegExp(`-port ${port}(\\s|$)`).test(line));
};

export const portOf = (endpoint: string): string => new URL(endpoint).port;
