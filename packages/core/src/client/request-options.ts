import {
  checkKnownKeys,
  checkWholeNumber,
  MAX_TIMER_MS,
  refuse,
} from "../options/option-checks.js";
import {
  type NormalizedRetryOptions,
  normalizeRetryOptions,
  type RetryOptions,
} from "../retry/retry-options.js";

/**
 * Options for one call, beside openapi-fetch's own init:
 * `client.GET("/orders", { loginkit: { retry: false, timeout: 5_000 } })`, or the same `loginkit`
 * key in `client.fetch(url, init)`. Unset ones are the client's.
 */
export interface LoginkitRequestOptions {
  /** Retry options, a retry count, or `false`, for this call only. */
  retry?: RetryOptions | number | false;
  /** Per-attempt limit in ms, or `false` for none, for this call only. */
  timeout?: number | false;
  /** `"none"`: send no token and do not sign in for this call (a public endpoint). */
  auth?: "none";
}

declare global {
  // openapi-fetch hands every init key it does not know to the Request it builds: declaring
  // `loginkit` here is what types it in `client.GET(path, init)` and `client.fetch(url, init)`.
  interface RequestInit {
    loginkit?: LoginkitRequestOptions;
  }
}

export interface CheckedRequestOptions {
  retry?: NormalizedRetryOptions;
  timeout?: number | false;
  auth?: "none";
}

/** The `loginkit` options of one call, checked: a `ConfigurationError` names a wrong one. */
export function readRequestOptions(value: unknown): CheckedRequestOptions | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null) refuse("loginkit", "an object", value);
  checkKnownKeys("loginkit", value, ["retry", "timeout", "auth"]);
  const { retry, timeout, auth } = value as LoginkitRequestOptions;
  if (timeout !== undefined && timeout !== false) {
    checkWholeNumber(
      "loginkit.timeout",
      timeout,
      1,
      MAX_TIMER_MS,
      " of ms",
      " (or false for none)",
    );
  }
  if (auth !== undefined && auth !== "none") refuse("loginkit.auth", '"none"', auth);
  return {
    ...(retry === undefined ? {} : { retry: normalizeRetryOptions(retry, "loginkit.retry") }),
    ...(timeout === undefined ? {} : { timeout }),
    ...(auth === undefined ? {} : { auth }),
  };
}
