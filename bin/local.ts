/**
 * `npm start`: the whole stack offline on 127.0.0.1, with a development workspace and its
 * API key and admin user. Flags: --ephemeral (throwaway data), --data-dir <dir>, --port-base <n> (seven
 * consecutive ports instead of 4000-4006, the fakes after them), --quiet, --verbose (handlers log at
 * DEBUG; LOG_LEVEL sets any other level, WARN by default), --provider-url NAME=URL and
 * --allow-host host:port (repeatable), --fake-seed <s>.
 */
import { startLocalCloud } from '../lib/local/cloud.ts';
import type { LocalCloud, LocalCloudOptions } from '../lib/local/cloud.ts';
import { ensureDevWorkspace } from '../lib/local/dev-workspace.ts';
import type { DevWorkspace } from '../lib/local/dev-workspace.ts';
import { describeFakes, parseCliOptions } from '../lib/local/cli-options.ts';
import { JavaMissingError } from '../lib/local/emulators/dynamodb.ts';
import { DEFAULT_STATE_FILE, readLocalState, removeLocalState, writeLocalState } from '../lib/local/state-file.ts';

const JAVA_MISSING = [
  'leadstack could not start: DynamoDB Local needs Java 17 or newer, and no `java` was found on PATH.',
  'Install a Java runtime, then run `npm start` again:',
  '  Debian/Ubuntu: sudo apt-get install -y openjdk-17-jre-headless',
  '  macOS:         brew install openjdk@17',
].join('\n');

const readOptions = (): LocalCloudOptions => {
  const { verbose, ...options } = parseCliOptions(process.argv.slice(2));
  // The cloud hands LOG_LEVEL to the handler environment when it starts.
  if (verbose) process.env.LOG_LEVEL = 'DEBUG';
  return options;
};

const describe = (cloud: LocalCloud, options: LocalCloudOptions, { apiKey, workspaceId, admin }: DevWorkspace, readyMs: number): string =>
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
    ...describeFakes(cloud.fakes, options.providerUrls),
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
  const options = readOptions();
  const cloud = await startLocalCloud(options);
  let stopping = false;
  const shutdown = (signal: NodeJS.Signals): void => {
    if (stopping) {
      // A second Ctrl+C: leave now; the exit hook still kills DynamoDB Local's JVM.
      process.exit(130);
    }
    stopping = true;
    console.log(`\n${signal}: stopping the local cloud...`);
    forgetState()
      .then(() => cloud.stop())
      .then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  // An ephemeral run (tests, benchmarks) leaves no state file: it must not hide the developer's own cloud.
  const stateFile = options.ephemeral ? undefined : DEFAULT_STATE_FILE;
  const forgetState = async (): Promise<void> => {
    if (stateFile !== undefined && (await readLocalState(stateFile))?.pid === process.pid) await removeLocalState(stateFile);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  try {
    const workspace = await ensureDevWorkspace(cloud);
    if (stateFile !== undefined) await writeLocalState(stateFile, cloud);
    console.log(describe(cloud, options, workspace, Math.round(performance.now() - startedAt)));
  } catch (error) {
    await cloud.stop();
    throw error;
  }
};

main().catch((error: unknown) => {
  if (error instanceof JavaMissingError) {
    console.error(JAVA_MISSING);
    process.exit(1);
  }
  console.error('The local cloud could not start:', error);
  process.exit(1);
});
