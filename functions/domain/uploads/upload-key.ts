/** Every object of a workspace lives under its own prefix, which is also how an event finds its owner. */
export const WORKSPACE_PREFIX = 'workspaces/';

export function workspaceOfKey(key: string): string | undefined {
  if (!key.startsWith(WORKSPACE_PREFIX)) return undefined;
  const workspaceId = key.slice(WORKSPACE_PREFIX.length).split('/')[0];
  return workspaceId && /^[A-Za-z0-9_-]{1,64}$/.test(workspaceId) ? workspaceId : undefined;
}
