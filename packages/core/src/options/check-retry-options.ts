import {
  checkFiniteNumber,
  checkFunction,
  checkKnownKeys,
  checkWholeNumber,
  refuse,
} from "./option-checks.js";

const RETRY_KEYS = [
  "limit",
  "methods",
  "statusCodes",
  "maxRetryAfter",
  "baseDelay",
  "maxDelay",
  "jitter",
  "budget",
  "shouldRetry",
  "onRetry",
];

/** An HTTP method: a token per RFC 9110. */
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Checks `retry`: `false`, a whole number of retries, or an options object whose every given
 * field has the right type and range. `limit: NaN` once made 1,333 attempts in 3 s, and
 * `statusCodes: 503` threw on every answer: both now fail when the client is created.
 */
export function checkRetryOptions(retry: unknown, path = "retry"): void {
  if (retry === undefined || retry === false) return;
  if (typeof retry === "number") {
    checkWholeNumber(path, retry, 0, Number.MAX_SAFE_INTEGER);
    return;
  }
  if (typeof retry !== "object" || retry === null || Array.isArray(retry)) {
    refuse(path, "false, a number of retries or an options object", retry);
  }
  const options = retry as Record<string, unknown>;
  checkKnownKeys(path, options, RETRY_KEYS);
  const given = (field: string) => options[field] !== undefined;
  if (given("limit")) checkWholeNumber(`${path}.limit`, options.limit, 0, Number.MAX_SAFE_INTEGER);
  for (const field of ["maxRetryAfter", "baseDelay", "maxDelay", "budget"]) {
    if (given(field)) checkFiniteNumber(`${path}.${field}`, options[field], 0);
  }
  if (given("jitter") && typeof options.jitter !== "boolean") {
    refuse(`${path}.jitter`, "true or false", options.jitter);
  }
  if (given("methods")) {
    const { methods } = options;
    if (
      !Array.isArray(methods) ||
      !methods.every((method) => typeof method === "string" && METHOD.test(method))
    ) {
      refuse(`${path}.methods`, 'an array of HTTP methods such as ["GET", "PUT"]', methods);
    }
  }
  if (given("statusCodes")) {
    const codes = options.statusCodes;
    if (
      !Array.isArray(codes) ||
      !codes.every((code) => Number.isInteger(code) && code >= 100 && code <= 599)
    ) {
      refuse(
        `${path}.statusCodes`,
        "an array of HTTP statuses (whole numbers from 100 to 599)",
        codes,
      );
    }
  }
  for (const field of ["shouldRetry", "onRetry"]) {
    if (given(field)) checkFunction(`${path}.${field}`, options[field]);
  }
}
