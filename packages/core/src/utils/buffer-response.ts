import { copyHeaders } from "./copy-headers.js";
import { readBodyCapped } from "./read-body-capped.js";

/**
 * A copy of `response` whose body has been read in full (up to `maxBytes`), or the response
 * itself when its body is a stream meant to be consumed as it arrives (server-sent events,
 * binary downloads) and `always` is not set.
 *
 * Why: a connection cut halfway through a body surfaces only when the caller reads it, after
 * the retry loop has returned. Reading JSON and text answers inside the attempt turns that cut
 * into a network error the loop can retry, and it is what a login or REST API answers with.
 * Core's own sign-in, refresh and sign-out answers are always read here (`always`), so their
 * body is bounded by the attempt's timeout whatever its type.
 */
export async function bufferResponse(
  response: Response,
  signal: AbortSignal,
  options: { always?: boolean; maxBytes?: number } = {},
): Promise<BufferedResponse | Response> {
  if (!response.body || !(options.always || isBufferable(response.headers.get("content-type")))) {
    return response;
  }
  const maxBytes = options.maxBytes ?? Number.POSITIVE_INFINITY;
  const { bytes, overflowed } = await readBodyCapped(response.body, maxBytes, signal);
  // Decoded bytes no longer match a compressed length and encoding; otherwise the headers stand.
  let headers = response.headers;
  if (headers.has("content-encoding") || overflowed) {
    headers = copyHeaders(headers);
    headers.delete("content-encoding");
    headers.delete("content-length");
  }
  return new BufferedResponse(bytes, response, headers, overflowed ? maxBytes : undefined);
}

/** `new Response` cannot take `url` and `redirected`; callers (and redirect handling) read them. */
export class BufferedResponse extends Response {
  readonly #url: string;
  readonly #redirected: boolean;
  /** Set when the body was cut: the cap, in bytes, it was cut at. */
  readonly cutAt?: number;

  constructor(body: Uint8Array<ArrayBuffer>, original: Response, headers: Headers, cutAt?: number) {
    // A null-body status (204, 304) cannot carry even an empty buffer.
    const nullBody = [204, 205, 304].includes(original.status);
    super(nullBody ? null : body, {
      status: original.status,
      statusText: original.statusText,
      headers,
    });
    this.#url = original.url;
    this.#redirected = original.redirected;
    if (cutAt !== undefined) this.cutAt = cutAt;
  }

  override get url(): string {
    return this.#url;
  }

  override get redirected(): boolean {
    return this.#redirected;
  }
}

function isBufferable(contentType: string | null): boolean {
  if (contentType === null) return false;
  const type = contentType.toLowerCase();
  return (
    (type.includes("json") || type.startsWith("text/")) && !type.startsWith("text/event-stream")
  );
}
