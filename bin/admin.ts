/**
 * Operator CLI: `npm run admin -- <command> [options]`.
 *
 *   create-api-key --workspace <id> [--name <label>]       prints a new admin key once (only its hash is stored)
 *   revoke-api-key --key <lsk_...>                          revokes a key at once
 *   create-user --workspace <id> --email <e> --name <n> [--role admin|user] [--password <p>]
 *                                                          creates a user (the first admin of a workspace);
 *                                                          without --password one is generated and printed once
 *   set-api-rate-limit --workspace <id> --per-hour <n>      the workspace's API requests per hour per user or key
 *
 * With --table or CONTROL_TABLE_NAME it writes to that control table with the standard AWS
 * credential chain (a deployed stack). Without them it finds the `npm start` running on this
 * machine through the state file it leaves (.leadstack/local-cloud.json, or --local-state <file>)
 * and fails with one line when none runs.
 */
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoApiKeyStore } from '../functions/adapters/dynamodb/api-keys.dynamodb.ts';
import { DynamoWorkspaceLimits } from '../functions/adapters/dynamodb/rate-limits.dynamodb.ts';
import { DynamoUserStore } from '../functions/adapters/dynamodb/users.dynamodb.ts';
import { createUserSchema } from '../functions/domain/accounts/schemas.ts';
import { publicUser } from '../functions/domain/accounts/user.ts';
import { createUser } from '../functions/domain/accounts/users.ts';
import { hashApiKey } from '../functions/domain/auth/api-key.ts';
import { issueApiKey } from '../functions/domain/auth/issue-api-key.ts';
import { generatePassword } from '../functions/domain/auth/password.ts';
import { localClientConfig } from '../lib/local/aws.ts';
import { DEFAULT_STATE_FILE, readLocalState } from '../lib/local/state-file.ts';

const USAGE = [
  'usage: npm run admin -- <command> [--table <control table> | --local-state <file>]',
  '  create-api-key --workspace <id> [--name <label>]',
  '  revoke-api-key --key <key>',
  '  create-user --workspace <id> --email <email> --name <name> [--role admin|user] [--password <password>]',
  '  set-api-rate-limit --workspace <id> --per-hour <n>',
].join('\n');

type Values = Record<string, string | undefined>;

async function createUserCommand(client: DynamoDBDocumentClient, table: string, values: Values): Promise<number> {
  if (!values.workspace) return 2;
  const generated = values.password === undefined;
  const password = values.password ?? generatePassword();
  const parsed = createUserSchema.safeParse({ email: values.email, name: values.name, role: values.role ?? 'admin', password });
  if (!parsed.success) {
    console.error(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('\n'));
    return 2;
  }
  const { user } = await createUser({ users: new DynamoUserStore(client, table), otherWorkspaces: 'reveal' }, values.workspace, {
    email: parsed.data.email,
    name: parsed.data.name,
    role: parsed.data.role,
    password,
  });
  console.log(JSON.stringify({ workspace_id: user.workspaceId, user: publicUser(user), ...(generated ? { password } : {}) }, null, 2));
  if (generated) console.error('The password is shown once; it is stored only as a scrypt hash.');
  return 0;
}

/**
 * A named table means a deployed stack (standard AWS configuration); no table means the local
 * cloud running on this machine, or one line saying there is none.
 */
async function chooseTarget(namedTable: string | undefined, stateFile: string | undefined): Promise<{ table: string; client: DynamoDBClient } | undefined> {
  if (namedTable) return { table: namedTable, client: new DynamoDBClient({}) };
  const local = await readLocalState(stateFile ?? DEFAULT_STATE_FILE);
  if (local === undefined) {
    console.error('No running local cloud found (start one with `npm start`); for a deployed stack pass --table or set CONTROL_TABLE_NAME.');
    return undefined;
  }
  return { table: local.controlTable, client: new DynamoDBClient(localClientConfig(local.endpoints.dynamodb)) };
}

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      workspace: { type: 'string' },
      name: { type: 'string' },
      key: { type: 'string' },
      table: { type: 'string' },
      email: { type: 'string' },
      role: { type: 'string' },
      password: { type: 'string' },
      'per-hour': { type: 'string' },
      'local-state': { type: 'string' },
    },
  });
  const target = await chooseTarget(values.table ?? process.env.CONTROL_TABLE_NAME, values['local-state']);
  if (target === undefined) return 2;
  const { table } = target;
  const client = DynamoDBDocumentClient.from(target.client);
  const store = new DynamoApiKeyStore(client, table);
  try {
    switch (positionals[0]) {
      case 'create-api-key': {
        if (!values.workspace) break;
        const issued = await issueApiKey(store, values.workspace, values.name ?? 'created with npm run admin');
        console.log(JSON.stringify({ workspace_id: issued.workspaceId, key_id: issued.keyId, api_key: issued.key }, null, 2));
        return 0;
      }
      case 'revoke-api-key': {
        if (!values.key) break;
        await store.revoke(hashApiKey(values.key), new Date().toISOString());
        console.log('revoked');
        return 0;
      }
      case 'create-user': {
        const code = await createUserCommand(client, table, values);
        if (code === 0) return 0;
        break;
      }
      case 'set-api-rate-limit': {
        const perHour = Number(values['per-hour']);
        if (!values.workspace || !Number.isInteger(perHour) || perHour < 1) break;
        await new DynamoWorkspaceLimits(client, table).setApiRequestsPerHour(values.workspace, perHour);
        console.log(`workspace ${values.workspace}: ${perHour} API requests per hour per user or key`);
        return 0;
      }
    }
    console.error(USAGE);
    return 2;
  } finally {
    client.destroy();
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  // An operator needs the reason, not the SDK's stack.
  console.error(`admin: ${(error as Error).message}`);
  process.exitCode = 1;
}
