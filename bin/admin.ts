/**
 * Operator CLI: `npm run admin -- <command> [options]`.
 *
 *   create-api-key --workspace <id> [--name <label>]   prints a new key once (only its hash is stored)
 *   revoke-api-key --key <lsk_...>                      revokes a key at once
 *
 * It writes to the control table named by --table or CONTROL_TABLE_NAME, with the standard AWS
 * credential chain; against the local cloud set AWS_ENDPOINT_URL_DYNAMODB as `npm start` prints.
 */
import { parseArgs } from 'node:util';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoApiKeyStore } from '../functions/adapters/dynamodb/api-keys.dynamodb.ts';
import { hashApiKey } from '../functions/domain/auth/api-key.ts';
import { issueApiKey } from '../functions/domain/auth/issue-api-key.ts';

const USAGE = 'usage: npm run admin -- create-api-key --workspace <id> [--name <label>] | revoke-api-key --key <key>  [--table <control table>]';

async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { workspace: { type: 'string' }, name: { type: 'string' }, key: { type: 'string' }, table: { type: 'string' } },
  });
  const table = values.table ?? process.env.CONTROL_TABLE_NAME;
  if (!table) {
    console.error(`No control table: pass --table or set CONTROL_TABLE_NAME\n${USAGE}`);
    return 2;
  }
  const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));
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
    }
    console.error(USAGE);
    return 2;
  } finally {
    client.destroy();
  }
}

process.exitCode = await main(process.argv.slice(2));
