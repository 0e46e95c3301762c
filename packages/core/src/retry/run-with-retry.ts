import { AbortError } from "../errors/AbortError.js";
import { NetworkError } from "../errors/NetworkError.js";
import { RetriesExhaustedError } from "../errors/RetriesExhaustedError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import { sleep } from "../utils/abortable-sleep.js";
import { discardBody } from "../utils/discard-body.js";
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

/** One attempt as the loop hands it over: its number and its signal (timeout and caller's abort). */
export interface Attempt {
  readonly number: number;
  readonly signal: AbortSignal;
  /** Aborts this attempt's transfer, e.g. when reading its body later takes too long. */
  abort(reason: unknown): void;
}

/**
 * Where a loop picks up when an answer it handed back failed later, while its body was read
 * (a connection cut): that attempt's error is decided on like any other, with the same count
 * and time budget, so a provider that cuts every answer cannot make the client loop for ever.
 */
export interface RetryResume {
  readonly attempt: number;
  readonly error: unknown;
  readonly started: number;
}

/**
 * Runs `attempt` until it yields a response that should not be retried. Returns the last
 * response when retries end on a status (so openapi-fetch still returns `{ error, response }`);
 * throws `NetworkError`/`TimeoutError` for a single failed attempt, `RetriesExhaustedError` when
 * several failed, `AbortError` when the caller aborted, and any other error unchanged.
 */
export async function runWithRetry(
  attempt: (current: Attempt) => Promise<Response>,
  settings: RetrySettings,
  resume?: RetryResume,
): Promise<Response> {
  const { request, signal } = settings;
  const started = resume?.started ?? Date.now();
  for (let number = resume?.attempt ?? 1; ; number++) {
    let response: Response | undefined;
    let error: unknown;
    let onCallerAbort: (() => void) | undefined;
    if (resume?.attempt === number) {
      error = resume.error;
    } else {
      if (signal?.aborted) throw toAbortError(signal, request);
      // One controller per attempt, aborted by the caller's signal or the timeout: cheaper than
      // AbortSignal.any, which allocates a dependent signal and weak references on every call.
      const attemptController = new AbortController();
      let timedOut = false;
      // The attempt ends the moment the caller aborts or the timeout passes, even when the work
      // behind it cannot be cancelled (a sign-in shared with other requests). Ended from those
      // two callbacks directly: a listener on the attempt's signal would cost every call.
      let end: (reason: unknown) => void = () => {};
      const stop = (reason: unknown) => {
        attemptController.abort(reason);
        end(reason);
      };
      onCallerAbort = () => stop(signal?.reason);
      signal?.addEventListener("abort", onCallerAbort, { once: true });
      const timer =
        settings.timeout === false
          ? undefined
          : setTimeout(() => {
              timedOut = true;
              stop(new DOMException("The attempt timed out", "TimeoutError"));
            }, settings.timeout);
      const current = { number, signal: attemptController.signal, abort: stop };
      try {
        response = await new Promise<Response>((resolve, reject) => {
          end = reject;
          attempt(current).then(resolve, reject);
        });
      } catch (thrown) {
        if (signal?.aborted) throw toAbortError(signal, request);
        error = classifyError(thrown, timedOut, settings);
      } finally {
        clearTimeout(timer);
      }
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
    if (onCallerAbort) signal?.removeEventListener("abort", onCallerAbort);
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

export function toAbortError(signal: AbortSignal | undefined, request: RetrySettings["request"]) {
  return new AbortError(`${request.method} ${request.url} was aborted`, {
    cause: signal?.reason,
    request,
  });
}
