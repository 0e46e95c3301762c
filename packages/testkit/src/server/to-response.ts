import type { WireResponse } from "./wire-response.js";

/** Statuses whose `Response` may not have a body (the constructor throws otherwise). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The `Response` a fetch client gets. `Date` tells the simulated time, as a real server's tells
 * its own; `Content-Length` is the whole text even when a reset cuts the body short, as on a
 * socket that dies mid-answer.
 */
export function toResponse(wire: WireResponse, now: Date, method: string): Response {
  const bytes = new TextEncoder().encode(wire.text ?? "");
  const headers = new Headers({ date: now.toUTCString() });
  for (const [name, value] of Object.entries(wire.headers)) headers.set(name, value);
  headers.set("content-length", String(bytes.byteLength));
  const init = { status: wire.status, headers };
  if (NULL_BODY_STATUSES.has(wire.status) || method === "HEAD") return new Response(null, init);
  if (!wire.resetMidway) return new Response(bytes, init);
  return new Response(resetMidway(bytes), init);
}

/** Half the body, then the error a fetch reports when the connection is reset mid-answer. */
function resetMidway(bytes: Uint8Array): ReadableStream<Uint8Array> {
  let sent = false;
  return new ReadableStream({
    pull(controller) {
      if (!sent) {
        sent = true;
        controller.enqueue(bytes.slice(0, Math.max(1, Math.floor(bytes.byteLength / 2))));
        return;
      }
      controller.error(
        new TypeError("terminated: the connection was reset (loginkit reset fault)"),
      );
    },
  });
}
