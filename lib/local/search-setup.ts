/**
 * Creates the search indexes on start by invoking the same custom-resource handler CDK runs
 * on deploy, with a CloudFormation `Create` event. The handler is invoked like a CDK Provider
 * framework `onEvent` function: its return value is the result and nothing is PUT to the
 * ResponseURL. It runs on every start, so it must be idempotent (it is on redeploys too).
 */
import { randomUUID } from 'node:crypto';
import type { Topology } from '../topology.ts';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './aws.ts';
import type { Invoker } from './invoke.ts';
import type { CloudLog } from './log.ts';

export const searchSetupEvent = (topology: Topology): Record<string, unknown> => {
  const serviceToken = `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${topology.service}-${topology.searchSetup.fn}`;
  const IndexesJson = JSON.stringify(Object.values(topology.searchIndexes));
  return {
    RequestType: 'Create',
    ServiceToken: serviceToken,
    ResponseURL: 'http://127.0.0.1/unused-by-the-provider-framework',
    StackId: `arn:aws:cloudformation:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:stack/${topology.service}-local/${randomUUID()}`,
    RequestId: randomUUID(),
    LogicalResourceId: 'SearchIndexes',
    ResourceType: 'Custom::SearchIndexes',
    ResourceProperties: { ServiceToken: serviceToken, IndexesJson },
  };
};

export const setUpSearchIndexes = async (topology: Topology, invoker: Invoker, log: CloudLog): Promise<void> => {
  const outcome = await invoker.invoke(topology.searchSetup.fn, searchSetupEvent(topology));
  if (outcome.status === 'ok') {
    log.info(`search indexes ready (${Object.keys(topology.searchIndexes).join(', ')})`);
    return;
  }
  const entry = topology.functions[topology.searchSetup.fn]?.entry ?? topology.searchSetup.fn;
  const missing =
    outcome.status === 'error' && (outcome.error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && String(outcome.error).includes(entry);
  if (missing) {
    log.warn(`the search setup function ${topology.searchSetup.fn} is not written yet: no search index was created`);
    return;
  }
  throw new Error(`search setup (${topology.searchSetup.fn}) failed: ${outcome.status === 'timeout' ? 'timed out' : String(outcome.error)}`);
};
