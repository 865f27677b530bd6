import { PushJobEvents } from '../../adapters/apigw/job-events.apigw.ts';
import { DynamoJobSubscriptions } from '../../adapters/dynamodb/subscriptions.dynamodb.ts';
import { DynamoWsTicketStore } from '../../adapters/dynamodb/tickets.dynamodb.ts';
import { config } from '../config.ts';
import { logger } from '../logger.ts';
import { documentClient } from './dynamodb.services.ts';
import { once } from './once.ts';
import { push } from './push.services.ts';

export const jobSubscriptions = /* @__PURE__ */ once(() => new DynamoJobSubscriptions(documentClient(), config().CONTROL_TABLE_NAME));
export const wsTicketStore = /* @__PURE__ */ once(() => new DynamoWsTicketStore(documentClient(), config().CONTROL_TABLE_NAME));

/** One per Lambda instance, so its progress throttle sees every event the instance publishes. */
export const jobEvents = /* @__PURE__ */ once(() => new PushJobEvents(jobSubscriptions(), push(), logger));
