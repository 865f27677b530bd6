export interface WsTicketRecord {
  /** SHA-256 of the ticket: the ticket itself is never stored. */
  readonly hash: string;
  readonly workspaceId: string;
  /** ISO time after which the ticket is refused. */
  readonly expiresAt: string;
}

/** Short-lived, single-use WebSocket connect tickets. */
export interface WsTicketStore {
  put(ticket: WsTicketRecord): Promise<void>;
  /** Deletes the ticket if it exists and has not expired at `now`, in one atomic step; its workspace, else undefined. */
  consume(hash: string, now: Date): Promise<{ readonly workspaceId: string } | undefined>;
}
