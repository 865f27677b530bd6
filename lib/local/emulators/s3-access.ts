/**
 * What S3 refuses before it looks at a request, and s3rver does not:
 * - Anonymous requests. Every bucket of the stack is private, so S3 answers 403 AccessDenied to
 *   a request carrying no signature. s3rver verifies a signature only when one is present and
 *   serves unsigned requests as if they were the owner's, so dropping a presigned URL's
 *   `X-Amz-*` parameters would lift every condition that URL was signed with. A request must
 *   carry SigV4 in its Authorization header or its query; s3rver then verifies it against the
 *   local cloud's key pair. CORS preflights carry no credentials (S3 answers them from the
 *   bucket's CORS rules), and form uploads are verified against their signed policy
 *   (./s3-post-policy.ts).
 * - Keys that name a path. s3rver stores an object as a file at `<directory>/<bucket>/<key>`, so a
 *   `.` or `..` segment (raw or percent-encoded, `%2f` included) would resolve outside the bucket
 *   or the data directory. S3 itself accepts such keys; the emulator refuses them with 400, the
 *   price of keeping objects as plain files.
 */
import type { IncomingMessage } from 'node:http';
import type { PolicyRefusal } from './s3-post-policy.ts';

const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

const isSigned = (req: IncomingMessage, url: URL): boolean => {
  const authorization = req.headers.authorization;
  if (authorization !== undefined) return authorization.trimStart().toUpperCase().startsWith(`${SIGV4_ALGORITHM} `);
  return url.searchParams.has('X-Amz-Algorithm');
};

const climbsOut = (pathname: string): boolean | undefined => {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  return decoded.split(/[/\\]/).some((segment) => segment === '.' || segment === '..') || decoded.includes('\0');
};

/** The refusal S3 (or the emulator's file store) owes this request before it is routed; undefined when it may proceed. */
export function refuseBeforeRouting(req: IncomingMessage, url: URL, isFormUpload: boolean): PolicyRefusal | undefined {
  // The raw path: a parsed URL has already resolved its dot segments, `%2e%2e` included.
  const climbs = climbsOut((req.url ?? '/').split('?')[0] ?? '/');
  if (climbs === undefined) return { status: 400, code: 'InvalidURI', message: 'Could not parse the specified URI.' };
  if (climbs) return { status: 400, code: 'InvalidArgument', message: 'The local S3 emulator stores objects as files and refuses keys with "." or ".." segments.' };
  if (req.method === 'OPTIONS' || isFormUpload || isSigned(req, url)) return undefined;
  return { status: 403, code: 'AccessDenied', message: 'Access Denied' };
}
