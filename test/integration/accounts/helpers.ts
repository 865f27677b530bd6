import { request } from 'node:http';
import { ensureDevWorkspace } from '../../../lib/local/dev-workspace.ts';
import type { TestCloud } from '../helpers/test-cloud.ts';

export interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: any;
}

/**
 * One HTTP call to the local API from a chosen loopback address (127.0.0.x): the gateway then
 * reports that address as `requestContext.http.sourceIp`, as API Gateway reports the client's,
 * so per-IP limits can be exercised without sharing one counter across a whole test file.
 */
export function callFrom(
  cloud: TestCloud,
  sourceIp: string,
  path: string,
  init: { method?: string; body?: unknown; token?: string } = {},
): Promise<Answer> {
  const url = new URL(`${cloud.cloud.endpoints.http}${path}`);
  const payload = init.body === undefined ? undefined : JSON.stringify(init.body);
  const headers: Record<string, string> = {};
  if (payload !== undefined) headers['content-type'] = 'application/json';
  if (init.token) headers.authorization = `Bearer ${init.token}`;
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname + url.search, method: init.method ?? (payload ? 'POST' : 'GET'), headers, localAddress: sourceIp },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            // keep the text
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        });
      },
    );
    req.on('error', reject);
    if (payload !== undefined) req.write(payload);
    req.end();
  });
}

let nextIp = 10;
/** A loopback address no other test in this file used: its own per-IP counters. */
export const freshIp = (): string => `127.0.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 2}`;

export async function devAdmin(cloud: TestCloud): Promise<{ email: string; password: string }> {
  return (await ensureDevWorkspace(cloud.cloud)).admin;
}

export async function login(cloud: TestCloud, email: string, password: string, ip = freshIp()): Promise<Answer> {
  return callFrom(cloud, ip, '/v1/auth/login', { body: { email, password } });
}

/** Signs in and returns the token pair, failing loudly when sign-in does not succeed. */
export async function signIn(cloud: TestCloud, email: string, password: string): Promise<{ access: string; refresh: string }> {
  const answer = await login(cloud, email, password);
  if (answer.status !== 200) throw new Error(`sign-in of ${email} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  return { access: answer.body.access_token, refresh: answer.body.refresh_token };
}

export async function outbox(cloud: TestCloud, to: string): Promise<{ subject: string; text: string }[]> {
  const response = await fetch(`${cloud.cloud.endpoints.mail}/outbox?to=${encodeURIComponent(to)}`);
  return ((await response.json()) as { messages: { subject: string; text: string }[] }).messages;
}

/** The single-use token a reset or invitation mail carries. */
export function tokenIn(text: string): string {
  const match = /token=(lsp_[\w-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no token in mail: ${text}`);
  return match[1];
}

let userCount = 0;
/** An admin-created user with a password, signed in. */
export async function newUser(
  cloud: TestCloud,
  adminToken: string,
  overrides: { role?: 'admin' | 'user'; download_limit?: number } = {},
): Promise<{ id: string; email: string; password: string; access: string; refresh: string }> {
  const email = `user${++userCount}-${Date.now()}@example.com`;
  const password = `Correct-horse-${userCount}-battery`;
  const created = await cloud.api('/v1/users', { key: adminToken, body: { email, name: `User ${userCount}`, role: overrides.role ?? 'user', password, ...overrides } });
  if (created.status !== 201) throw new Error(`create user answered ${created.status}: ${JSON.stringify(created.body)}`);
  return { id: created.body.user.id, email, password, ...(await signIn(cloud, email, password)) };
}
