import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IPrincipal, IRole } from 'aws-cdk-lib/aws-iam';
import type { Access, SearchIndexSpec } from '../topology.ts';
import { physicalIndexName } from '../topology.ts';
import { acknowledge, wildcardResource } from './nag.ts';

export type SearchLevel = NonNullable<Access['search']>;

/**
 * HTTP verbs per access level. Reads include POST because `_search`, `_count` and `_msearch`
 * take their query in a POST body; writes include POST for `_bulk`, `_update` and `_refresh`.
 */
const ACTIONS = {
  read: ['es:ESHttpGet', 'es:ESHttpHead', 'es:ESHttpPost'],
  write: ['es:ESHttpPut', 'es:ESHttpPost', 'es:ESHttpDelete'],
} as const;

export const searchActions = (level: SearchLevel): string[] =>
  level === 'readwrite' ? [...new Set([...ACTIONS.read, ...ACTIONS.write])] : [...ACTIONS[level]];

/**
 * The domain paths a level may touch: each index under both its alias and its physical name
 * (`companies`, `companies-v1`), and below them (`/companies/_search`). Reads may also look up
 * an alias (`GET /_alias/companies`); writes may send a multi-index `_bulk` (the stream indexer
 * writes companies and contacts in one request) and swap aliases (`POST /_aliases`) on reindex.
 */
export function searchResources(level: SearchLevel, domainArn: string, indexes: readonly SearchIndexSpec[]): string[] {
  const resources: string[] = [];
  for (const spec of indexes) {
    for (const name of new Set([spec.alias, physicalIndexName(spec)])) {
      resources.push(`${domainArn}/${name}`, `${domainArn}/${name}/*`);
    }
    if (level !== 'write') resources.push(`${domainArn}/_alias/${spec.alias}`);
  }
  if (level !== 'read') resources.push(`${domainArn}/_bulk`, `${domainArn}/_aliases`);
  return resources;
}

export function searchStatement(
  level: SearchLevel,
  domainArn: string,
  indexes: readonly SearchIndexSpec[],
  principals?: IPrincipal[],
): PolicyStatement {
  return new PolicyStatement({
    actions: searchActions(level),
    resources: searchResources(level, domainArn, indexes),
    ...(principals ? { principals } : {}),
  });
}

/** Identity side of a search grant; the domain's access policy names the same role (`SearchDomain.admit`). */
export function grantSearch(role: IRole, level: SearchLevel, domainArn: string, indexes: readonly SearchIndexSpec[]): void {
  role.addToPrincipalPolicy(searchStatement(level, domainArn, indexes));
  const reason =
    "Index-scoped: `<index>/*` covers that index's own APIs (_search, _count, _doc, _bulk, _refresh) and only the topology's indexes.";
  acknowledge(
    role,
    Object.fromEntries(
      searchResources(level, domainArn, indexes)
        .filter((arn) => arn.endsWith('/*'))
        .map((arn) => [wildcardResource(role, arn), reason]),
    ),
  );
}
