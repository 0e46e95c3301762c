import type { ErrorRequest } from "../errors/LoginkitError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { TimeoutError } from "../errors/TimeoutError.js";

const BODY_READERS = ["arrayBuffer", "blob", "bytes", "formData", "json", "text"] as const;
type BodyReader = (typeof BODY_READERS)[number];

export interface BodyGuard {
  /** The attempt's signal: aborted by the caller, or by this guard when a read times out. */
  signal: AbortSignal;
  abort(reason: unknown): void;
  /** Longest wait for one whole body read, in ms, or `false`. */
  timeout: number | false;
  request: ErrorRequest;
  /** The `AbortError` for the caller's own abort while the body arrives. */
  aborted(): unknown;
  /** Scrubs a platform error before it becomes a `cause`. */
  scrub(error: unknown): unknown;
  /**
   * Decides on the failed read like on a failed attempt: sends the request again (when it may
   * be, within the same retry count and budget) and resolves with the new answer, else rejects
   * with the error (or `RetriesExhaustedError`).
   */
  again(failure: NetworkError | TimeoutError): Promise<Response>;
}

/**
 * Hands back a JSON or text answer unread, its body readers guarded.
 *
 * Why not read the body first, inside the attempt: copying every answer into a new Response
 * cost more than the rest of a call (BENCHMARKS.md). What that buffering bought is kept here,
 * at the moment the caller (openapi-fetch) reads: a connection cut while the body arrives is a
 * `NetworkError`, and the request is sent again and its new answer read when a retry is
 * possible; a body that stalls ends in a `TimeoutError` after `timeout`. Streams (server-sent
 * events, downloads) are left alone: they are read as they arrive, for as long as they last.
 */
export function guardBody(response: Response, guard: BodyGuard): Response {
  if (response.body === null || !isReadWhole(response.headers.get("content-type"))) {
    return response;
  }
  for (const name of BODY_READERS) {
    const read = response[name] as (() => Promise<unknown>) | undefined;
    if (typeof read !== "function") continue;
    Object.defineProperty(response, name, {
      configurable: true,
      writable: true,
      value: () => readGuarded(response, name, read, guard),
    });
  }
  return response;
}

async function readGuarded(
  response: Response,
  name: BodyReader,
  read: () => Promise<unknown>,
  guard: BodyGuard,
): Promise<unknown> {
  const { request } = guard;
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let failure: NetworkError | TimeoutError;
  try {
    return await new Promise<unknown>((resolve, reject) => {
      if (guard.timeout !== false) {
        timer = setTimeout(() => {
          timedOut = true;
          const reason = new DOMException("The body read timed out", "TimeoutError");
          // Aborting the attempt ends the transfer; the rejection ends a read that ignores it.
          guard.abort(reason);
          reject(reason);
        }, guard.timeout);
      }
      read.call(response).then(resolve, reject);
    });
  } catch (error) {
    if (timedOut) {
      const timeout = Number(guard.timeout);
      const what = `The answer to ${request.method} ${request.url}`;
      failure = new TimeoutError(`${what} did not arrive within ${timeout} ms`, {
        timeout,
        request,
      });
    } else if (error instanceof TypeError && !guard.signal.aborted) {
      // What fetch says when the connection ends before the body does ("terminated").
      failure = new NetworkError(`${request.method} ${request.url}: the answer was cut off`, {
        cause: guard.scrub(error),
        request,
      });
    } else if (guard.signal.aborted) {
      throw guard.aborted();
    } else {
      // A body that is not JSON, a body already read: the caller's to see, as with fetch.
      throw error;
    }
  } finally {
    clearTimeout(timer);
  }
  const next = await guard.again(failure);
  return (next[name] as () => Promise<unknown>)();
}

function isReadWhole(contentType: string | null): boolean {
  if (contentType === null) return false;
  const type = contentType.toLowerCase();
  return (
    (type.includes("json") || type.startsWith("text/")) && !type.startsWith("text/event-stream")
  );
}
