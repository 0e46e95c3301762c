import { NetworkError } from "../errors/NetworkError.js";
import { ProtocolError } from "../errors/ProtocolError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import { calculateRetryDelay } from "./calculate-retry-delay.js";
import { parseRetryAfter } from "./parse-retry-after.js";
import type { NormalizedRetryOptions, RetryContext } from "./retry-options.js";

/**
 * Every answer core gives to "may this request go out again?", in one file: a retry, a replay
 * with a renewed token, a redirect hop (and whether a 307/308 re-sends the body), a browser's
 * hidden redirect. The request loop (client/run-request.ts) asks; nothing else decides.
 */

/** What the rules need to know of a request; a `RequestPlan` is one. */
export interface ResendFacts {
  readonly method: string;
  /** `one-shot`: a stream the caller handed over, which can be sent once only. */
  readonly body: { readonly kind: "none" | "replayable" | "one-shot" };
  /** Core's own sign-in, refresh and sign-out, or a user's call. */
  readonly caller: "user" | "core";
  /** The operation is described as `replaySafe`. */
  readonly replaySafe: boolean;
}

export interface RetryFacts {
  context: RetryContext;
  response?: Response;
  /** The operation is described as `replaySafe`. */
  replaySafe: boolean;
  /** Milliseconds since the first attempt started. */
  elapsed: number;
}

/**
 * Whether to retry and after how long (`undefined`: do not). In order: the attempt limit; bugs
 * and non-network errors never; the caller's `shouldRetry`; whether the request may be replayed;
 * the status list; the server's `Retry-After` (capped); else backoff; then the time budget.
 */
export function decideRetry(
  facts: RetryFacts,
  options: NormalizedRetryOptions,
): number | undefined {
  const { context, response } = facts;
  if (context.attempt > options.limit) return undefined;
  const transient = context.error instanceof NetworkError || context.error instanceof TimeoutError;
  if (!response && !transient) return undefined;

  const override = options.shouldRetry?.(context);
  const replayable = facts.replaySafe || options.methods.includes(context.request.method);
  // 429 means the request was not processed, so even a POST can be sent again.
  const allowed = response
    ? options.statusCodes.includes(response.status) && (replayable || response.status === 429)
    : replayable;
  if (override === false || (override === undefined && !allowed)) return undefined;

  let delay = calculateRetryDelay(context.attempt, options);
  const requested = response && parseRetryAfter(response.headers);
  if (requested !== undefined) {
    if (requested > options.maxRetryAfter) return undefined;
    delay = requested;
  }
  if (facts.elapsed + delay > options.budget) return undefined;
  return delay;
}

/** A retry of a failed attempt: never for a body that can be sent once, else `decideRetry`. */
export function mayRetry(
  plan: ResendFacts,
  facts: Omit<RetryFacts, "replaySafe">,
  options: NormalizedRetryOptions,
): number | undefined {
  if (plan.body.kind === "one-shot") return undefined;
  return decideRetry({ ...facts, replaySafe: plan.replaySafe }, options);
}

/**
 * After the session's token was refused and renewed: the request goes again with the new token,
 * unless its body went out once already as a stream (the next call gets the new token, this one
 * its 401), or unless renewal kept the very token that was refused (a renewal deferred by an
 * outage): that token would only be refused again.
 */
export function mayReplayWithRenewedToken(
  plan: ResendFacts,
  refusedToken: string | undefined,
  renewedToken: string | undefined,
): boolean {
  return plan.body.kind !== "one-shot" && renewedToken !== refusedToken;
}

/** One request as it goes out at one hop. */
export interface Hop {
  readonly url: URL;
  readonly method: string;
  /** Dropped when a redirect turns the request into a GET. */
  readonly hasBody: boolean;
  /** Redirects followed so far. */
  readonly number: number;
  /** Sent for the browser to follow (`redirect: "follow"`): see `followHiddenRedirect`. */
  readonly blind?: boolean;
}

/** The Fetch standard's redirect limit, for a user's call. */
const MAX_USER_REDIRECTS = 20;
/** Core's own calls follow one hop at most, so a sign-in caught in a loop posts its password twice at most. */
const MAX_OWN_REDIRECTS = 1;

/**
 * The next hop after a redirect `response` to `hop`, or `undefined` to hand the response back
 * unfollowed. Core follows redirects of trusted hops itself, so credentials are decided again at
 * every hop (an untrusted hop is followed by the platform and never gets any); the browser build
 * never asks (a browser shows no redirect to follow: client/follow-redirects.browser.ts). Off
 * the provider's origins a hop may carry no body: a 307/308 would re-send it (a password, a
 * refresh token) there. Core's own calls never leave their origin: their answer would be taken as the
 * provider's. A body sent as a stream cannot go to a second hop. A loop is a `ProtocolError`,
 * never retried: it answers the same way every time.
 */
export function decideRedirect(
  plan: ResendFacts,
  hop: Hop,
  response: Response,
  target: { url: URL; trusted: boolean } | undefined,
  request: { method: string; url: string },
): Hop | undefined {
  if (target === undefined || !isRedirect(response.status)) return undefined;
  const toGet =
    (response.status === 303 && hop.method !== "HEAD") ||
    ((response.status === 301 || response.status === 302) && hop.method === "POST");
  const hasBody = hop.hasBody && !toGet;
  if (hasBody && plan.body.kind === "one-shot") return undefined;
  if (plan.caller === "core" && target.url.origin !== hop.url.origin) return undefined;
  if (!target.trusted && hasBody) return undefined;
  const limit = plan.caller === "core" ? MAX_OWN_REDIRECTS : MAX_USER_REDIRECTS;
  if (hop.number >= limit) {
    throw new ProtocolError(
      `${request.method} ${request.url} was redirected more than ${limit} times`,
      { request },
    );
  }
  return { url: target.url, method: toGet ? "GET" : hop.method, hasBody, number: hop.number + 1 };
}

/**
 * Browsers hide where a manual redirect goes (an "opaqueredirect" answer): only the browser can
 * follow it, by sending the request again. The server has then already acted on the first one,
 * so that is allowed only for a method that is safe to run twice (GET, HEAD) and has no body;
 * any other answer is handed back as it is (a DELETE must not run twice). The browser drops
 * `Authorization` across origins itself; other credential headers are not sent (the transport).
 */
export function followHiddenRedirect(plan: ResendFacts, hop: Hop): Hop | undefined {
  if (hop.blind || hop.hasBody || !SAFE_METHODS.has(hop.method)) return undefined;
  if (plan.caller === "core") return undefined;
  return { ...hop, blind: true };
}

const SAFE_METHODS = new Set(["GET", "HEAD"]);

function isRedirect(status: number) {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}
