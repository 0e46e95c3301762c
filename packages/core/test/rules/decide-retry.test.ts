import { expect, test } from "vitest";
import { NetworkError } from "../../src/errors/NetworkError.js";
import { decideRetry } from "../../src/retry/resend-policy.js";
import { normalizeRetryOptions, type RetryOptions } from "../../src/retry/retry-options.js";

const options = (overrides: RetryOptions = {}) =>
  normalizeRetryOptions({ jitter: false, baseDelay: 100, ...overrides });
const get = { method: "GET", url: "https://api.test/orders" };
const post = { method: "POST", url: "https://api.test/orders" };
const answer = (status: number, headers: Record<string, string> = {}) =>
  new Response(null, { status, headers });
const failed = new NetworkError("fetch failed");

test.each([
  ["a 503 to a GET: backoff", get, answer(503), false, {}, 1, 100],
  ["the second retry doubles", get, answer(503), false, {}, 2, 200],
  ["past the limit: no", get, answer(503), false, {}, 3, undefined],
  ["a 404 is not transient", get, answer(404), false, {}, 1, undefined],
  ["a 503 to a POST that is not replay-safe: no", post, answer(503), false, {}, 1, undefined],
  ["a 503 to a replay-safe POST: yes", post, answer(503), true, {}, 1, 100],
  ["a 429 to a POST: it was not processed", post, answer(429), false, {}, 1, 100],
  ["Retry-After is obeyed", get, answer(503, { "retry-after": "2" }), false, {}, 1, 2_000],
  [
    "a Retry-After over maxRetryAfter: give up",
    get,
    answer(503, { "retry-after": "120" }),
    false,
    {},
    1,
    undefined,
  ],
  ["over the time budget: no", get, answer(503), false, { budget: 50 }, 1, undefined],
  ["shouldRetry false wins", get, answer(503), false, { shouldRetry: () => false }, 1, undefined],
  ["shouldRetry true overrides", post, answer(500), false, { shouldRetry: () => true }, 1, 100],
  ["no answer to a GET: yes", get, undefined, false, {}, 1, 100],
])("%s", (_case, request, response, replaySafe, overrides: RetryOptions, attempt, expected) => {
  const context = {
    attempt,
    reason: response ? ("status" as const) : ("network" as const),
    status: response?.status,
    error: response ? undefined : failed,
    request,
  };
  expect(decideRetry({ context, response, replaySafe, elapsed: 0 }, options(overrides))).toBe(
    expected,
  );
});

test("a bug (not a network error) is never retried", () => {
  const context = {
    attempt: 1,
    reason: "network" as const,
    error: new TypeError("x"),
    request: get,
  };
  expect(decideRetry({ context, replaySafe: true, elapsed: 0 }, options())).toBeUndefined();
});
