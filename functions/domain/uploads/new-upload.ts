import { AppError } from '../../platform/errors.ts';
import { parseInput } from '../../platform/validation.ts';
import { ALLOWED_UPLOAD_CONTENT_TYPES, ALLOWED_UPLOAD_EXTENSIONS } from './limits.ts';
import { newUploadSchema, type NewUploadRequest } from './upload-schemas.ts';

export const DEFAULT_UPLOAD_CONTENT_TYPE = 'text/csv';

export interface NewUpload extends NewUploadRequest {
  readonly content_type: string;
}

const mediaTypeOf = (contentType: string): string => (contentType.split(';')[0] ?? '').trim().toLowerCase();
const extensionOf = (filename: string): string => {
  const dot = filename.lastIndexOf('.');
  return dot <= 0 ? '' : filename.slice(dot).toLowerCase();
};

/**
 * Reads a new-upload request (single or multipart): a missing file name is
 * ERR_MISSING_FILENAME (the seed's code), a size over `maxSize` ERR_FILE_TOO_LARGE, a type the
 * import cannot read ERR_UNSUPPORTED_MEDIA_TYPE; each names its field.
 */
export function parseNewUpload(body: unknown, maxSize: number, tooLargeHint = ''): NewUpload {
  const raw = (body ?? {}) as Record<string, unknown>;
  if (typeof raw.filename !== 'string' || raw.filename.trim() === '') {
    throw new AppError('ERR_MISSING_FILENAME', 'filename is required', [{ path: 'filename', message: 'Give the name of the file to upload' }]);
  }
  const request = parseInput(newUploadSchema, body, 'upload request');
  if (request.size > maxSize) {
    throw new AppError('ERR_FILE_TOO_LARGE', `size may be at most ${maxSize} bytes`, [
      { path: 'size', message: `At most ${maxSize} bytes${tooLargeHint}` },
    ]);
  }
  const contentType = request.content_type ?? DEFAULT_UPLOAD_CONTENT_TYPE;
  if (!(ALLOWED_UPLOAD_CONTENT_TYPES as readonly string[]).includes(mediaTypeOf(contentType))) {
    throw new AppError('ERR_UNSUPPORTED_MEDIA_TYPE', `content_type ${mediaTypeOf(contentType)} cannot be imported`, [
      { path: 'content_type', message: `One of ${ALLOWED_UPLOAD_CONTENT_TYPES.join(', ')}` },
    ]);
  }
  if (!(ALLOWED_UPLOAD_EXTENSIONS as readonly string[]).includes(extensionOf(request.filename))) {
    throw new AppError('ERR_UNSUPPORTED_MEDIA_TYPE', `filename must end in ${ALLOWED_UPLOAD_EXTENSIONS.join(', ')}`, [
      { path: 'filename', message: `A ${ALLOWED_UPLOAD_EXTENSIONS.join(', ')} file` },
    ]);
  }
  return { ...request, content_type: contentType };
}
