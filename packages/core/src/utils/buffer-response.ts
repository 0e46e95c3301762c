/**
 * A copy of `response` whose body has been read in full, or the response itself when its body
 * is a stream meant to be consumed as it arrives (server-sent events, binary downloads).
 *
 * Why: a connection cut halfway through a body surfaces only when the caller reads it, after
 * the retry loop has returned. Reading JSON and text answers inside the attempt turns that cut
 * into a network error the loop can retry, and it is what a login or REST API answers with.
 */
export async function bufferResponse(response: Response): Promise<Response> {
  if (!response.body || !isBufferable(response.headers.get("content-type"))) return response;
  const body = await response.arrayBuffer();
  // Decoded bytes no longer match a compressed length and encoding; otherwise the headers stand.
  let headers = response.headers;
  if (headers.has("content-encoding")) {
    headers = new Headers(headers);
    headers.delete("content-encoding");
    headers.delete("content-length");
  }
  return new BufferedResponse(body, response, headers);
}

/** `new Response` cannot take `url` and `redirected`; callers (and redirect handling) read them. */
class BufferedResponse extends Response {
  readonly #url: string;
  readonly #redirected: boolean;

  constructor(body: ArrayBuffer, original: Response, headers: Headers) {
    super(body, { status: original.status, statusText: original.statusText, headers });
    this.#url = original.url;
    this.#redirected = original.redirected;
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
