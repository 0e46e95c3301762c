import { followRedirect } from "#follow-redirects";
import { NetworkError } from "../errors/NetworkError.js";
import { RetriesExhaustedError } from "../errors/RetriesExhaustedError.js";
import { TimeoutError } from "../errors/TimeoutError.js";
import type { RequestTrace } from "../events/trace-request.js";
import {
  followHiddenRedirect,
  type Hop,
  mayReplayWithRenewedToken,
  mayRetry,
} from "../retry/resend-policy.js";
import type { RetryContext } from "../retry/retry-options.js";
import type { SessionManager } from "../session/session-manager.js";
import type { Attachment, Transport } from "../transport/transport.js";
import { sleep } from "../utils/abortable-sleep.js";
import { discardBody } from "../utils/discard-body.js";
import { Exchange, toAbortError } from "./exchange.js";
import { toExchangeError } from "./exchange-errors.js";
import type { FreshTokenRefusals } from "./fresh-token-refusals.js";
import type { RequestPlan } from "./request-plan.js";
import { watchBody } from "./watch-body.js";

/** What the loop works with besides the plan: the layers below and the client's reporting. */
export interface RequestLayers {
  readonly transport: Transport;
  /** The session, for a user's calls with the session's credentials (none for core's own). */
  readonly session: SessionManager | undefined;
  readonly refusals: FreshTokenRefusals;
  /** Whether the answer says the token was refused (a 401, or the provider's `tokenExpired`). */
  isRejection(response: Response, plan: RequestPlan, signal: AbortSignal): Promise<boolean>;
  /** Core's own answers, read whole under the exchange's signal and the size caps. */
  readWhole(response: Response, plan: RequestPlan, signal: AbortSignal): Promise<Response>;
  onRetry(context: RetryContext & { delay: number }, plan: RequestPlan): void;
  onRenewalSkipped(status: number, plan: RequestPlan): void;
  scrub(error: unknown): unknown;
}

/**
 * Runs one plan, top to bottom: each pass of the loop sends one request object of its own and
 * asks the policy (retry/resend-policy.ts) whether anything goes out again, as the next redirect
 * hop, as a replay with a renewed token, or as a retry after a backoff. The answer goes back as
 * fetch gave it, its body watched (see watch-body.ts); nothing re-enters the loop after that.
 */
