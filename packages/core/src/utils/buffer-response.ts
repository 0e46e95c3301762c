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
  // The bytes are decoded now: the wire's length and encoding no longer describe them.
  const headers = new Headers(response.headers);
  headers.delete("content-encoding");
  headers.delete("content-length");
  const copy = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
  // `new Response` cannot take these; callers (and redirect handling) may read them.
  Object.defineProperties(copy, {
    url: { value: response.url },
    redirected: { value: response.redirected },
  });
  return copy;
}

function isBufferable(contentType: string | null): boolean {
  if (contentType === null) return false;
  const type = contentType.toLowerCase();
  return (
    (type.includes("json") || type.startsWith("text/")) && !type.startsWith("text/event-stream")
  );
}
