import { expect, test } from "vitest";
import { parseRetryAfter } from "../../src/retry/parse-retry-after.js";

const now = Date.parse("2030-01-01T00:00:00Z");

test.each([
  ["Retry-After in seconds", { "retry-after": "3" }, 3_000],
  ["Retry-After with a fraction", { "retry-after": "1.5" }, 1_500],
  ["Retry-After as an HTTP date", { "retry-after": "Tue, 01 Jan 2030 00:00:10 GMT" }, 10_000],
  ["an HTTP date in the past means now", { "retry-after": "Mon, 31 Dec 2029 23:59:00 GMT" }, 0],
  ["Retry-After-Ms wins over Retry-After", { "retry-after-ms": "250", "retry-after": "9" }, 250],
  ["RateLimit-Reset when nothing else", { "ratelimit-reset": "4" }, 4_000],
  ["spaces around the value", { "retry-after": " 2 " }, 2_000],
  ["a negative number is not a delay", { "retry-after": "-1" }, undefined],
  ["words are not a delay", { "retry-after": "soon" }, undefined],
  ["a fractional RateLimit-Reset is not one", { "ratelimit-reset": "1.5" }, undefined],
  ["no header at all", {}, undefined],
])("%s", (_case, headers: Record<string, string>, expected) => {
  expect(parseRetryAfter(new Headers(headers), now)).toBe(expected);
});