export async function runRequest(
  plan: RequestPlan,
  layers: RequestLayers,
  trace: RequestTrace | undefined,
): Promise<Response> {
  const { request, signal } = plan;
  const { transport } = layers;
  const session = plan.credentials.kind === "session" ? layers.session : undefined;
  const started = Date.now();
  const firstHop: Hop = {
    url: plan.url,
    method: plan.method,
    hasBody: plan.body.kind !== "none",
    number: 0,
  };
  let hop = firstHop;
  let attempt = 1;
  let replayed = false;
  let prepared = plan.prepared;
  const giveUp = (error: unknown): never => {
    if (plan.body.kind === "one-shot") plan.body.cancel(error);
    throw error;
  };
  for (;;) {
    if (signal?.aborted) giveUp(toAbortError(signal, request));
    const exchange = new Exchange(signal, plan.timeout);
    if (plan.body.kind === "one-shot") plan.body.exchange = exchange;
    const trusted = transport.isTrusted(hop.url);
    const withSession = session !== undefined && trusted;
    let response: Response | undefined;
    let error: unknown;
    let token: string | undefined;
    const sentAt = Date.now();
    try {
      let attachment: Attachment | undefined;
      if (withSession) {
        const usable = session.usable();
        attachment = usable
          ? { token: usable.accessToken, inputs: usable.inputs }
          : await exchange.wait(attachSession(session));
      } else if (plan.credentials.kind === "token") {
        attachment = plan.credentials;
      }
      token = trusted ? attachment?.token : undefined;
      let outgoing: Request;
      let added: string[] | undefined;
      if (prepared) {
        // openapi-fetch's Request is this attempt's own object: it is never sent again, and
        // the credentials come off it once sent, before a middleware sees it.
        outgoing = prepared;
        prepared = undefined;
        added = transport.attach(outgoing.headers, hop.url, attachment);
      } else {
        outgoing = transport.build(
          {
            url: hop.url,
            method: hop.method,
            headers: plan.headers,
            body: !hop.hasBody
              ? undefined
              : plan.body.kind === "replayable"
                ? plan.body.value
                : plan.body.kind === "one-shot"
                  ? plan.body.stream
                  : undefined,
            bodyDropped: !hop.hasBody && plan.body.kind !== "none",
            blind: hop.blind === true,
          },
          attachment,
        );
      }
      try {
        response = await exchange.wait(transport.send(outgoing, hop.url, exchange.signal, request));
      } finally {
        if (added) for (const name of added) outgoing.headers.delete(name);
      }

      // A redirect: the next hop is a new request object, within the same attempt.
      const next =
        response.type === "opaqueredirect"
          ? followHiddenRedirect(plan, hop)
          : trusted && !hop.blind
            ? followRedirect(plan, hop, response, transport)
            : undefined;
      if (next) {
        discardBody(response);
        exchange.release();
        hop = next;
        continue;
      }

      if (withSession && token !== undefined) {
        if (await exchange.wait(layers.isRejection(response, plan, exchange.signal))) {
          if (layers.refusals.has(plan.endpoint, token)) {
            layers.onRenewalSkipped(response.status, plan);
          } else if (replayed) {
            // Refused again although renewed for this very call: "forbidden", not "expired".
            if (response.status === 401) layers.refusals.record(plan.endpoint, token);
          } else {
            replayed = true;
            const renewed = await exchange.wait(renewRefused(session, token, sentAt));
            if (mayReplayWithRenewedToken(plan, token, renewed)) {
              discardBody(response);
              exchange.release();
              hop = firstHop;
              continue;
            }
          }
        } else if (response.ok) {
          layers.refusals.forget(plan.endpoint);
        }
      }
      if (plan.readWhole) {
        response = await exchange.wait(layers.readWhole(response, plan, exchange.signal));
      }
    } catch (thrown) {
      // An answer core got but will not hand back: its connection is freed.
      if (response && !plan.readWhole) discardBody(response);
      if (exchange.ended === "aborted") {
        exchange.release();
        trace?.attempt(thrown);
        giveUp(toAbortError(signal, request));
      }
      // A timeout is decided on like a network failure; anything else stays as it was thrown.
      error = exchange.ended
        ? toExchangeError(thrown, exchange, { ...plan, scrub: layers.scrub })
        : thrown;
      response = undefined;
    }

    const context: RetryContext = {
      attempt,
      reason: response ? "status" : error instanceof TimeoutError ? "timeout" : "network",
      status: response?.status,
      error,
      request,
    };
    const delay = mayRetry(plan, { context, response, elapsed: Date.now() - started }, plan.retry);
    trace?.attempt(response ?? error);
    if (delay === undefined) {
      if (response) {
        if (plan.readWhole) {
          exchange.release();
          return response;
        }
        exchange.pause();
        return watchBody(response, {
          exchange,
          request,
          timeout: plan.timeout,
          callerSignal: signal,
          scrub: layers.scrub,
        });
      }
      exchange.release();
      if (attempt > 1 && (error instanceof NetworkError || error instanceof TimeoutError)) {
        giveUp(
          new RetriesExhaustedError(
            `${request.method} ${request.url} failed after ${attempt} attempts`,
            {
              attempts: attempt,
              cause: error,
              request,
            },
          ),
        );
      }
      giveUp(error);
    }
    layers.onRetry({ ...context, delay: delay as number }, plan);
    // Free the connection of an answer nobody is going to read.
    discardBody(response);
    exchange.release();
    try {
      await sleep(delay as number, signal);
    } catch {
      giveUp(toAbortError(signal, request));
    }
    attempt++;
    hop = firstHop;
  }
}

/** The session's newest token and input headers, signing in or renewing first. */
async function attachSession(session: SessionManager): Promise<Attachment> {
  const ensured = await session.ensure();
  // Read again right before sending: the newest token, even if a renewal ended a tick ago.
  const current = session.current ?? ensured;
  return { token: current.accessToken, inputs: current.inputs };
}

/**
 * Renews after `token` was refused; returns the token to replay with. Joining a renewal already
 * under way may end with the same token (a renewal deferred by an outage keeps it): then a
 * renewal of its own is asked for, since that token was just refused.
 */
async function renewRefused(session: SessionManager, token: string, sentAt: number) {
  await session.renewRejected(token, sentAt);
  if (session.current?.accessToken === token) await session.renewRejected(token, sentAt);
  return session.current?.accessToken;
}
