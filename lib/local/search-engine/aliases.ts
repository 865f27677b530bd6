import { SearchEngineError } from './errors.ts';

/** Alias → indices. Aliases pointing at one index are usable everywhere an index name is. */
export class AliasRegistry {
  private readonly byAlias = new Map<string, Set<string>>();

  has(alias: string): boolean {
    return this.byAlias.has(alias);
  }

  indicesOf(alias: string): ReadonlySet<string> | undefined {
    return this.byAlias.get(alias);
  }

  aliasesOf(index: string): string[] {
    return [...this.byAlias].filter(([, indices]) => indices.has(index)).map(([alias]) => alias).sort();
  }

  names(): string[] {
    return [...this.byAlias.keys()];
  }

  add(alias: string, index: string): void {
    const set = this.byAlias.get(alias) ?? new Set<string>();
    set.add(index);
    this.byAlias.set(alias, set);
  }

  /** Removes `alias` from `index`; OpenSearch answers 404 when that pairing does not exist. */
  remove(alias: string, index: string): void {
    const set = this.byAlias.get(alias);
    if (set === undefined || !set.has(index)) throw new SearchEngineError(404, 'aliases_not_found_exception', `aliases [${alias}] missing`, { 'resource.type': 'aliases', 'resource.id': alias });
    set.delete(index);
    if (set.size === 0) this.byAlias.delete(alias);
  }

  removeIndex(index: string): void {
    for (const [alias, set] of this.byAlias) {
      set.delete(index);
      if (set.size === 0) this.byAlias.delete(alias);
    }
  }

  toJson(): Record<string, string[]> {
    return Object.fromEntries([...this.byAlias].map(([alias, set]) => [alias, [...set].sort()]));
  }

  load(json: Record<string, unknown>): void {
    for (const [alias, indices] of Object.entries(json)) {
      if (Array.isArray(indices)) for (const index of indices) this.add(alias, String(index));
    }
  }
}
