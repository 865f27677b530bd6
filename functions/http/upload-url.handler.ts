import { MAX_SINGLE_UPLOAD_BYTES } from '../domain/uploads/limits.ts';
import { parseNewUpload } from '../domain/uploads/new-upload.ts';
import { uploadUrlQuerySchema } from '../domain/uploads/upload-url-query.ts';
import { createUpload } from '../domain/uploads/uploads.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { uploadPresigner, uploadsBucket } from '../platform/services/uploads.services.ts';
import { parseInput } from '../platform/validation.ts';

/** Connectra's `GET /common/upload-url?filename=…`: the same ticket as POST /v1/uploads, by query. */
export const handler = httpHandler({ authorized: true, json: false }, async ({ event, workspaceId }) => {
  const query = parseInput(uploadUrlQuerySchema, event.queryStringParameters ?? {}, 'query');
  const upload = parseNewUpload({ ...query, size: query.size ?? MAX_SINGLE_UPLOAD_BYTES }, MAX_SINGLE_UPLOAD_BYTES);
  const ticket = await createUpload(uploadPresigner(), workspaceId, upload);
  const byForm = query.size === undefined;
  return successResponse({
    ...ticket,
    upload_url: byForm ? ticket.post.url : ticket.upload_url,
    method: byForm ? ('POST' as const) : ('PUT' as const),
    ...(byForm ? { fields: ticket.post.fields } : {}),
    s3_bucket: uploadsBucket(),
  });
});
