import { describe, expect, it } from 'vitest';
import { compileRoutes } from '../../../../lib/local/gateway/http-routes.ts';

const routes = [
  { method: 'GET', path: '/docs', fn: 'docs', authorized: false },
  { method: 'GET', path: '/docs/{asset}', fn: 'docs', authorized: false },
  { method: 'GET', path: '/v1/jobs/{uuid}', fn: 'getJob', authorized: true },
] as const;

describe('the local gateway route matcher', () => {
  const match = compileRoutes(routes);

  it('It should route a path with one trailing slash as API Gateway does: like the path without it', () => {
    expect(match('GET', '/docs/')?.routeKey).toBe('GET /docs');
    expect(match('GET', '/v1/jobs/abc/')).toMatchObject({ routeKey: 'GET /v1/jobs/{uuid}', pathParameters: { uuid: 'abc' } });
  });

  it('It should still refuse an empty path parameter and an extra segment', () => {
    expect(match('GET', '/v1/jobs/')).toBeUndefined();
    expect(match('GET', '/v1/jobs//')).toBeUndefined();
    expect(match('GET', '/docs/a/b')).toBeUndefined();
  });
});
