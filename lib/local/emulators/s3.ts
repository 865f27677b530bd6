/**
 * @20minutes/s3rver as the S3 emulator: objects as files under the data directory, SigV4
 * (header and presigned) verification, CORS from the bucket's configuration, multipart; plus
 * the checks s3rver lacks: anonymous requests and keys that climb out of the data directory
 * (./s3-access.ts), form-upload policies (./s3-post-policy.ts), multipart aborts and unknown
 * upload ids (./s3-multipart.ts).
 *
 * We serve its Koa handler from our own loopback server so each request runs inside an
 * AsyncLocalStorage scope: s3rver's object events do not say whether a POST completed a
 * multipart upload or was a form upload, and AWS names those two events differently.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import type { CloudLog } from '../log.ts';
import { LOCAL_CREDENTIALS } from '../aws.ts';
import { closeServer, httpUrl, listen } from '../net.ts';
import { refuseBeforeRouting } from './s3-access.ts';
import { multipartUploads } from './s3-multipart.ts';
import { checkPostPolicy, isFormUpload, readPostForm, replayRequest, s3ErrorXml } from './s3-post-policy.ts';

/** What one object-level change looked like, before it is shaped as an AWS notification. */
export interface S3ObjectEvent {
  /** AWS event name, e.g. `ObjectCreated:Put`. */
  eventName: string;
  bucket: string;
  /** The object key, decoded. */
  key: string;
  size?: number;
  eTag?: string;
  sequencer: string;
  sourceIp: string;
  time: Date;
}

export interface S3Emulator {
  endpoint: string;
  onObjectEvent(listener: (event: S3ObjectEvent) => void): void;
  stop(): Promise<void>;
}

export interface S3EmulatorOptions {
  port: number;
  directory: string;
  log: CloudLog;
}

interface S3rverRecord {
  eventName: string;
  eventTime: string;
  requestParameters: { sourceIPAddress: string };
  s3: { bucket: { name: string }; object: { key: string; size?: number; eTag?: string; sequencer: string } };
}
interface KoaContext {
  path: string;
  state: { vhost?: boolean };
  mountPath?: string;
}
type KoaMiddleware = (ctx: KoaContext, next: () => Promise<void>) => Promise<void>;
interface S3rverApp {
  middleware: KoaMiddleware[];
  store: Parameters<typeof multipartUploads>[0];
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
  on(event: 'event', listener: (event: { Records: S3rverRecord[] }) => void): void;
  logger: { close(): void };
}
type S3rverClass = new (options: { directory: string; silent: boolean; configureBuckets: [] }) => S3rverApp;

const S3rver = createRequire(import.meta.url)('@20minutes/s3rver') as S3rverClass;

interface RequestFacts {
  method: string;
  query: URLSearchParams;
}

/**
 * The AWS SDK signs a path-style bucket request (`PUT /bucket/`) with the trailing slash in the
 * canonical URI, while s3rver rebuilds it as `/bucket` and rejects the signature. s3rver keeps
 * the slash for virtual-hosted requests (mount path `/` after the bucket), so such requests
 * are marked that way just before its router runs.
 */
const keepBucketTrailingSlash: KoaMiddleware = (ctx, next) => {
  if (ctx.state.vhost !== true && /^\/[^/]+\/$/.test(ctx.path)) {
    ctx.state.vhost = true;
    ctx.mountPath = '/';
  }
  return next();
};

const eventNameFor = (s3rverName: string, request: RequestFacts | undefined): string => {
  const completesMultipart = request?.method === 'POST' && request.query.has('uploadId');
  return s3rverName === 'ObjectCreated:Post' && completesMultipart ? 'ObjectCreated:CompleteMultipartUpload' : s3rverName;
};

export const startS3 = async ({ port, directory, log }: S3EmulatorOptions): Promise<S3Emulator> => {
  await mkdir(directory, { recursive: true });
  const app = new S3rver({ directory, silent: true, configureBuckets: [] });
  const requests = new AsyncLocalStorage<RequestFacts>();
  const listeners: ((event: S3ObjectEvent) => void)[] = [];
  app.on('event', ({ Records }) => {
    const request = requests.getStore();
    for (const record of Records) {
      const { bucket, object } = record.s3;
      const event: S3ObjectEvent = {
        eventName: eventNameFor(record.eventName, request),
        bucket: bucket.name,
        key: object.key,
        ...(object.size === undefined ? {} : { size: Number(object.size) }),
        ...(object.eTag === undefined ? {} : { eTag: object.eTag }),
        sequencer: object.sequencer,
        sourceIp: record.requestParameters.sourceIPAddress,
        time: new Date(record.eventTime),
      };
      for (const listener of listeners) listener(event);
    }
  });
  app.middleware.splice(app.middleware.length - 1, 0, keepBucketTrailingSlash, multipartUploads(app.store) as unknown as KoaMiddleware);
  const handle = app.callback();
  const secretFor = (accessKeyId: string) => (accessKeyId === LOCAL_CREDENTIALS.accessKeyId ? LOCAL_CREDENTIALS.secretAccessKey : undefined);
  /** A form POST is checked against its policy first (s3rver does not), then stored by s3rver. */
  const checkedFormUpload = async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<IncomingMessage | undefined> => {
    const read = await readPostForm(req);
    const bucket = url.pathname.split('/')[1] ?? '';
    const refusal = 'status' in read ? read : checkPostPolicy(read.form, bucket, new Date(), secretFor);
    if (refusal || 'status' in read) {
      res.writeHead(refusal?.status ?? 400, { 'content-type': 'application/xml' }).end(s3ErrorXml(refusal ?? { status: 400, code: 'InvalidArgument', message: '' }));
      return undefined;
    }
    return replayRequest(req, read.body);
  };
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://s3.local');
    const run = (request: IncomingMessage) => requests.run({ method: req.method ?? 'GET', query: url.searchParams }, () => handle(request, res));
    const formUpload = isFormUpload(req, url);
    const refusal = refuseBeforeRouting(req, url, formUpload);
    if (refusal) {
      // The body is not read: S3 also answers a refused request before its upload ends.
      res.writeHead(refusal.status, { 'content-type': 'application/xml', connection: 'close' }).end(req.method === 'HEAD' ? undefined : s3ErrorXml(refusal));
      return;
    }
    if (!formUpload) return run(req);
    checkedFormUpload(req, res, url).then(
      (checked) => checked && run(checked),
      (error: unknown) => {
        log.error('S3 form upload could not be checked', error);
        res.writeHead(500).end();
      },
    );
  });
  const endpoint = httpUrl(await listen(server, port));
  log.info(`S3 (s3rver) on ${endpoint} (${directory})`);
  return {
    endpoint,
    onObjectEvent: (listener) => {
      listeners.push(listener);
    },
    stop: async () => {
      await closeServer(server);
      app.logger.close();
    },
  };
};
