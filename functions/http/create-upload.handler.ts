import { MAX_SINGLE_UPLOAD_BYTES } from '../domain/uploads/limits.ts';
import { parseNewUpload } from '../domain/uploads/new-upload.ts';
import { createUpload } from '../domain/uploads/uploads.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { uploadPresigner } from '../platform/services/uploads.services.ts';
import { idempotencyMiddleware } from '../platform/services/idempotency.services.ts';

export const handler = httpHandler({ authorized: true, json: 'required', idempotency: idempotencyMiddleware() }, async ({ workspaceId, body }) => {
  const upload = parseNewUpload(body, MAX_SINGLE_UPLOAD_BYTES, '; use POST /v1/uploads/multipart for bigger files');
  return successResponse(await createUpload(uploadPresigner(), workspaceId, upload), 201);
});
