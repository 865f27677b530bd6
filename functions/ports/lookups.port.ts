/**
 * What the lookups use case keeps in the control table beside the cache: each workspace's
 * encrypted provider key, its credit ledger, the lookups it started (so an id is answered only
 * to the workspace that owns it) and the low-credit alert's latch.
 */

/** A provider key as stored: AES-256-GCM ciphertext, never the key itself. */
export interface SealedKey {
  readonly ciphertext: string;
  readonly iv: string;
  readonly tag: string;
  /** The last four characters, so an admin can tell which key is set. */
  readonly hint: string;
  readonly rotatedAt: string;
  readonly rotatedBy?: string;
}

export interface ProviderKeyStore {
  get(workspaceId: string, provider: string): Promise<SealedKey | undefined>;
  put(workspaceId: string, provider: string, key: SealedKey): Promise<void>;
}

export interface LedgerEntry {
  readonly workspaceId: string;
  readonly provider: string;
  readonly operation: string;
  readonly credits: number;
  readonly userId?: string;
  readonly jobId?: string;
  /** The looked-up person's employer or the company's industry, for usage analytics. */
  readonly employer?: string;
  readonly industry?: string;
  /** ISO-8601. */
  readonly at: string;
}

export interface CreditLedger {
  record(entry: LedgerEntry): Promise<void>;
  /** Oldest first, within the inclusive ISO bounds. */
  list(workspaceId: string, from: string, to: string): Promise<readonly LedgerEntry[]>;
}

export interface LookupRegistry {
  /** Notes that the workspace started the provider lookup `id`. */
  remember(workspaceId: string, id: string): Promise<void>;
  owns(workspaceId: string, id: string): Promise<boolean>;
}

/**
 * The low-credit alert fires once per crossing: it disarms when it fires and re-arms only when
 * the balance is seen at or above the threshold again.
 */
export interface CreditAlertLatch {
  /** Atomically disarms; true when this caller disarmed it (and so must send the alert). */
  disarm(workspaceId: string, provider: string): Promise<boolean>;
  arm(workspaceId: string, provider: string): Promise<void>;
}
