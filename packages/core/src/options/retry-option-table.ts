import type { NormalizedRetryOptions } from "../retry/retry-options.js";
import {
  aFunction,
  arrayWhere,
  defaultsOf,
  finiteNumber,
  type OptionTable,
  trueOrFalse,
  wholeNumber,
} from "./option-rules.js";

/** An HTTP method: a token per RFC 9110. */
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * The fields of `retry`, each with what it may be and its default. `limit: NaN` once made
 * 1,333 attempts in 3 s, and `statusCodes: 503` threw on every answer: both are refused here,
 * when the client is created.
 */
export const RETRY_OPTIONS = {
  limit: { check: wholeNumber(0, Number.MAX_SAFE_INTEGER), default: 2 },
  methods: {
    check: arrayWhere(
      'an array of HTTP methods such as ["GET", "PUT"]',
      (method) => typeof method === "string" && METHOD.test(method),
    ),
    default: ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE"],
  },
  statusCodes: {
    check: arrayWhere(
      "an array of HTTP statuses (whole numbers from 100 to 599)",
      (code) => Number.isInteger(code) && (code as number) >= 100 && (code as number) <= 599,
    ),
    default: [408, 429, 500, 502, 503, 504],
  },
  maxRetryAfter: { check: finiteNumber(0), default: 60_000 },
  baseDelay: { check: finiteNumber(0), default: 300 },
  maxDelay: { check: finiteNumber(0), default: 10_000 },
  jitter: { check: trueOrFalse, default: true },
  budget: { check: finiteNumber(0), default: 60_000 },
  shouldRetry: { check: aFunction },
  onRetry: { check: aFunction },
} as const satisfies OptionTable;

/** Every retry default, from the table. */
export const defaultRetryOptions = defaultsOf(RETRY_OPTIONS) satisfies NormalizedRetryOptions;
