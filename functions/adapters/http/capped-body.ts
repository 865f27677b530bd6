/** Reads a response body (already decompressed by fetch) up to a byte cap. */
export class BodyTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`response larger than ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

/**
 * Collects the body; past `maxBytes` it cancels the stream (closing the socket, so a gzip bomb
 * is never inflated further) and throws {@link BodyTooLargeError}.
 *
 * @example
 * const bytes = await readCappedBody(response.body, 5 * 1024 * 1024);
 */
export async function readCappedBody(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (body === null) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new BodyTooLargeError(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
