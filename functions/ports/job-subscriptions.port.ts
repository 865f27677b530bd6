/** Which WebSocket connections follow which job; entries expire on their own (TTL). */
export interface JobSubscriptions {
  subscribe(workspaceId: string, jobId: string, connectionId: string, now: Date): Promise<void>;
  unsubscribe(workspaceId: string, jobId: string, connectionId: string): Promise<void>;
  /** Connection ids currently subscribed to the job. */
  subscribers(workspaceId: string, jobId: string, now: Date): Promise<readonly string[]>;
}
