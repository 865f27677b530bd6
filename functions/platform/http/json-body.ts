import { AppError } from '../errors.ts';

/** API Gateway's own payload limit; bigger bodies never reach a function on AWS. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Parses a JSON request body. Keys that could reach an object's prototype are refused outright
 * rather than stripped, so the client learns its payload was not taken as sent.
 */
export function parseJsonBody(raw: string | undefined, isBase64Encoded = false): unknown {
  if (raw === undefined || raw === '') throw new AppError('ERR_EMPTY_PAYLOAD', 'The request body is empty', [{ path: 'body', message: 'Required' }]);
  const text = isBase64Encoded ? Buffer.from(raw, 'base64').toString('utf8') : raw;
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) {
    throw new AppError('ERR_BATCH_TOO_LARGE', `The request body exceeds ${MAX_BODY_BYTES} bytes`, [{ path: 'body', message: 'Too large' }]);
  }
  const forbidden: string[] = [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(text, function reviver(key, value: unknown) {
      if (FORBIDDEN_KEYS.has(key)) forbidden.push(key);
      return value;
    });
  } catch (error) {
    // A body nested deeper than the stack allows: say so, without the runtime's own wording.
    const reason = error instanceof RangeError ? 'it is nested too deeply' : (error as Error).message;
    throw new AppError('ERR_INVALID_JSON', `The request body is not valid JSON: ${reason}`, [
      { path: 'body', message: 'Malformed JSON' },
    ]);
  }
  if (forbidden.length > 0) {
    throw new AppError('ERR_VALIDATION', `Forbidden key in body: ${forbidden[0]}`, [
      { path: String(forbidden[0]), message: 'Keys that name an object prototype are not accepted' },
    ]);
  }
  return parsed;
}
