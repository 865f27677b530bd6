import middy, { type MiddlewareObj } from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2 } from 'aws-lambda';
import type { Principal } from '../../domain/auth/principal.ts';
import { logger } from '../logger.ts';
import { tracer } from '../tracer.ts';
import { errorMapper, jsonBody, workspaceScope, type HttpContext } from './middlewares.ts';

export interface HttpRequest {
  readonly event: APIGatewayProxyEventV2;
  /** Set on authorized routes: every use case is scoped by it. */
  readonly workspaceId: string;
  /**
   * Set on authorized routes: who calls (workspace, user, API key, role). On public routes it
   * is an anonymous principal with an empty workspace, like `workspaceId`.
   */
  readonly principal: Principal;
  /** The parsed JSON body, when the route takes one. */
  readonly body: unknown;
}

export interface HttpHandlerOptions {
  /** Resolve the caller's workspace (refusing with 401 when there is none). */
  readonly authorized: boolean;
  /** Admin-only route: a caller with role `user` gets 403 ERR_FORBIDDEN. Implies `authorized`. */
  readonly admin?: boolean;
  /** Parse a JSON body, refusing a malformed or hostile one; `optional` lets an empty body mean `{}`. */
  readonly json: 'required' | 'optional' | false;
  /**
   * A creating route honours `Idempotency-Key` with this middleware (idempotencyMiddleware() of
   * functions/platform/services/idempotency.services.ts). Passed in, not built here, so that
   * only the creating handlers' bundles carry the idempotency library.
   */
  readonly idempotency?: MiddlewareObj<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, HttpContext>;
}

const ANONYMOUS: Principal = { workspaceId: '', role: 'user' };

type UseCase = (request: HttpRequest) => Promise<APIGatewayProxyResultV2>;

/** The middy chain every HTTP handler shares: logging context, error mapping, auth, body. */
export function httpHandler(options: HttpHandlerOptions, useCase: UseCase) {
  const chain = middy<APIGatewayProxyEventV2, APIGatewayProxyResultV2, Error, HttpContext>()
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(errorMapper());
  if (options.authorized || options.admin) chain.use(workspaceScope({ admin: options.admin ?? false }));
  if (options.json) chain.use(jsonBody({ optional: options.json === 'optional' }));
  if (options.idempotency) chain.use(options.idempotency);
  return chain.handler((event, context) =>
    useCase({
      event,
      workspaceId: context.workspaceId ?? '',
      principal: context.principal ?? ANONYMOUS,
      body: context.jsonBody,
    }),
  );
}
