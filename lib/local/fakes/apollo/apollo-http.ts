/** Small HTTP helpers of the fake Apollo: answers in Apollo's shapes, and bounded body reads. */
import type { IncomingMessage, ServerResponse } from 'node:http';

const MAX_BODY_BYTES = 1024 * 1024;

export class BodyTooLargeError extends Error {}

export const sendJson = (response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void => {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
};

export const sendText = (response: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8'): void => {
  response.writeHead(status, { 'content-type': type }).end(body);
};

export const readBody = async (request: IncomingMessage): Promise<string> => {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError(`body over ${MAX_BODY_BYTES} bytes`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
};

/** A JSON object body; an empty body is `{}`, anything else that is not an object is undefined. */
export const readJsonObject = async (request: IncomingMessage): Promise<Record<string, unknown> | undefined> => {
  const text = await readBody(request);
  if (text.trim() === '') return {};
  try {
    const parsed: unknown = JSON.parse(text);
    return parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
};

/** Apollo's answers to a bad call, word for word where its reference shows them. */
export const APOLLO_ERRORS = {
  invalidKey: 'Invalid API key. See https://docs.apollo.io/reference/authentication for how to authenticate.',
  inaccessible: (endpoint: string) => ({ error: `This API key is not authorized to access api/v1/${endpoint}. Request an API key from your administrator that includes this endpoint in its configured scope.`, error_code: 'API_INACCESSIBLE' }),
  signedOut: { error: 'You need to sign in or sign up before continuing.' },
  badCsrf: { error: "Can't verify CSRF token authenticity." },
  invalidParameters: { error: 'Invalid parameters' },
  valueTooLong: { error: 'Value too long' },
  tooMany: (endpoint: string, limit: number, window: string) => ({ message: `The maximum number of api calls allowed for api/v1/${endpoint} is ${limit} times per ${window}. Please upgrade your plan from https://app.apollo.io/#/settings/plans/upgrade.` }),
  serverError: { error: 'Something went wrong. Please try again later.' },
  unavailable: { error: 'Service Unavailable' },
} as const;
