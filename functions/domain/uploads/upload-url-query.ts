import { z } from 'zod';
import { uploadTicketSchema } from './upload-schemas.ts';

/**
 * `GET /v1/uploads/url?filename=…` (Connectra's upload URL). `size` is optional there: without
 * it the answer's `upload_url` is the presigned form POST (any length up to the single-upload
 * cap, which S3 enforces); with it, the presigned PUT for exactly that length.
 */
export const uploadUrlQuerySchema = z.strictObject({
  filename: z.string().max(1024).optional(),
  size: z.coerce.number().int().min(1).optional(),
  content_type: z.string().trim().min(1).max(255).optional(),
});

export const uploadUrlAnswerSchema = uploadTicketSchema.extend({
  upload_url: z.string().describe('The PUT URL when `size` was given, else the form POST URL (send `fields` with it)'),
  method: z.enum(['PUT', 'POST']),
  fields: z.record(z.string(), z.string()).optional().describe('Form fields of the POST, when `method` is POST'),
  s3_bucket: z.string().describe('leadstack\'s uploads bucket: the only `s3_bucket` a job may name'),
});
