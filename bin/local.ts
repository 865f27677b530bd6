/**
 * `npm start`: the whole stack offline on 127.0.0.1, with a development workspace and its
 * API key and admin user. Flags: --ephemeral (throwaway data), --data-dir <dir>, --port-base <n> (seven
 * consecutive ports instead of 4000-4006), --quiet, --verbose (handlers log at DEBUG; LOG_LEVEL
 * sets any other level, WARN by default).
 */
import { parseArgs } from 'node:util';
import { startLocalCloud } from '../lib/local/cloud.ts';
import type { LocalCloud, LocalCloudOptions } from '../lib/local/cloud.ts';
import { ensureDevWorkspace } from '../lib/local/dev-workspace.ts';
import type { DevWorkspace } from '../lib/local/dev-workspace.ts';
import type { PortName } from '../lib/local/types.ts';

const PORT_ORDER: readonly PortName[] = ['http', 'ws', 'dynamodb', 'sqs', 's3', 'search', 'mail'];

const readOptions = (): LocalCloudOptions => {
  const { values } = parseArgs({
    options: {
      ephemeral: { type: 'boolean', default: false },
      'data-dir': { type: 'string' },
      'port-base': { type: 'string' },
      quiet: { type: 'boolean', default: false },
      verbose: { type: 'boolean', default: false },
    },
  });
  // The cloud hands LOG_LEVEL to the handler environment when it starts.
  if (values.verbose) process.env.LOG_LEVEL = 'DEBUG';
  const options: LocalCloudOptions = { ephemeral: values.ephemeral, quiet: values.quiet };
  if (values['data-dir'] !== undefined) options.dataDir = values['data-dir'];
  if (values['port-base'] !== undefined) {
    const base = Number(values['port-base']);
    if (!Number.isInteger(base) || base < 1 || base + PORT_ORDER.length > 65_536) throw new Error(`--port-base must be a port number, got ${values['port-base']}`);
    options.ports = Object.fromEntries(PORT_ORDER.map((name, index) => [name, base + index]));
  }
  return options;
};

const describe = (cloud: LocalCloud, { apiKey, workspaceId, admin }: DevWorkspace, readyMs: number): string =>
  [
    '',
    `leadstack local cloud ready in ${readyMs} ms (data: ${cloud.dataDir})`,
    '',
    `  HTTP API         ${cloud.endpoints.http}`,
    `  WebSocket API    ${cloud.endpoints.ws}`,
    `  @connections     ${cloud.endpoints.wsManagement}`,
    `  DynamoDB         ${cloud.endpoints.dynamodb}`,
    `  SQS              ${cloud.endpoints.sqs}`,
    `  S3               ${cloud.endpoints.s3}   (bucket ${cloud.resources.bucket})`,
    `  Search           ${cloud.endpoints.search}`,
    `  Mail (SES)       ${cloud.endpoints.mail}   (sent mail: ${cloud.endpoints.mail}/outbox)`,
    '',
    `  Dev workspace    ${workspaceId}`,
    `  Dev API key      ${apiKey}`,
    `  Dev admin        ${admin.email} / ${admin.password}`,
    '',
    `  curl -H "authorization: Bearer ${apiKey}" ${cloud.endpoints.http}/v1/health`,
    '',
    'Ctrl+C stops everything.',
    '',
  ].join('\n');

const main = async (): Promise<void> => {
  const startedAt = performance.now();
  const cloud = await startLocalCloud(readOptions());
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl+C: leave now; the exit hook still kills DynamoDB Local's JVM.
      process.exit(130);
    }
    stopping = true;
    console.log(`\n${signal}: stopping the local cloud...`);
    cloud.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  try {
    console.log(describe(cloud, await ensureDevWorkspace(cloud), Math.round(performance.now() - startedAt)));
  } catch (error) {
    await cloud.stop();
    throw error;
  }
};

main().catch((error: unknown) => {
  console.error('The local cloud could not start:', error);
  process.exit(1);
});
