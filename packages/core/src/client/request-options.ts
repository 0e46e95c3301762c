import { checkRetryOptions } from "../options/check-retry-options.js";
import { checkKnownKeys, refuse } from "../options/option-checks.js";
import { checkOptions, millisecondsOrFalse, type OptionTable } from "../options/option-rules.js";
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

/** The `loginkit` key of one call: its fields, each with what it may be. */
const REQUEST_OPTIONS = {
  retry: { check: (path: string, value: unknown) => checkRetryOptions(value, path) },
  timeout: { check: millisecondsOrFalse(1) },
  auth: {
    check: (path: string, value: unknown) => {
      if (value !== "none") refuse(path, '"none"', value);
    },
  },
} as const satisfies OptionTable;

/** The `loginkit` options of one call, checked: a `ConfigurationError` names a wrong one. */
export function readRequestOptions(value: unknown): CheckedRequestOptions | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "object" || value === null) refuse("loginkit", "an object", value);
  checkKnownKeys("loginkit", value, Object.keys(REQUEST_OPTIONS));
  checkOptions(REQUEST_OPTIONS, value as Record<string, unknown>, "loginkit.");
  const { retry, timeout, auth } = value as LoginkitRequestOptions;
  return {
    ...(retry === undefined ? {} : { retry: normalizeRetryOptions(retry, "loginkit.retry") }),
    ...(timeout === undefined ? {} : { timeout }),
    ...(auth === undefined ? {} : { auth }),
  };
}
