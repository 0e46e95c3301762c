/**
 * The chunks of a body read to its end, as one array of `size` bytes. A body that came in one
 * chunk filling its own buffer is returned as it is: no copy for the common small answer.
 */
export function joinChunks(chunks: readonly Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  if (chunks.length === 1) {
    const only = chunks[0] as Uint8Array<ArrayBuffer>;
    return only.byteOffset === 0 && only.byteLength === only.buffer.byteLength
      ? only
      : only.slice();
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}
