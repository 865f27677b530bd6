/**
 * The local stand-in for Amazon SES v2: it accepts `SendEmail` (POST /v2/email/outbound-emails,
 * the SESv2 REST-JSON shape the SDK sends) and keeps every message in an outbox that developers
 * and tests read over HTTP. Handlers reach it through `AWS_ENDPOINT_URL_SESV2`, so the SES
 * adapter in functions/ runs unchanged.
 *
 *   GET    /outbox            every message, oldest first ({ messages: [...] })
 *   GET    /outbox?to=<email> the messages to one address
 *   DELETE /outbox            empties it
 *
 * With a data directory the outbox survives restarts (one JSON line per message).
 */
import { randomUUID } from 'node:crypto';
import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { CloudLog } from './log.ts';
import { closeServer, httpUrl, listen } from './net.ts';

export interface CaughtMail {
  readonly id: string;
  readonly from: string;
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly sentAt: string;
}

export interface MailCatcher {
  /** Base URL: the SESv2 endpoint and the outbox (`${endpoint}/outbox`). */
  endpoint: string;
  stop(): Promise<void>;
}

export interface MailCatcherOptions {
  port: number;
  /** Where the outbox is kept; undefined keeps it in memory. */
  dataDir?: string;
  log: CloudLog;
}

/** SES v2 refuses messages over 40 MB; account mail is tiny, so the catcher bounds bodies much lower. */
const MAX_BODY_BYTES = 1024 * 1024;
const SEND_PATH = '/v2/email/outbound-emails';
const OUTBOX_FILE = 'outbox.jsonl';

const readBody = (req: IncomingMessage): Promise<string> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) reject(new Error('body too large'));
      else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });

const send = (res: ServerResponse, status: number, body: unknown): void => {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
};

interface SendEmailInput {
  FromEmailAddress?: string;
  Destination?: { ToAddresses?: string[] };
  Content?: { Simple?: { Subject?: { Data?: string }; Body?: { Text?: { Data?: string }; Html?: { Data?: string } } } };
}

/** SES answers a malformed request with 400 BadRequestException; so does the catcher. */
function toMail(input: SendEmailInput, now: Date): CaughtMail | undefined {
  const simple = input.Content?.Simple;
  const to = input.Destination?.ToAddresses ?? [];
  if (!input.FromEmailAddress || to.length === 0 || !simple?.Subject?.Data) return undefined;
  return {
    id: randomUUID(),
    from: input.FromEmailAddress,
    to,
    subject: simple.Subject.Data,
    text: simple.Body?.Text?.Data ?? simple.Body?.Html?.Data ?? '',
    sentAt: now.toISOString(),
  };
}

export async function startMailCatcher(options: MailCatcherOptions): Promise<MailCatcher> {
  let outbox: CaughtMail[] = [];
  const file = options.dataDir ? path.join(options.dataDir, OUTBOX_FILE) : undefined;
  if (file && options.dataDir) {
    await mkdir(options.dataDir, { recursive: true });
    const saved = await readFile(file, 'utf8').catch(() => '');
    outbox = saved.split('\n').filter((line) => line.trim() !== '').map((line) => JSON.parse(line) as CaughtMail);
  }

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'POST' && url.pathname === SEND_PATH) {
      const mail = toMail(JSON.parse((await readBody(req)) || '{}') as SendEmailInput, new Date());
      if (!mail) return send(res, 400, { message: 'FromEmailAddress, Destination.ToAddresses and Content.Simple.Subject are required' });
      outbox.push(mail);
      if (file) await appendFile(file, `${JSON.stringify(mail)}\n`, { mode: 0o600 });
      options.log.info(`mail to ${mail.to.join(', ')}: ${mail.subject}`);
      return send(res, 200, { MessageId: mail.id });
    }
    if (url.pathname === '/outbox' && req.method === 'GET') {
      const to = url.searchParams.get('to')?.toLowerCase();
      return send(res, 200, { messages: to ? outbox.filter((mail) => mail.to.some((address) => address.toLowerCase() === to)) : outbox });
    }
    if (url.pathname === '/outbox' && req.method === 'DELETE') {
      outbox = [];
      return send(res, 200, { messages: [] });
    }
    send(res, 404, { message: `The mail catcher serves POST ${SEND_PATH} and GET/DELETE /outbox` });
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => send(res, 400, { message: (error as Error).message }));
  });
  const port = await listen(server, options.port);
  return { endpoint: httpUrl(port), stop: () => closeServer(server) };
}
