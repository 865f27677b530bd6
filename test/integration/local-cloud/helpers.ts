import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startLocalCloud } from '../../../lib/local/cloud.ts';
import type { LocalCloud, LocalCloudOptions } from '../../../lib/local/cloud.ts';
import { RANDOM_PORTS, fixtureTopology } from '../../fixtures/local-cloud/topology.ts';

export { LOCAL_CREDENTIALS as CREDENTIALS, LOCAL_REGION as REGION } from '../../../lib/local/aws.ts';
export { eventually } from '../../helpers/eventually.ts';

export const startFixtureCloud = (service: string, options: LocalCloudOptions = {}): Promise<LocalCloud> =>
  startLocalCloud({ topology: fixtureTopology(service), ports: RANDOM_PORTS, quiet: true, ...(options.dataDir === undefined ? { ephemeral: true } : {}), ...options });


/** DynamoDB Local JVMs listening on `port` (other test files run their own at the same time). */
export const dynamoDbLocalProcesses = async (port: string): Promise<string[]> => {
  const { stdout } = await promisify(execFile)('pgrep', ['-af', 'DynamoDBLocal']).catch(() => ({ stdout: '' }));
  return stdout.split('\n').filter((line) => new RegExp(`-port ${port}(\\s|$)`).test(line));
};

export const portOf = (endpoint: string): string => new URL(endpoint).port;
