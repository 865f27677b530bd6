import { multipartPartsSchema } from '../domain/uploads/upload-schemas.ts';
import { presignParts } from '../domain/uploads/uploads.ts';
import { httpHandler } from '../platform/http/http-handler.ts';
import { successResponse } from '../platform/http/responses.ts';
import { uploadPresigner } from '../platform/services/uploads.services.ts';
import { parseInput } from '../platform/validation.ts';

export const handler = httpHandler({ authorized: true, json: 'required' }, async ({ workspaceId, body }) => {
  const request = parseInput(multipartPartsSchema, body, 'part URL request');
  return successResponse(await presignParts(uploadPresigner(), workspaceId, request));
});
