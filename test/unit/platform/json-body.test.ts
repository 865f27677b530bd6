import { describe, expect, it } from 'vitest';
import { parseJsonBody } from '../../../functions/platform/http/json-body.ts';
import type { AppError } from '../../../functions/platform/errors.ts';

const refusal = (raw: string | undefined): AppError => {
  try {
    parseJsonBody(raw);
  } catch (error) {
    return error as AppError;
  }
  throw new Error('expected a refusal');
};

describe('parseJsonBody', () => {
  it('It should parse JSON and base64-encoded JSON', () => {
    expect(parseJsonBody('{"a":1}')).toEqual({ a: 1 });
    expect(parseJsonBody(Buffer.from('[1]').toString('base64'), true)).toEqual([1]);
  });

  it('It should refuse an empty body, malformed JSON and prototype keys with their codes', () => {
    expect(refusal('')).toMatchObject({ code: 'ERR_EMPTY_PAYLOAD', status: 400 });
    expect(refusal('{"a":')).toMatchObject({ code: 'ERR_INVALID_JSON', details: [{ path: 'body' }] });
    expect(refusal('{"__proto__":{"polluted":true}}')).toMatchObject({ code: 'ERR_VALIDATION', details: [{ path: '__proto__' }] });
    expect(refusal('[{"constructor":{"prototype":{}}}]').code).toBe('ERR_VALIDATION');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
