import { AbortError } from "../errors/AbortError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { RetriesExhaustedError } from "../errors/RetriesExhaustedError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import { sleep } from "../utils/abortable-sleep.js";
import { discardBody } from "../utils/discard-body.js";
import { raceSignal } from "../utils/race-signal.js";
import { decideRetry } from "./decide-retry.js";
import type { NormalizedRetryOptions, RetryContext, RetryReason } from "./retry-options.js";

export interface RetrySettings {
  request: { method: string; url: string };
  replaySafe: boolean;
  retry: NormalizedRetryOptions;
  /** Per-attempt limit in ms, or `false`. */
  timeout: number | false;
  /** The caller's signal: aborts the attempt in flight and any backoff at once. */
  signal?: AbortSignal;
  onRetry?: (context: RetryContext & { delay: number }) => void;
}

/**
 * Runs `attempt` until it yields a response that should not be retried. Returns the last
 * response when retries end on a status (so openapi-fetch still returns `{ error, response }`);
 * throws `NetworkError`/`TimeoutError` for a single failed attempt, `RetriesExhaustedError` when
 * several failed, `AbortError` when the caller aborted, and any other error unchanged.
 */
export async function runWithRetry(
  attempt: (signal: AbortSignal) => Promise<Response>,
  settings: RetrySettings,
): Promise<Response> {
  const { request, signal } = settings;
  const started = Date.now();
  for (let number = 1; ; number++) {
    if (signal?.aborted) throw toAbortError(signal, request);
    // One controller per attempt, aborted by the caller's signal or the timeout: cheaper than
    // AbortSignal.any, which allocates a dependent signal and weak references on every call.
    const attemptController = new AbortController();
    let timedOut = false;
    const onCallerAbort = () => attemptController.abort(signal?.reason);
    signal?.addEventListener("abort", onCallerAbort, { once: true });
    const timer =
      settings.timeout === false
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            attemptController.abort(new DOMException("The attempt timed out", "TimeoutError"));
          }, settings.timeout);
    const attemptSignal = attemptController.signal;
    let response: Response | undefined;
    let error: unknown;
    try {
      response = await raceSignal(attempt(attemptSignal), attemptSignal);
    } catch (thrown) {
      if (signal?.aborted) throw toAbortError(signal, request);
      error = classifyError(thrown, timedOut, settings);
    } finally {
      clearTimeout(timer);
    }

    const reason: RetryReason = response
      ? "status"
      : error instanceof TimeoutError
        ? "timeout"
        : "network";
    const context: RetryContext = {
      attempt: number,
      reason,
      status: response?.status,
      error,
      request,
    };
    const facts = {
      context,
      response,
      replaySafe: settings.replaySafe,
      elapsed: Date.now() - started,
    };
    const delay = decideRetry(facts, settings.retry);
    // The answer handed back stays linked to the caller's signal, so an abort still cancels
    // reading its body (a stream, a download); any other attempt is done with it.
    if (delay === undefined && response) return response;
    signal?.removeEventListener("abort", onCallerAbort);
    if (delay === undefined) {
      if (number > 1 && (error instanceof NetworkError || error instanceof TimeoutError)) {
        throw new RetriesExhaustedError(
          `${request.method} ${request.url} failed after ${number} attempts`,
          {
            attempts: number,
            cause: error,
            request,
          },
        );
      }
      throw error;
    }
    settings.onRetry?.({ ...context, delay });
    // Free the connection of a response we are not going to read.
    discardBody(response);
    try {
      await sleep(delay, signal);
    } catch {
      throw toAbortError(signal, request);
    }
  }
}

function classifyError(thrown: unknown, timedOut: boolean, settings: RetrySettings): unknown {
  const { request } = settings;
  if (timedOut) {
    return new TimeoutError(
      `${request.method} ${request.url} timed out after ${settings.timeout} ms`,
      {
        timeout: Number(settings.timeout),
        request,
      },
    );
  }
  // NetworkError comes from the transport itself (see send-following-redirects.ts); other own
  // errors (a failed shared sign-in) are final, and anything else is a bug: none is retried.
  return thrown;
}

function toAbortError(signal: AbortSignal | undefined, request: RetrySettings["request"]) {
  return new AbortError(`${request.method} ${request.url} was aborted`, {
    cause: signal?.reason,
    request,
  });
}
