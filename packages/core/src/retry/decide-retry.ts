import { NetworkError } from "../errors/NetworkError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import { calculateRetryDelay } from "./calculate-retry-delay.js";
import { parseRetryAfter } from "./parse-retry-after.js";
import type { NormalizedRetryOptions, RetryContext } from "./retry-options.js";

export interface RetryFacts {
  context: RetryContext;
  response?: Response;
  /** The operation is described as `replaySafe`. */
  replaySafe: boolean;
  /** Milliseconds since the first attempt started. */
  elapsed: number;
}

/**
 * Whether to retry and after how long (`undefined`: do not). In order: the attempt limit; bugs
 * and non-network errors never; the caller's `shouldRetry`; whether the request may be replayed;
 * the status list; the server's `Retry-After` (capped); else backoff; then the time budget.
 */
export function decideRetry(
  facts: RetryFacts,
  options: NormalizedRetryOptions,
): number | undefined {
  const { context, response } = facts;
  if (context.attempt > options.limit) return undefined;
  const transient = context.error instanceof NetworkError || context.error instanceof TimeoutError;
  if (!response && !transient) return undefined;

  const override = options.shouldRetry?.(context);
  const replayable = facts.replaySafe || options.methods.includes(context.request.method);
  // 429 means the request was not processed, so even a POST can be sent again.
  const allowed = response
    ? options.statusCodes.includes(response.status) && (replayable || response.status === 429)
    : replayable;
  if (override === false || (override === undefined && !allowed)) return undefined;

  let delay = calculateRetryDelay(context.attempt, options);
  const requested = response && parseRetryAfter(response.headers);
  if (requested !== undefined) {
    if (requested > options.maxRetryAfter) return undefined;
    delay = requested;
  }
  if (facts.elapsed + delay > options.budget) return undefined;
  return delay;
}
