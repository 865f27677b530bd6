/**
 * A page cursor over one partition: the last sort key read, base64url so it travels in a query
 * string. The partition always comes from the caller's own scope, never from the cursor.
 */
export const cursorOfSortKey = (sk: string): string => Buffer.from(sk, 'utf8').toString('base64url');
export const sortKeyOfCursor = (cursor: string): string => Buffer.from(cursor, 'base64url').toString('utf8');
