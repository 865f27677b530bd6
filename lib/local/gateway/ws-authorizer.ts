/**
 * The WebSocket API's $connect Lambda REQUEST authorizer, which answers with an IAM policy.
 * Missing or empty identity source (header or query-string parameter) → 401 without calling
 * it (API Gateway does that); an authorizer
 * that throws `Unauthorized` → 401; a Deny or no matching Allow → 403; anything else → 500.
 */
import type { Topology } from '../../topology.ts';
import type { Invoker } from '../invoke.ts';
import { isRecord } from './common.ts';
import { headerValue, methodArnFor, wsRequestContext } from './ws-events.ts';
import type { UpgradeRequest } from './ws-events.ts';

export type ConnectVerdict = { allowed: true; authorizer: Record<string, unknown> } | { allowed: false; status: 401 | 403 | 500 };

const INVOKE_ACTION = 'execute-api:Invoke';

const toList = (value: unknown): string[] => (Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)]);

/** IAM wildcards: `*` any run of characters, `?` one character. */
const wildcardMatch = (pattern: string, value: string): boolean => {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replaceAll('*', '.*').replaceAll('?', '.');
  return new RegExp(`^${source}$`).test(value);
};

const statementApplies = (statement: Record<string, unknown>, methodArn: string): boolean =>
  toList(statement.Action).some((action) => wildcardMatch(action, INVOKE_ACTION)) &&
  toList(statement.Resource).some((resource) => wildcardMatch(resource, methodArn));

/** Explicit Deny wins, then an Allow is needed, as IAM evaluates. */
const policyAllows = (policy: unknown, methodArn: string): boolean => {
  if (!isRecord(policy)) return false;
  const statements = (Array.isArray(policy.Statement) ? policy.Statement : [policy.Statement]).filter(isRecord);
  const applying = statements.filter((statement) => statementApplies(statement, methodArn));
  if (applying.some((statement) => statement.Effect === 'Deny')) return false;
  return applying.some((statement) => statement.Effect === 'Allow');
};

/** API Gateway rejects a context holding objects or arrays (AuthorizerConfigurationException). */
const primitiveContext = (context: unknown): Record<string, unknown> | undefined => {
  if (context === undefined || context === null) return {};
  if (!isRecord(context)) return undefined;
  const primitive = Object.values(context).every((value) => ['string', 'number', 'boolean'].includes(typeof value));
  return primitive ? context : undefined;
};

/** The identity source's value (a header, or a query-string parameter as in `?ticket=`). */
const identityOf = (authorizer: Topology['websocket']['authorizer'], upgrade: UpgradeRequest): string =>
  'query' in authorizer ? (upgrade.queryStringParameters?.[authorizer.query] ?? '') : (headerValue(upgrade.headers, authorizer.header) ?? '');

export const authorizeConnect = async (
  topology: Topology,
  invoker: Invoker,
  upgrade: UpgradeRequest,
  connectionId: string,
  connectedAt: Date,
): Promise<ConnectVerdict> => {
  const { authorizer } = topology.websocket;
  const { fn } = authorizer;
  if (identityOf(authorizer, upgrade).trim() === '') return { allowed: false, status: 401 };
  const methodArn = methodArnFor('$connect');
  const event = {
    type: 'REQUEST',
    methodArn,
    headers: upgrade.headers,
    multiValueHeaders: upgrade.multiValueHeaders,
    queryStringParameters: upgrade.queryStringParameters ?? {},
    multiValueQueryStringParameters: upgrade.multiValueQueryStringParameters ?? {},
    stageVariables: {},
    requestContext: wsRequestContext({ routeKey: '$connect', eventType: 'CONNECT', connectionId, connectedAt, ...upgrade }),
  };
  const outcome = await invoker.invoke(fn, event);
  if (outcome.status === 'error' && outcome.error instanceof Error && outcome.error.message === 'Unauthorized') {
    return { allowed: false, status: 401 };
  }
  if (outcome.status !== 'ok' || !isRecord(outcome.result)) return { allowed: false, status: 500 };
  const context = primitiveContext(outcome.result.context);
  if (context === undefined) return { allowed: false, status: 500 };
  if (!policyAllows(outcome.result.policyDocument, methodArn)) return { allowed: false, status: 403 };
  const principalId = outcome.result.principalId;
  return { allowed: true, authorizer: { ...context, ...(principalId === undefined ? {} : { principalId }) } };
};
