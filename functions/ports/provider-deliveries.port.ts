/** Webhook deliveries a provider made to leadstack, kept once per provider request id. */
export interface ProviderDelivery {
  readonly provider: string;
  readonly requestId: string;
  readonly receivedAt: string;
  /** How many results the delivery carried. */
  readonly results: number;
  /** The raw body as received (what the signature covered). */
  readonly body: string;
}

export interface ProviderDeliveryStore {
  /** Keeps the delivery unless one with its provider and request id is kept: false for a replay. */
  putOnce(delivery: ProviderDelivery): Promise<boolean>;
  get(provider: string, requestId: string): Promise<ProviderDelivery | undefined>;
}
