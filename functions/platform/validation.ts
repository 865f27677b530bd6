import type { z } from 'zod';
import { validationError, type ErrorDetail } from './errors.ts';

/** `where.range_query.must.city`, `[3].email`: a path a client can find in its own request. */
export function formatPath(path: readonly PropertyKey[], prefix = ''): string {
  let out = prefix;
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(root)' : out;
}

export function issuesToDetails(issues: readonly z.core.$ZodIssue[], prefix = ''): ErrorDetail[] {
  return issues.map((issue) => {
    // An unknown key is reported on its parent; name the key itself so the client sees it.
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.join(', ');
      return { path: formatPath([...issue.path, issue.keys[0] ?? ''], prefix), message: `Unknown field: ${keys}` };
    }
    return { path: formatPath(issue.path, prefix), message: issue.message };
  });
}

/** Parses or throws ERR_VALIDATION naming every offending path. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, what = 'request'): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = issuesToDetails(result.error.issues);
  throw validationError(`Invalid ${what}: ${details.map((d) => d.path).join(', ')}`, details);
}
