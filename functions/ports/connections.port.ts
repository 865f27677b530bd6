export interface ConnectionRecord {
  readonly connectionId: string;
  readonly workspaceId: string;
  readonly connectedAt: string;
}

/** Open WebSocket connections; entries expire on their own (TTL) if a disconnect is missed. */
export interface ConnectionStore {
  put(connection: ConnectionRecord): Promise<void>;
  get(connectionId: string): Promise<ConnectionRecord | undefined>;
  remove(connectionId: string): Promise<void>;
}

/** Sends a message to one client; resolves false when the connection is gone. */
export interface Push {
  send(connectionId: string, message: Record<string, unknown>): Promise<boolean>;
}
