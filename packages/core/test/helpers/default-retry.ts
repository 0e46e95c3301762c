import { defaultRetryOptions } from "../../src/index.js";

/** How often one request is sent under the default retry policy: a fault must come this often to fail it. */
export const DEFAULT_ATTEMPTS = defaultRetryOptions.limit + 1;

/**
 * The longest the default retry policy sleeps between the attempts of one request, all told:
 * each backoff's ceiling (jitter only shortens it), summed, for answers without `Retry-After`.
 * Advancing a fake clock this far lets every attempt go out.
 */
export const DEFAULT_MAX_BACKOFF_MS = Array.from(
  { length: defaultRetryOptions.limit },
  (_, index) => Math.min(defaultRetryOptions.maxDelay, defaultRetryOptions.baseDelay * 2 ** index),
).reduce((sum, delay) => sum + delay, 0);
