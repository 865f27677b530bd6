/**
 * Test-only servers for onboarding research: the fixture sites of test/fixtures/research-sites
 * as a fake provider (hostnames `<site>.research.test`), and an OpenAI-compatible chat server that
 * records what it was asked.
 */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { FakeProvider } from '../../../lib/local/fakes/fake-provider.ts';

const SITES = path.resolve(import.meta.dirname, '../../fixtures/research-sites');
export const SITE_SUFFIX = 'research.test';

const listen = async (server: Server): Promise<string> => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
};
const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** Listed before the fake web, whose `*.test` would otherwise take these hosts. `/` is index.html, `/a/b` is a/b.html; anything else 404. */
export const researchSites: FakeProvider = {
  name: 'research-sites',
  hostnames: [`*.${SITE_SUFFIX}`],
  async start() {
    const server = createServer((req, res) => {
      const site = (req.headers.host ?? '').split(':')[0]!.split('.')[0]!;
      const route = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/$/, '') || '/index';
      const file = path.join(SITES, site, `${route}.html`);
      if (!file.startsWith(path.join(SITES, site) + path.sep)) return void res.writeHead(404).end();
      readFile(file, 'utf8').then(
        (html) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html),
        () => res.writeHead(404, { 'content-type': 'text/plain' }).end('not found'),
      );
    });
    const url = await listen(server);
    return { url, close: () => close(server) };
  },
};

export interface ChatServer {
  readonly url: string;
  readonly requests: { authorization?: string; body: { model: string; messages: { role: string; content: string }[] } }[];
  close(): Promise<void>;
}

const bodyOf = async (req: IncomingMessage): Promise<string> => {
  let text = '';
  for await (const chunk of req) text += String(chunk);
  return text;
};

/** Answers every numbered item of the user message with "N: Test summary N." */
export async function startChatServer(): Promise<ChatServer> {
  const requests: ChatServer['requests'] = [];
  const server = createServer((req, res) => {
    void bodyOf(req).then((text) => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') return void res.writeHead(404).end();
      const body = JSON.parse(text) as ChatServer['requests'][number]['body'];
      requests.push({ ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), body });
      const items = (body.messages.at(-1)?.content.match(/^\d+\. /gm) ?? []).length;
      const content = Array.from({ length: items }, (_, i) => `${i + 1}: Test summary ${i + 1}.`).join('\n');
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ id: 'chatcmpl-test', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }] }));
    });
  });
  const url = await listen(server);
  return { url, requests, close: () => close(server) };
}
