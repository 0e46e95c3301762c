import { copyHeaders } from "./copy-headers.js";
import { readBodyCapped } from "./read-body-capped.js";

/**
 * A copy of `response` whose body has been read in full, up to `maxBytes`: core's own sign-in,
 * refresh, sign-out and session answers, read inside the attempt so their body is bounded by its
 * timeout whatever its type. (User answers are handed back as they are: see client/watch-body.ts.)
 */
export async function bufferResponse(
  response: Response,
  signal: AbortSignal,
  options: { maxBytes?: number } = {},
): Promise<BufferedResponse | Response> {
  if (!response.body) return response;
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
