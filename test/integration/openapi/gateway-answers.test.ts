/**
 * The answers API Gateway gives by itself carry no error code: the OpenAPI document says which
 * they are and what they look like, and the gateway answers exactly that.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GATEWAY_ANSWERS, GATEWAY_MAX_BODY_MB, gatewayAnswerText } from '../../../functions/http/openapi/gateway-answers.ts';
import { startTestCloud, type TestCloud } from '../helpers/test-cloud.ts';

let t: TestCloud;
let doc: { info: { description: string }; components: { schemas: Record<string, { properties?: { message?: { enum?: string[] } } }> } };

beforeAll(async () => {
  t = await startTestCloud();
  doc = (await (await fetch(`${t.cloud.endpoints.http}/v1/openapi.json`)).json()) as typeof doc;
});

afterAll(async () => t?.stop());

const MB = 1024 * 1024;

describe('API Gateway answers, documented and served', () => {
  it.each(GATEWAY_ANSWERS.map((answer) => [gatewayAnswerText(answer), answer] as const))('It should document %s with its schema', (text, answer) => {
    expect(doc.info.description).toContain(text);
    expect(doc.info.description).toContain(answer.when);
    expect(doc.components.schemas.GatewayError?.properties?.message?.enum).toContain(answer.message);
  });

  it.each([
    ['no Authorization header on an authorized route', 401, () => fetch(`${t.cloud.endpoints.http}/v1/jobs`)],
    ['an unknown route', 404, () => fetch(`${t.cloud.endpoints.http}/v1/no-such-route`, { headers: { authorization: `Bearer ${t.keys.a}` } })],
    [
      `a body over ${GATEWAY_MAX_BODY_MB} MB`,
      413,
      () =>
        fetch(`${t.cloud.endpoints.http}/v1/companies/batch-upsert`, {
          method: 'POST',
          headers: { authorization: `Bearer ${t.keys.a}`, 'content-type': 'application/json' },
          body: JSON.stringify([{ name: 'x'.repeat((GATEWAY_MAX_BODY_MB + 1) * MB) }]),
        }),
    ],
  ] as const)('It should answer %s exactly as the document says', async (_what, status, send) => {
    const response = await send();
    const body = (await response.json()) as unknown;
    const documented = GATEWAY_ANSWERS.find((answer) => answer.status === status);
    expect(response.status).toBe(status);
    expect(body).toEqual({ message: documented?.message });
    expect(doc.info.description).toContain(gatewayAnswerText({ status: response.status, message: (body as { message: string }).message, when: '' }));
  });
});
