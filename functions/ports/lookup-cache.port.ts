/** Answers of synchronous lookups kept for a while, per workspace, so a UI asking twice costs one crawl. */
export interface LookupCache {
  get(workspaceId: string, key: string): Promise<Readonly<Record<string, unknown>> | undefined>;
  put(workspaceId: string, key: string, value: Readonly<Record<string, unknown>>, ttlSeconds: number): Promise<void>;
}
