import { multipartAbortSchema } from '../domain/uploads/upload-schemas.ts';
import { abortMultipartUpload } from '../domain/uploads/uploads.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { uploadPresigner } from '../platform/services/uploads.services.ts';
import { parseInput } from '../platform/validation.ts';

export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ workspaceId, body }) => {
  const request = parseInput(multipartAbortSchema, body, 'abort request');
  return successResponse(await abortMultipartUpload(uploadPresigner(), workspaceId, request));
});
