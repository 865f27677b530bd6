import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { APIGatewayProxyResultV2 } from 'aws-lambda';
import { idempotentRequest } from '../http/idempotency.ts';
import { config } from '../config.ts';
import { tracer } from '../tracer.ts';
import { once } from './once.ts';

// Powertools' persistence layer takes the plain client, not the document client.
const idempotencyClient = /* @__PURE__ */ once(() => tracer.captureAWSv3Client(new DynamoDBClient({ region: config().AWS_REGION })));

/** The Idempotency-Key middleware of a creating route, on the control table. */
export const idempotencyMiddleware = (storedResponse?: (response: APIGatewayProxyResultV2) => APIGatewayProxyResultV2) =>
  idempotentRequest({ client: idempotencyClient, tableName: () => config().CONTROL_TABLE_NAME, ...(storedResponse ? { storedResponse } : {}) });
