import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';

/** One logger per process; Powertools reads its level and service name from the environment. */
export const logger = new Logger({ serviceName: 'leadstack' });

/**
 * A handler whose log records carry its own invocation's Lambda context (function name, request
 * id, cold start). Without it a record carries whatever context the logger held last, which
 * is another function's wherever one environment runs several functions or several invocations
 * at once. HTTP handlers get the same through their middy chain (./http/http-handler.ts).
 */
export function withInvocationLog<TEvent, TResult>(handler: (event: TEvent, context: Context) => Promise<TResult>) {
  return middy<TEvent, TResult>(handler).use(injectLambdaContext(logger, { resetKeys: true }));
}
