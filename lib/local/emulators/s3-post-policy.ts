/**
 * Browser form uploads (S3 POST Object) the way S3 checks them. s3rver stores whatever a form
 * POST sends: it ignores the policy, its signature, its expiry and its conditions, so a
 * `content-length-range` or a pinned key would never fail locally. This module checks them
 * before s3rver sees the request, and answers S3's own error codes.
 * {@link https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-HTTPPOSTConstructPolicy.html}
 */
import { createHmac } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';

/** Form uploads are buffered to be checked, so the emulator bounds them (S3's own POST limit is 5 GB). */
export const EMULATOR_MAX_POST_BYTES = 512 * 1024 * 1024;

export interface PolicyRefusal {
  readonly status: number;
  readonly code: string;
  readonly message: string;
}

export interface PostForm {
  /** Form fields before the file, by lowercase name. */
  readonly fields: ReadonlyMap<string, string>;
  readonly fileSize: number | undefined;
}

type Condition = Record<string, unknown> | unknown[];
interface Policy {
  expiration?: string;
  conditions?: Condition[];
}

/** Fields a policy need not mention. */
const EXEMPT = new Set(['x-amz-signature', 'file', 'policy']);

const refuse = (message: string, status = 403, code = 'AccessDenied'): PolicyRefusal => ({ status, code, message });

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = createHmac('sha256', `AWS4${secret}`).update(date).digest();
  const kRegion = createHmac('sha256', kDate).update(region).digest();
  const kService = createHmac('sha256', kRegion).update(service).digest();
  return createHmac('sha256', kService).update('aws4_request').digest();
}

function checkSignature(fields: ReadonlyMap<string, string>, policyB64: string, secretFor: (accessKeyId: string) => string | undefined): PolicyRefusal | undefined {
  if (fields.get('x-amz-algorithm') !== 'AWS4-HMAC-SHA256') return refuse('Only AWS4-HMAC-SHA256 form signatures are supported', 400, 'InvalidArgument');
  const [accessKeyId = '', date = '', region = '', service = ''] = (fields.get('x-amz-credential') ?? '').split('/');
  const secret = secretFor(accessKeyId);
  if (!secret) return refuse('The AWS Access Key Id you provided does not exist in our records.', 403, 'InvalidAccessKeyId');
  const expected = createHmac('sha256', signingKey(secret, date, region, service)).update(policyB64).digest('hex');
  if (fields.get('x-amz-signature') !== expected) return refuse('The request signature we calculated does not match the signature you provided.', 403, 'SignatureDoesNotMatch');
  return undefined;
}

/** The field a condition names: `$key` → `key`; `bucket` is the path's, not a form field. */
const valueOf = (name: string, form: PostForm, bucket: string): string | undefined => {
  const field = name.replace(/^\$/, '').toLowerCase();
  return field === 'bucket' ? bucket : form.fields.get(field);
};

function checkCondition(condition: Condition, form: PostForm, bucket: string, covered: Set<string>): PolicyRefusal | undefined {
  const failed = refuse(`Invalid according to Policy: Policy Condition failed: ${JSON.stringify(condition)}`);
  if (!Array.isArray(condition)) {
    for (const [name, expected] of Object.entries(condition)) {
      covered.add(name.toLowerCase());
      if (valueOf(name, form, bucket) !== expected) return failed;
    }
    return undefined;
  }
  const [op, a, b] = condition;
  if (op === 'content-length-range') {
    const size = form.fileSize ?? 0;
    if (size > Number(b)) return refuse('Your proposed upload exceeds the maximum allowed size', 400, 'EntityTooLarge');
    if (size < Number(a)) return refuse('Your proposed upload is smaller than the minimum allowed size', 400, 'EntityTooSmall');
    return undefined;
  }
  if (typeof a !== 'string' || typeof b !== 'string') return failed;
  covered.add(a.replace(/^\$/, '').toLowerCase());
  const actual = valueOf(a, form, bucket) ?? '';
  if (op === 'eq') return actual === b ? undefined : failed;
  if (op === 'starts-with') return actual.startsWith(b) ? undefined : failed;
  return refuse(`Invalid Policy: unknown condition ${String(op)}`, 400, 'InvalidPolicyDocument');
}

