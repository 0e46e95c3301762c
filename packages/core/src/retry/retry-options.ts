import { checkRetryOptions } from "../options/check-retry-options.js";
import { defaultRetryOptions } from "../options/retry-option-table.js";

/** Reasons a request was retried, as reported in `retry` events and `onRetry`. */
export type RetryReason = "status" | "network" | "timeout";

/** What `shouldRetry` and `onRetry` learn about a failed attempt. */
export interface RetryContext {
  /** The attempt that just failed, from 1. */
  attempt: number;
  reason: RetryReason;
  /** The status, when the attempt got a response. */
  status?: number;
  /** The attempt's error, when it got no response. */
  error?: unknown;
  request: { method: string; url: string };
}

export interface RetryOptions {
  /**
   * Retries after the first attempt (so `2` means at most 3 attempts). `retry: 3` is shorthand
   * for `{ limit: 3 }`, `retry: false` for `{ limit: 0 }`.
   * @default 2
   */
  limit?: number;
  /**
   * Methods that may be replayed. Operations marked `replaySafe` in the description are replayed
   * whatever their method. A 429 is retried for every method: the server did not process it.
   * @default ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"]
   */
  methods?: readonly string[];
  /** @default [408, 429, 500, 502, 503, 504] */
  statusCodes?: readonly number[];
  /**
   * Longest `Retry-After` (or `RateLimit-Reset`) honoured, in ms. Longer: not retried, the
   * response is returned (like ky).
   * @default 60_000
   */
  maxRetryAfter?: number;
  /** First backoff ceiling in ms; doubles each retry, with full jitter. @default 300 */
  baseDelay?: number;
  /** Largest backoff ceiling in ms. @default 10_000 */
  maxDelay?: number;
  /** Full jitter (a random delay up to the ceiling) to spread retries from many clients. @default true */
  jitter?: boolean;
  /** Total time in ms from the first attempt after which no retry starts. @default 60_000 */
  budget?: number;
  /**
   * Overrides the decision after the limit check: return `true`/`false`, or `undefined` to use
   * the rules above. Errors that are not network errors or timeouts are never retried.
   */
  shouldRetry?: (context: RetryContext) => boolean | undefined;
  /** Called before each retry's delay. */
  onRetry?: (context: RetryContext & { delay: number }) => void;
}

export type NormalizedRetryOptions = Required<Omit<RetryOptions, "shouldRetry" | "onRetry">> &
  Pick<RetryOptions, "shouldRetry" | "onRetry">;

/** Every retry default, from the one description of the retry options (`RETRY_OPTIONS`). */
export { defaultRetryOptions };

/**
 * Accepts `retry: 3`, `retry: false` or an options object, checks it (a `ConfigurationError`
 * names the field and what it may be) and fills in the defaults.
 */
export function normalizeRetryOptions(
  retry?: RetryOptions | number | false,
  /** Where the option sits, for the error: `retry`, or `loginkit.retry` for one call. */
  path = "retry",
): NormalizedRetryOptions {
  checkRetryOptions(retry, path);
  if (retry === false) return { ...defaultRetryOptions, limit: 0 };
  if (typeof retry === "number") return { ...defaultRetryOptions, limit: retry };
  const options = { ...defaultRetryOptions, ...withoutUndefined(retry ?? {}) };
  return { ...options, methods: options.methods.map((method) => method.toUpperCase()) };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, item]) => item !== undefined),
  ) as Partial<T>;
}
