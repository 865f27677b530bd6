import { MAX_MULTIPART_UPLOAD_BYTES } from '../domain/uploads/limits.ts';
import { parseNewUpload } from '../domain/uploads/new-upload.ts';
import { startMultipartUpload } from '../domain/uploads/uploads.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { uploadPresigner } from '../platform/services/uploads.services.ts';
import { idempotencyMiddleware } from '../platform/services/idempotency.services.ts';

export const handler = httpHandler({ authorized: true, json: 'required', idempotency: idempotencyMiddleware() }, async ({ workspaceId, body }) => {
  const upload = parseNewUpload(body, MAX_MULTIPART_UPLOAD_BYTES);
  return successResponse(await startMultipartUpload(uploadPresigner(), workspaceId, upload), 201);
});
