import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Client as SearchClient } from '@opensearch-project/opensearch';
import { DynamoApiKeyStore } from '../adapters/dynamodb/api-keys.dynamodb.ts';
import { DynamoConnectionStore } from '../adapters/dynamodb/connections.dynamodb.ts';
import { DynamoRecordStore } from '../adapters/dynamodb/records.dynamodb.ts';
import { DynamoUploadLog } from '../adapters/dynamodb/uploads.dynamodb.ts';
import { ApiGatewayPush, createPushClient } from '../adapters/apigw/push.apigw.ts';
import { OpenSearchRecordSearch } from '../adapters/opensearch/records.opensearch.ts';
import { createSearchClient } from '../adapters/opensearch/search-client.ts';
import { config } from './config.ts';

/**
 * The composition root: each adapter is built once per process, on first use, so warm
 * invocations reuse clients and connections, and a function never builds what it never uses.
 */
const once = <T>(build: () => T): (() => T) => {
  let value: T | undefined;
  return () => (value ??= build());
};

const documentClient = once(() =>
  DynamoDBDocumentClient.from(new DynamoDBClient({ region: config().AWS_REGION }), {
    marshallOptions: { removeUndefinedValues: true },
  }),
);

export const searchClient = once((): SearchClient => createSearchClient(config().SEARCH_ENDPOINT, config().AWS_REGION));

export const recordStore = once(() => new DynamoRecordStore(documentClient(), config().RECORDS_TABLE_NAME));
export const apiKeyStore = once(() => new DynamoApiKeyStore(documentClient(), config().CONTROL_TABLE_NAME));
export const connectionStore = once(() => new DynamoConnectionStore(documentClient(), config().CONTROL_TABLE_NAME));
export const uploadLog = once(() => new DynamoUploadLog(documentClient(), config().CONTROL_TABLE_NAME));
export const recordSearch = once(() => new OpenSearchRecordSearch(searchClient()));

export const push = once(() => {
  const endpoint = config().WS_MANAGEMENT_ENDPOINT;
  if (!endpoint) throw new Error('WS_MANAGEMENT_ENDPOINT is not set');
  return new ApiGatewayPush(createPushClient(endpoint, config().AWS_REGION));
});
