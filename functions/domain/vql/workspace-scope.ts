/**
 * The clause that confines a query to one workspace: the VQL compiler and every other query
 * body (filter values, autocomplete, statistics) start from it.
 */
export const workspaceFilter = (workspaceId: string): Record<string, unknown> => ({ term: { workspace_id: workspaceId } });

/** A bool query holding the workspace filter and any further filter-context clauses. */
export const scopedQuery = (workspaceId: string, ...filters: Record<string, unknown>[]): Record<string, unknown> => ({
  bool: { filter: [workspaceFilter(workspaceId), ...filters] },
});
