// Reading a response body with a size cap, for every client that reads bodies itself (the registry transport, the
// Kubernetes API reader): a hostile or broken server must not fill memory.

/**
 * Reads a body to its end, or stops past `cap` bytes and returns undefined (leaving the iterator cancels the stream:
 * fetch's ReadableStream or undici's body). A missing body is an empty one.
 */
export async function readCapped(
  body: AsyncIterable<Uint8Array> | null | undefined,
  cap: number,
): Promise<Buffer | undefined> {
  if (!body) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.byteLength;
    if (size > cap) return undefined;
    chunks.push(chunk);
  }
  return chunks.length === 1 ? Buffer.from(chunks[0].buffer, chunks[0].byteOffset, size) : Buffer.concat(chunks, size);
}
