import { describe, expect, it } from 'vitest';
import { isJobInputError } from '../../../../functions/domain/jobs/run-errors.ts';
import { AppError } from '../../../../functions/platform/errors.ts';

describe('which run errors fail a job for good', () => {
  it('It should fail a job for good on bad input, and retry it on a rate limit or a server error', () => {
    expect(isJobInputError(new AppError('ERR_VALIDATION', 'bad'))).toBe(true);
    expect(isJobInputError(new AppError('ERR_NOT_FOUND', 'gone'))).toBe(true);
    expect(isJobInputError(new AppError('ERR_RATE_LIMITED', 'later'))).toBe(false);
    expect(isJobInputError(new AppError('ERR_INTERNAL', 'oops'))).toBe(false);
    expect(isJobInputError(new Error('plain'))).toBe(false);
  });
});
