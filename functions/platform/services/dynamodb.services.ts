import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DynamoApiKeyStore } from '../../adapters/dynamodb/api-keys.dynamodb.ts';
import { DynamoConnectionStore } from '../../adapters/dynamodb/connections.dynamodb.ts';
import { DynamoRecordStore } from '../../adapters/dynamodb/records.dynamodb.ts';
import { DynamoUploadLog } from '../../adapters/dynamodb/uploads.dynamodb.ts';
import { config } from '../config.ts';
import { tracer } from '../tracer.ts';
import { once } from './once.ts';

// Composition roots are split by SDK so a handler's bundle carries only the clients it uses.
export const documentClient = /* @__PURE__ */ once(() =>
  DynamoDBDocumentClient.from(tracer.captureAWSv3Client(new DynamoDBClient({ region: config().AWS_REGION })), {
    marshallOptions: { removeUndefinedValues: true },
  }),
);

export const recordStore = /* @__PURE__ */ once(() => new DynamoRecordStore(documentClient(), config().RECORDS_TABLE_NAME));
export const apiKeyStore = /* @__PURE__ */ once(() => new DynamoApiKeyStore(documentClient(), config().CONTROL_TABLE_NAME));
export const connectionStore = /* @__PURE__ */ once(() => new DynamoConnectionStore(documentClient(), config().CONTROL_TABLE_NAME));
export const uploadLog = /* @__PURE__ */ once(() => new DynamoUploadLog(documentClient(), config().CONTROL_TABLE_NAME));
