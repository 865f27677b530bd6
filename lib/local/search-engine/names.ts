import { badRequest } from './errors.ts';

const MAX_NAME_BYTES = 255;
const FORBIDDEN_CHARS = ['\\', '/', '*', '?', '"', '<', '>', '|', ' ', ',', '#', ':'];

/**
 * OpenSearch's index naming rules. They also keep names safe as directory names under dataDir:
 * no separators, no `..`, nothing starting with `.`-only or `_`.
 */
export function validateIndexName(name: string, kind: 'index' | 'alias' = 'index'): void {
  const type = kind === 'index' ? 'invalid_index_name_exception' : 'invalid_alias_name_exception';
  const fail = (why: string): never => {
    throw badRequest(type, `Invalid ${kind} name [${name}], ${why}`, { index_uuid: '_na_', index: name });
  };
  if (name.length === 0) fail('must not be empty');
  if (name !== name.toLowerCase()) fail('must be lowercase');
  const bad = FORBIDDEN_CHARS.find((ch) => name.includes(ch));
  if (bad !== undefined) fail(`must not contain the following characters [${FORBIDDEN_CHARS.join(', ')}]`);
  if (name.startsWith('_') || name.startsWith('-') || name.startsWith('+')) fail('must not start with \'_\', \'-\', or \'+\'');
  if (name === '.' || name === '..') fail('must not be \'.\' or \'..\'');
  if (Buffer.byteLength(name) > MAX_NAME_BYTES) fail(`index name is too long, (${Buffer.byteLength(name)} > ${MAX_NAME_BYTES})`);
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(name)) fail('must not contain control characters');
}

/** Whether `name` matches a simple `*` wildcard expression. */
export function matchesWildcard(pattern: string, name: string): boolean {
  const re = new RegExp(`^${pattern.split('*').map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`);
  return re.test(name);
}
