import type { NormalizedRetryOptions } from "./retry-options.js";

/**
 * Capped exponential backoff with full jitter (AWS "Exponential Backoff and Jitter"):
 * a random delay in [0, min(maxDelay, baseDelay * 2^(attempt-1))].
 */
export function calculateRetryDelay(attempt: number, options: NormalizedRetryOptions): number {
  const ceiling = Math.min(options.maxDelay, options.baseDelay * 2 ** (attempt - 1));
  return options.jitter ? Math.random() * ceiling : ceiling;
}
