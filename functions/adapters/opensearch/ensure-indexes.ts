import type { Client } from '@opensearch-project/opensearch';

export interface IndexDefinition {
  readonly alias: string;
  readonly version: number;
  readonly settings: Record<string, unknown>;
  readonly mappings: Record<string, unknown>;
}

/**
 * Creates each `<alias>-v<version>` index that is missing and points the alias at it. An old
 * version is left in place (not deleted) so a rollback or a reindex can still read it.
 */
export async function ensureIndexes(client: Client, definitions: readonly IndexDefinition[]): Promise<string[]> {
  const created: string[] = [];
  for (const def of definitions) {
    const index = `${def.alias}-v${def.version}`;
    const exists = await client.indices.exists({ index });
    if (!exists.body) {
      await client.indices.create({ index, body: { settings: def.settings, mappings: def.mappings } });
      created.push(index);
    }
    const current = await client.indices.getAlias({ name: def.alias }).catch(() => ({ body: {} }));
    const actions: Record<string, unknown>[] = Object.keys(current.body as Record<string, unknown>)
      .filter((name) => name !== index)
      .map((name) => ({ remove: { index: name, alias: def.alias } }));
    actions.push({ add: { index, alias: def.alias } });
    await client.indices.updateAliases({ body: { actions } });
  }
  return created;
}