/** Whether S3 would accept this form upload; undefined when it would. */
export function checkPostPolicy(form: PostForm, bucket: string, now: Date, secretFor: (accessKeyId: string) => string | undefined): PolicyRefusal | undefined {
  const policyB64 = form.fields.get('policy');
  // The bucket is private: a form without a signed policy is anonymous, and anonymous writes are refused.
  if (!policyB64) return refuse('Access Denied');
  const bad = checkSignature(form.fields, policyB64, secretFor);
  if (bad) return bad;
  let policy: Policy;
  try {
    policy = JSON.parse(Buffer.from(policyB64, 'base64').toString('utf8')) as Policy;
  } catch {
    return refuse('Invalid Policy: Invalid JSON.', 400, 'InvalidPolicyDocument');
  }
  if (!policy.expiration || !(Date.parse(policy.expiration) > now.getTime())) return refuse('Invalid according to Policy: Policy expired.');
  if (form.fileSize === undefined) return refuse('POST requires exactly one file upload per request.', 400, 'InvalidArgument');
  const covered = new Set<string>();
  for (const condition of policy.conditions ?? []) {
    const refusal = checkCondition(condition, form, bucket, covered);
    if (refusal) return refusal;
  }
  for (const name of form.fields.keys()) {
    if (!EXEMPT.has(name) && !name.startsWith('x-ignore-') && !covered.has(name)) {
      return refuse(`Invalid according to Policy: Extra input fields: ${name}`);
    }
  }
  return undefined;
}

/** `POST /<bucket>` (or `/<bucket>/`) with a form body and no sub-resource: an S3 POST Object. */
export function isFormUpload(req: IncomingMessage, url: URL): boolean {
  return req.method === 'POST' && /^\/[^/]+\/?$/.test(url.pathname) && url.search === '' && /^multipart\/form-data/i.test(req.headers['content-type'] ?? '');
}

/** Reads the whole form (bounded) and parses it with the platform's own multipart parser. */
export async function readPostForm(req: IncomingMessage): Promise<{ body: Buffer; form: PostForm } | PolicyRefusal> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > EMULATOR_MAX_POST_BYTES) return refuse(`The local emulator checks form uploads up to ${EMULATOR_MAX_POST_BYTES} bytes; use multipart`, 400, 'EntityTooLarge');
    chunks.push(chunk);
  }
  const body = Buffer.concat(chunks);
  let data: FormData;
  try {
    data = await new Request('http://s3.local/', { method: 'POST', headers: { 'content-type': req.headers['content-type'] ?? '' }, body }).formData();
  } catch {
    return refuse('The body of your POST request is not well-formed multipart/form-data.', 400, 'MalformedPOSTRequest');
  }
  const fields = new Map<string, string>();
  let fileSize: number | undefined;
  for (const [name, value] of data.entries()) {
    if (name.toLowerCase() === 'file') {
      // S3 ignores every field after the file.
      fileSize = typeof value === 'string' ? Buffer.byteLength(value) : value.size;
      break;
    }
    if (typeof value === 'string') fields.set(name.toLowerCase(), value);
  }
  return { body, form: { fields, fileSize } };
}

/** The request again, its body replayed from memory, for s3rver to store as usual. */
export function replayRequest(req: IncomingMessage, body: Buffer): IncomingMessage {
  const replay = Readable.from([body], { objectMode: false }) as unknown as IncomingMessage;
  for (const prop of ['headers', 'rawHeaders', 'method', 'url', 'httpVersion', 'httpVersionMajor', 'httpVersionMinor', 'socket', 'trailers', 'rawTrailers'] as const) {
    Object.defineProperty(replay, prop, { value: req[prop], enumerable: true, configurable: true, writable: true });
  }
  return replay;
}

export const s3ErrorXml = (refusal: PolicyRefusal): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${refusal.message.replace(/[<>&]/g, (c) => `&#${c.charCodeAt(0)};`)}</Message></Error>`;
