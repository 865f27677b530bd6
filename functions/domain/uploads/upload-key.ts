import { randomUUID } from 'node:crypto';
import { MAX_FILENAME_LENGTH } from './limits.ts';

/** Every object of a workspace lives under its own prefix, which is also how an event finds its owner. */
export const WORKSPACE_PREFIX = 'workspaces/';
const WORKSPACE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function workspaceOfKey(key: string): string | undefined {
  if (!key.startsWith(WORKSPACE_PREFIX)) return undefined;
  const workspaceId = key.slice(WORKSPACE_PREFIX.length).split('/')[0];
  return workspaceId && WORKSPACE_ID.test(workspaceId) ? workspaceId : undefined;
}

/** Where a workspace's own uploads go; clients may only ever write below it. */
export const uploadsPrefixOf = (workspaceId: string): string => `${WORKSPACE_PREFIX}${workspaceId}/uploads/`;

/**
 * A file name safe in a key, a URL and a Content-Disposition header: letters, digits, `.`, `_`
 * and `-` only, no leading dot (no `..`, no hidden files), at most MAX_FILENAME_LENGTH long.
 */
export function sanitiseFilename(filename: string): string {
  const base = filename.split(/[\\/]/).pop() ?? '';
  const safe = base
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/^[._]+/, '')
    .slice(-MAX_FILENAME_LENGTH);
  return safe === '' ? 'upload' : safe;
}

/** `workspaces/<ws>/uploads/<uuid>/<name>`: the uuid keeps two uploads of one name apart. */
export const newUploadKey = (workspaceId: string, filename: string, id: string = randomUUID()): string =>
  `${uploadsPrefixOf(workspaceId)}${id}/${sanitiseFilename(filename)}`;

/**
 * True when `key` is one the workspace's clients may write: under its uploads prefix, with no
 * path trick (`..`, empty segment, backslash) that a store or a later reader might resolve elsewhere.
 */
export function isOwnUploadKey(workspaceId: string, key: string): boolean {
  const prefix = uploadsPrefixOf(workspaceId);
  if (!key.startsWith(prefix) || key.length === prefix.length) return false;
  const segments = key.slice(prefix.length).split('/');
  return !key.includes('\\') && segments.every((s) => s !== '' && s !== '.' && s !== '..');
}
