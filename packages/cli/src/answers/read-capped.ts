export interface CappedBody {
  readonly bytes: Uint8Array;
  /** True when the body went on past the cap: `bytes` holds its first `maxBytes` only. */
  readonly overflowed: boolean;
}

/**
 * Reads a body to its end or to `maxBytes`, whichever comes first, and cancels the stream when
 * it stops early or `signal` aborts. `check` must never hold more of an answer than the client
 * it drives would read: a 300 MB answer is drift to report, not memory to spend.
 */
export async function readCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<CappedBody> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let overflowed = false;
  if (body !== null) {
    const reader = body.getReader();
    const stop = () => reader.cancel(signal?.reason).catch(() => {});
    signal?.addEventListener("abort", stop, { once: true });
    try {
      for (;;) {
        signal?.throwIfAborted();
        const { done, value } = await reader.read();
        signal?.throwIfAborted();
        if (done) break;
        if (size + value.byteLength > maxBytes) {
          chunks.push(value.subarray(0, maxBytes - size));
          size = maxBytes;
          overflowed = true;
          reader.cancel().catch(() => {});
          break;
        }
        chunks.push(value);
        size += value.byteLength;
      }
    } catch (error) {
      stop();
      throw error;
    } finally {
      signal?.removeEventListener("abort", stop);
    }
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { bytes, overflowed };
}
