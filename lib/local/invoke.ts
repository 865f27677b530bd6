/**
 * In-process Lambda: imports the handler module named by a function's `entry` and calls its
 * `handler(event, context)` with a Lambda-like context, enforcing the function's timeout.
 *
 * A timed-out invocation is reported as failed exactly as on Lambda, but JavaScript cannot
 * stop it: its promise keeps running in the background and its result is ignored.
 *
 * Every function runs in this one process, several invocations at once, the way Lambda's
 * managed instances run concurrent invocations in one environment. So, like that runtime, each
 * invocation runs inside its own scope of the runtime's InvokeStore (AsyncLocalStorage), with
 * AWS_LAMBDA_MAX_CONCURRENCY set (./env.ts): Powertools keeps its per-invocation state (the
 * logger's Lambda context and keys) there, so one invocation's records never carry another's
 * function name or request id.
 */
import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Context } from 'aws-lambda';
import type { FunctionSpec, Topology } from '../topology.ts';
import { LOCAL_ACCOUNT_ID, LOCAL_REGION } from './aws.ts';
import type { CloudLog } from './log.ts';

export type Handler = (event: unknown, context: Context) => unknown;

export type InvokeOutcome =
  | { status: 'ok'; result: unknown }
  | { status: 'error'; error: unknown }
  /** `caller` when the caller's own limit (API Gateway's 30 s) fired before the function's. */
  | { status: 'timeout'; timeoutMs: number; limitedBy: 'function' | 'caller' };

export interface Invoker {
  invoke(fn: string, event: unknown, options?: { timeoutMs?: number }): Promise<InvokeOutcome>;
  /** Handlers are imported only after this: their module scope reads the environment. */
  enable(): void;
}

const NOT_SUPPORTED = (): never => {
  throw new Error('callback-style handlers are not supported on the nodejs24.x runtime');
};

const lambdaContext = (functionName: string, spec: FunctionSpec, deadline: number): Context => ({
  callbackWaitsForEmptyEventLoop: true,
  functionName,
  functionVersion: '$LATEST',
  invokedFunctionArn: `arn:aws:lambda:${LOCAL_REGION}:${LOCAL_ACCOUNT_ID}:function:${functionName}`,
  memoryLimitInMB: String(spec.memoryMb),
  awsRequestId: randomUUID(),
  logGroupName: `/aws/lambda/${functionName}`,
  logStreamName: `local/[$LATEST]${randomUUID().replaceAll('-', '')}`,
  getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
  done: NOT_SUPPORTED,
  fail: NOT_SUPPORTED,
  succeed: NOT_SUPPORTED,
});

const loadHandler = async (repoRoot: string, fn: string, spec: FunctionSpec): Promise<Handler> => {
  const mod = (await import(pathToFileURL(path.resolve(repoRoot, spec.entry)).href)) as { handler?: unknown };
  if (typeof mod.handler !== 'function') throw new Error(`${spec.entry} (function ${fn}) does not export a handler function`);
  return mod.handler as Handler;
};

const runWithTimeout = async (
  scope: InvokeStoreBase,
  handler: Handler,
  event: unknown,
  context: Context,
  limit: { timeoutMs: number; limitedBy: 'function' | 'caller' },
): Promise<InvokeOutcome> => {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<InvokeOutcome>((resolve) => {
    timer = setTimeout(() => resolve({ status: 'timeout', ...limit }), limit.timeoutMs);
  });
  const running = scope
    .run({ [InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID]: context.awsRequestId }, () => Promise.resolve().then(() => handler(event, context)))
    .then(
      (result): InvokeOutcome => ({ status: 'ok', result }),
      (error: unknown): InvokeOutcome => ({ status: 'error', error }),
    );
  try {
    return await Promise.race([running, timedOut]);
  } finally {
    clearTimeout(timer);
  }
};

export const createInvoker = (topology: Topology, repoRoot: string, log: CloudLog): Invoker => {
  const handlers = new Map<string, Promise<Handler>>();
  // Forced multi-invocation: the store registers itself where Powertools looks for it.
  const invokeStore = InvokeStore.getInstanceAsync(true);
  let enable: () => void = () => undefined;
  const enabled = new Promise<void>((resolve) => {
    enable = resolve;
  });

  const handlerFor = (fn: string, spec: FunctionSpec): Promise<Handler> => {
    let loading = handlers.get(fn);
    if (loading === undefined) {
      // A module's init runs in a scope of its own: libraries that keep per-invocation state
      // in the store (Powertools' BatchProcessor, built at module scope) refuse to write
      // outside one. What they write there belongs to no invocation and is dropped.
      loading = Promise.all([enabled, invokeStore]).then(([, scope]) => scope.run({}, () => loadHandler(repoRoot, fn, spec)));
      // A module that failed to import (syntax error mid-edit) is retried on the next call.
      loading.catch(() => handlers.delete(fn));
      handlers.set(fn, loading);
    }
    return loading;
  };

  const invoke: Invoker['invoke'] = async (fn, event, options = {}) => {
    const spec = topology.functions[fn];
    if (spec === undefined) return { status: 'error', error: new Error(`function ${fn} is not in the topology`) };
    const functionName = `${topology.service}-${fn}`;
    let handler: Handler;
    let scope: InvokeStoreBase;
    try {
      [handler, scope] = await Promise.all([handlerFor(fn, spec), invokeStore]);
    } catch (error) {
      log.error(`function ${fn} failed to initialise`, error);
      return { status: 'error', error };
    }
    const functionTimeoutMs = spec.timeoutSeconds * 1000;
    const callerCuts = options.timeoutMs !== undefined && options.timeoutMs < functionTimeoutMs;
    const limit = callerCuts
      ? { timeoutMs: options.timeoutMs ?? functionTimeoutMs, limitedBy: 'caller' as const }
      : { timeoutMs: functionTimeoutMs, limitedBy: 'function' as const };
    // The context's deadline is the function's own: Lambda does not know the caller gave up.
    const context = lambdaContext(functionName, spec, Date.now() + functionTimeoutMs);
    const outcome = await runWithTimeout(scope, handler, event, context, limit);
    const seconds = (limit.timeoutMs / 1000).toFixed(2);
    if (outcome.status === 'error') log.error(`function ${fn} failed`, outcome.error);
    if (outcome.status === 'timeout' && outcome.limitedBy === 'function') log.error(`function ${fn}: Task timed out after ${seconds} seconds`);
    if (outcome.status === 'timeout' && outcome.limitedBy === 'caller') log.error(`function ${fn}: the caller stopped waiting after ${seconds} seconds`);
    return outcome;
  };

  return { invoke, enable: () => enable() };
};
