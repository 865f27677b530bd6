import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { FREE_LIMITS, type Plan, type PlanLimits } from '../../domain/billing/plans.ts';
import type { BillingStore, SubscriptionLink, WorkspaceBilling } from '../../ports/payments.port.ts';
import { isConditionFailure } from './transactions.ts';

/**
 * Billing in the control table:
 * - plans cache: pk = CACHE#BILLING_PLANS, sk = CACHE (expires_at TTL);
 * - subscription → workspace: pk = PAYSUB#<subscription id>, sk = PAYSUB;
 * - workspace billing: pk = WS#<workspace>, sk = BILLING; the limits it grants go on the
 *   workspace's LIMITS item (read by the authorizer and the download ledger);
 * - processed webhook event: pk = PAYEVENT#<event id>, sk = PAYEVENT (expires_at TTL).
 */
const PLANS_KEY = { pk: 'CACHE#BILLING_PLANS', sk: 'CACHE' };
const linkKey = (subscriptionId: string) => ({ pk: `PAYSUB#${subscriptionId}`, sk: 'PAYSUB' });
const eventKey = (eventId: string) => ({ pk: `PAYEVENT#${eventId}`, sk: 'PAYEVENT' });
const billingKey = (workspaceId: string) => ({ pk: `WS#${workspaceId}`, sk: 'BILLING' });
const limitsKey = (workspaceId: string) => ({ pk: `WS#${workspaceId}`, sk: 'LIMITS' });
const epoch = (date: Date): number => Math.floor(date.getTime() / 1000);

const isFree = (limits: PlanLimits): boolean =>
  limits.apiRequestsPerHour === FREE_LIMITS.apiRequestsPerHour && limits.downloadRowsPerUser === FREE_LIMITS.downloadRowsPerUser && limits.lookupCredits === FREE_LIMITS.lookupCredits;

export class DynamoBillingStore implements BillingStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async cachedPlans(now: Date): Promise<Plan[] | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: PLANS_KEY }));
    // TTL deletion lags by up to days: an expired item is a miss.
    if (!Item || Number(Item.expires_at) <= epoch(now)) return undefined;
    return Item.plans as Plan[];
  }

  async cachePlans(plans: readonly Plan[], expiresAt: Date): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...PLANS_KEY, plans, expires_at: epoch(expiresAt) } }));
  }

  async saveLink(link: SubscriptionLink): Promise<void> {
    await this.client.send(new PutCommand({ TableName: this.tableName, Item: { ...linkKey(link.subscriptionId), ...link } }));
  }

  async findLink(subscriptionId: string): Promise<SubscriptionLink | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: linkKey(subscriptionId), ConsistentRead: true }));
    if (!Item) return undefined;
    return { subscriptionId: Item.subscriptionId, workspaceId: Item.workspaceId, planId: Item.planId, planType: Item.planType, limits: Item.limits as PlanLimits };
  }

  async billing(workspaceId: string): Promise<WorkspaceBilling | undefined> {
    const { Item } = await this.client.send(new GetCommand({ TableName: this.tableName, Key: billingKey(workspaceId), ConsistentRead: true }));
    if (!Item) return undefined;
    const { pk: _pk, sk: _sk, ...billing } = Item;
    return billing as WorkspaceBilling;
  }

  async saveBilling(billing: WorkspaceBilling): Promise<void> {
    const { limits } = billing;
    // Free limits are the absence of the plan's attributes: every reader falls back to its default.
    const limitsUpdate = isFree(limits)
      ? { UpdateExpression: 'SET workspace_id = :ws REMOVE api_requests_per_hour, download_rows_per_user, lookup_credits', ExpressionAttributeValues: { ':ws': billing.workspaceId } }
      : {
          UpdateExpression: 'SET workspace_id = :ws, api_requests_per_hour = :api, download_rows_per_user = :rows, lookup_credits = :credits',
          ExpressionAttributeValues: { ':ws': billing.workspaceId, ':api': limits.apiRequestsPerHour, ':rows': limits.downloadRowsPerUser, ':credits': limits.lookupCredits },
        };
    await this.client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: this.tableName, Item: { ...billingKey(billing.workspaceId), ...billing } } },
          { Update: { TableName: this.tableName, Key: limitsKey(billing.workspaceId), ...limitsUpdate } },
        ],
      }),
    );
  }

  async claimEvent(eventId: string, expiresAt: Date): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({ TableName: this.tableName, Item: { ...eventKey(eventId), expires_at: epoch(expiresAt) }, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  async releaseEvent(eventId: string): Promise<void> {
    await this.client.send(new DeleteCommand({ TableName: this.tableName, Key: eventKey(eventId) }));
  }
}
