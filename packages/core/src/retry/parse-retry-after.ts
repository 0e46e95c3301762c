/**
 * How long the server asked us to wait, in ms: `Retry-After-Ms` (milliseconds, as OpenAI-style
 * APIs send), else `Retry-After` as seconds or an HTTP date, else `RateLimit-Reset` (IETF draft,
 * seconds). `undefined` when none is usable.
 */
export function parseRetryAfter(headers: Headers, now = Date.now()): number | undefined {
  const retryAfterMs = headers.get("retry-after-ms")?.trim();
  if (retryAfterMs && /^\d+(\.\d+)?$/.test(retryAfterMs)) return Number(retryAfterMs);
  const retryAfter = headers.get("retry-after")?.trim();
  if (retryAfter) {
    if (/^\d+(\.\d+)?$/.test(retryAfter)) return Number(retryAfter) * 1000;
    // An HTTP date names its day and month: V8 would also read "-1" or "2" as a year.
    const date = /[a-z]/i.test(retryAfter) ? Date.parse(retryAfter) : Number.NaN;
    if (Number.isFinite(date)) return Math.max(0, date - now);
  }
  const reset = headers.get("ratelimit-reset")?.trim();
  if (reset && /^\d+$/.test(reset)) return Number(reset) * 1000;
  return undefined;
}
