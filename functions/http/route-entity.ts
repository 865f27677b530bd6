import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import type { Entity } from '../domain/records/fields.ts';

/** `POST /v1/companies/search`, `GET /v1/company/filters` → company: one handler serves both record types' routes. */
export function entityOfRoute(event: APIGatewayProxyEventV2): Entity {
  const path = event.routeKey.split(' ')[1] ?? '';
  return path === '/v1/companies' || path.startsWith('/v1/companies/') || path.startsWith('/v1/company/') ? 'company' : 'contact';
}
