/**
 * The most a browser user may ship for `@loginkit/core` + one generated client (the
 * `entries/loginkit.ts` bundle: esbuild, minified, platform browser, ESM; gzip level 9).
 *
 * Measured when set (esbuild 0.28.2, openapi-fetch 0.17, jose 6): 28,066 B minified, 10,047 B
 * gzipped. The budget leaves about 10% headroom, enough for a fix or a small feature but not for
 * a new dependency: outgrowing it should be a decision, so raise it in the same commit and say why.
 * Raised once, from 31,000 / 11,000: the review fixes (no body or core call follows a redirect
 * off the provider's origins, echoed credentials scrubbed from errors, ProtocolError, expiry
 * placed on the local clock, logout winning over an in-flight sign-in) took 30,787 / 10,989 B,
 * leaving no room; the budget is back to about 10% over that.
 * Raised again, from 34,000 / 12,000: issue #9's hardening (bounded and capped body reads,
 * store timeouts, option and credentials-schema validation with messages that name the field,
 * scrubbing of encoded secrets, checked redirects, deferred renewal) took 45,351 / 16,034 B,
 * mostly message text and validation; the budget is back to about 10% over that. Issue #10
 * (layering, and generated clients importing only what their provider uses) is where it shrinks.
 * Raised again, from 50,000 / 17,700: fleet sessions (issue #11: the lease protocol, the memory
 * store's versions, compare-and-set and lease, the account digest in the default store key), the
 * typed-call plumbing moved from every generated client into core (issue #12: one copy for all
 * clients of an app), and issue #10's API (more listeners, wait signals, per-request events, the
 * forbidden-401 guard) took 52,037 / 18,414 B; the budget is back to about 10% over that.
 * Issue #10 (layers, a hot path, generated clients handing core only the features they use)
 * measured 54,277 / 19,327 B: the features left out (refresh, jose) paid for the new layers and
 * the guarded body reads, so the budget stands.
 * Raised again, from 57,000 / 20,200: issue #20 (one plan, one re-send policy, one loop) removed
 * the redirect follower, the body guard and the replay rules, but what replaced them does more:
 * a body watched for silence whatever its type and through `response.body`, the caller's signal
 * let go once the body is read, a failed streamed upload cancelled, per-call keys checked at their
 * full path, events scrubbed in every encoding with listener rejections caught. It measured
 * 59,293 / 20,958 B; the budget is about 3% over that. Shrinking back is left to the issue that
 * cuts core + a client to 12 kB gzipped.
 * Issue #23, also from 57,000 / 20,200 on its own branch and merged after #20 (both set 61,000 /
 * 21,600, the larger kept) (the `logger`/`logLevel` option with
 * `LOGINKIT_LOG`, and the events a tracer needs: renewal and sign-out starts, one per send with
 * trace-context propagation, the listener scope for parent links) measured 58,565 / 20,784 B
 * with one generic log line instead of a sentence per event; the budget is about 4% over that.
 * The product target (bare openapi-fetch + 4 kB gzipped, ~6.7 kB) is reported by `pnpm bench`,
 * not enforced here: today's client misses it and the test must stay green until core shrinks.
 */
export const sizeBudget = {
  minifiedBytes: 61_000,
  gzipBytes: 21_600,
} as const;
