import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { ProviderDelivery, ProviderDeliveryStore } from '../../ports/provider-deliveries.port.ts';

/** A provider retries a delivery for hours at most; a month covers any replay worth refusing. */
export const PROVIDER_DELIVERY_TTL_SECONDS = 30 * 86_400;

/** pk = HOOK#<provider>#<request id>, sk = HOOK; expires_at TTL. The conditional put is the dedup. */
export class DynamoProviderDeliveries implements ProviderDeliveryStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  private key(provider: string, requestId: string) {
    return { pk: `HOOK#${provider}#${requestId}`, sk: 'HOOK' };
  }

  async putOnce(delivery: ProviderDelivery): Promise<boolean> {
    const expiresAt = Math.floor(Date.parse(delivery.receivedAt) / 1000) + PROVIDER_DELIVERY_TTL_SECONDS;
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...this.key(delivery.provider, delivery.requestId), provider: delivery.provider, request_id: delivery.requestId, received_at: delivery.receivedAt, results: delivery.results, body: delivery.body, expires_at: expiresAt },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async get(provider: string, requestId: string): Promise<ProviderDelivery | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: this.key(provider, requestId) }));
    if (!Item) return undefined;
    return { provider: Item.provider as string, requestId: Item.request_id as string, receivedAt: Item.received_at as string, results: Item.results as number, body: Item.body as string };
  }
}
