import { joinChunks } from "./join-chunks.js";

export interface CappedBody {
  bytes: Uint8Array<ArrayBuffer>;
  /** True when the body went on past `maxBytes`: `bytes` holds its first `maxBytes` only. */
  overflowed: boolean;
}

/**
 * Reads a body to its end or to `maxBytes`, whichever comes first, and cancels the stream when
 * it stops early or when `signal` aborts, so the socket is freed rather than drained.
 *
 * Why not `response.arrayBuffer()`: it cannot be stopped by a timeout the transport does not
 * see (an injected fetch, a Request whose signal was collected) and it has no size cap.
 */
export async function readBodyCapped(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  signal?: AbortSignal,
): Promise<CappedBody> {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let overflowed = false;
  if (body) {
    const reader = body.getReader();
    const stop = () => {
      reader.cancel(signal?.reason).catch(() => {});
    };
    signal?.addEventListener("abort", stop, { once: true });
    try {
      for (;;) {
        signal?.throwIfAborted();
        const { done, value } = await reader.read();
        // A cancel from the abort listener ends the pending read with `done`: that is no end.
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
  return { bytes: joinChunks(chunks, size), overflowed };
}
