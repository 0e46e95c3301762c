import { checkFiniteNumber, checkFunction, checkWholeNumber, refuse } from "./option-checks.js";

/** An HTTP method: a token per RFC 9110. */
const METHOD = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Checks `retry`: `false`, a whole number of retries, or an options object whose every given
 * field has the right type and range. `limit: NaN` once made 1,333 attempts in 3 s, and
 * `statusCodes: 503` threw on every answer: both now fail when the client is created.
 */
export function checkRetryOptions(retry: unknown): void {
  if (retry === undefined || retry === false) return;
  if (typeof retry === "number") {
    checkWholeNumber("retry", retry, 0, Number.MAX_SAFE_INTEGER);
    return;
  }
  if (typeof retry !== "object" || retry === null || Array.isArray(retry)) {
    refuse("retry", "false, a number of retries or an options object", retry);
  }
  const options = retry as Record<string, unknown>;
  const given = (field: string) => options[field] !== undefined;
  if (given("limit")) checkWholeNumber("retry.limit", options.limit, 0, Number.MAX_SAFE_INTEGER);
  for (const field of ["maxRetryAfter", "baseDelay", "maxDelay", "budget"]) {
    if (given(field)) checkFiniteNumber(`retry.${field}`, options[field], 0);
  }
  if (given("jitter") && typeof options.jitter !== "boolean") {
    refuse("retry.jitter", "true or false", options.jitter);
  }
  if (given("methods")) {
    const { methods } = options;
    if (
      !Array.isArray(methods) ||
      !methods.every((method) => typeof method === "string" && METHOD.test(method))
    ) {
      refuse("retry.methods", 'an array of HTTP methods such as ["GET", "PUT"]', methods);
    }
  }
  if (given("statusCodes")) {
    const codes = options.statusCodes;
    if (
      !Array.isArray(codes) ||
      !codes.every((code) => Number.isInteger(code) && code >= 100 && code <= 599)
    ) {
      refuse(
        "retry.statusCodes",
        "an array of HTTP statuses (whole numbers from 100 to 599)",
        codes,
      );
    }
  }
  for (const field of ["shouldRetry", "onRetry"]) {
    if (given(field)) checkFunction(`retry.${field}`, options[field]);
  }
}
