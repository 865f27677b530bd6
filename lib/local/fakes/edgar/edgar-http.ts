/**
 * How the fake EDGAR answers over HTTP: validators (ETag, Last-Modified) and 304 on conditional
 * requests, gzip when asked, and SEC's refusals and errors in their own shapes (an HTML page for
 * a 403 or an outage, S3's XML for a missing key).
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import type { FaultResponses } from '../fake-server.ts';
import type { FairAccessVerdict } from './edgar-fair-access.ts';

/** A body the fake can serve with validators; gzip is computed once, on first demand. */
export interface Representation {
  readonly contentType: string;
  readonly body: Buffer;
  readonly etag: string;
  readonly lastModified: string;
  gzipped?: Buffer;
}

const OUTAGE_RETRY_AFTER_SECONDS = 30;

export const representation = (contentType: string, body: Buffer, modifiedAt: Date): Representation => ({
  contentType,
  body,
  etag: `"${createHash('sha256').update(body).digest('hex').slice(0, 20)}"`,
  lastModified: modifiedAt.toUTCString(),
});

const matchesEtag = (header: string, etag: string): boolean =>
  header.split(',').map((tag) => tag.trim().replace(/^W\//, '')).some((tag) => tag === '*' || tag === etag);

/** If-None-Match wins over If-Modified-Since, as HTTP says; dates compare to the second. */
function notModified(request: IncomingMessage, rep: Representation): boolean {
  const noneMatch = request.headers['if-none-match'];
  if (noneMatch !== undefined) return matchesEtag(noneMatch, rep.etag);
  const since = Date.parse(request.headers['if-modified-since'] ?? '');
  return !Number.isNaN(since) && Date.parse(rep.lastModified) <= since;
}

export function sendRepresentation(request: IncomingMessage, response: ServerResponse, rep: Representation): void {
  const validators = { etag: rep.etag, 'last-modified': rep.lastModified, 'cache-control': 'no-cache' };
  if (notModified(request, rep)) {
    response.writeHead(304, validators).end();
    return;
  }
  const gzip = /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (gzip) rep.gzipped ??= gzipSync(rep.body);
  const body = gzip ? (rep.gzipped as Buffer) : rep.body;
  response.writeHead(200, {
    'content-type': rep.contentType,
    'content-length': String(body.length),
    vary: 'Accept-Encoding',
    ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    ...validators,
  });
  response.end(request.method === 'HEAD' ? undefined : body);
}

const htmlPage = (response: ServerResponse, status: number, title: string, text: string, headers: Record<string, string> = {}): void => {
  const html = `<!DOCTYPE html>\n<html><head><title>SEC.gov | ${title}</title></head><body><h1>${title}</h1><p>${text}</p><p>See sec.gov/developer for how to access EDGAR data efficiently.</p></body></html>\n`;
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers }).end(html);
};

const REFUSALS: Readonly<Record<Exclude<FairAccessVerdict, 'ok'>, readonly [string, string]>> = {
  undeclared: ['Your Request Originates from an Undeclared Automated Tool', 'Declare your traffic by updating your User-Agent to include a company name and a contact email address.'],
  'rate-exceeded': ['Request Rate Threshold Exceeded', 'Your request rate has exceeded the maximum of 10 requests per second. Access is limited until the cool-down ends; requests over the limit meanwhile extend it.'],
  'cooling-down': ['Request Rate Threshold Exceeded', 'Access is limited after an excessive request rate. Wait for the cool-down to end before sending more requests.'],
};

export const refuse = (response: ServerResponse, verdict: Exclude<FairAccessVerdict, 'ok'>): void => htmlPage(response, 403, ...REFUSALS[verdict]);

/** What the object store behind EDGAR answers for a path it does not hold. */
export const noSuchKey = (response: ServerResponse): void => {
  response.writeHead(404, { 'content-type': 'application/xml' })
    .end('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>\n');
};

export const methodNotAllowed = (response: ServerResponse): void => htmlPage(response, 405, 'Method Not Allowed', 'EDGAR serves GET and HEAD only.', { allow: 'GET, HEAD' });

export const EDGAR_FAULTS: FaultResponses = {
  error: (response) => htmlPage(response, 500, 'Internal Server Error', 'The server encountered an internal error.'),
  outage: (response) => htmlPage(response, 503, 'Service Unavailable', 'EDGAR is temporarily unavailable.', { 'retry-after': String(OUTAGE_RETRY_AFTER_SECONDS) }),
};
