import type { APIGatewayProxyEventV2, Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { httpHandler } from '../../../functions/platform/http/http-handler.ts';
import { successResponse } from '../../../functions/platform/http/responses.ts';

/** An API Gateway event whose Lambda-authorizer context is `lambda`. */
function eventWith(lambda: Record<string, unknown>): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: 'GET /v1/test',
    rawPath: '/v1/test',
    rawQueryString: '',
    headers: {},
    isBase64Encoded: false,
    requestContext: { authorizer: { lambda } } as unknown as APIGatewayProxyEventV2['requestContext'],
  };
}

const context = { functionName: 'test', getRemainingTimeInMillis: () => 1000 } as unknown as Context;

const handlers = {
  'a data route': httpHandler({ authorized: true, json: false }, async ({ principal }) => successResponse({ role: principal.role })),
  'an admin route': httpHandler({ authorized: true, admin: true, json: false }, async ({ principal }) => successResponse({ role: principal.role })),
};

describe('workspaceScope: a role the authorizer did not name never becomes admin', () => {
  const ROLES: readonly { name: string; role: unknown }[] = [
    { name: 'a missing role', role: undefined },
    { name: 'an empty role', role: '' },
    { name: 'an unknown role', role: 'root' },
    { name: 'a role in another case', role: 'ADMIN' },
    { name: 'a non-string role', role: 1 },
  ];

  for (const [route, handler] of Object.entries(handlers)) {
    for (const { name, role } of ROLES) {
      it(`It should answer 403 ERR_FORBIDDEN on ${route} for ${name}`, async () => {
        const response = (await handler(eventWith({ authenticated: true, workspaceId: 'ws', role }), context)) as { statusCode: number; body: string };

        expect(response.statusCode).toBe(403);
        expect(JSON.parse(response.body).error.code).toBe('ERR_FORBIDDEN');
      });
    }

    it(`It should still serve ${route} to an admin (the control case)`, async () => {
      const response = (await handler(eventWith({ authenticated: true, workspaceId: 'ws', role: 'admin' }), context)) as { statusCode: number; body: string };

      expect(response.statusCode).toBe(200);
      expect(JSON.parse(response.body).role).toBe('admin');
    });
  }
});
