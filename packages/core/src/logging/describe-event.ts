import type { SessionEvent } from "../events/session-event.js";
import type { LogLevel } from "./log-level.js";

/**
 * The level each event is logged at: what needs a person first, per-request detail last. Each
 * send is the attempt's detail, for tracers: `request-attempt` already shows it in a log.
 */
export const EVENT_LEVELS = {
  "auth-failed": "error",
  "store-failed": "warn",
  "renewal-deferred": "warn",
  "lease-abandoned": "warn",
  "refresh-refused": "warn",
  "signed-in": "info",
  renewed: "info",
  "signed-out": "info",
  "session-adopted": "info",
  "renewal-skipped": "info",
  retry: "info",
  "renewal-start": "debug",
  "sign-out-start": "debug",
  "request-start": "debug",
  "request-attempt": "debug",
  "request-end": "debug",
  "send-start": "off",
  "send-end": "off",
} as const satisfies Record<SessionEvent["type"], LogLevel>;

/** One line a person can read, e.g. `renewed via refresh, expires 2026-12-02T21:00:00.000Z`. */
export function describeEvent(event: SessionEvent): string {
  switch (event.type) {
    case "signed-in":
      return `signed in${expiry(event.expiresAt)}`;
    case "renewed":
      return `renewed via ${event.via}${expiry(event.expiresAt)}`;
    case "signed-out":
      return "signed out";
    case "auth-failed":
      return `sign-in or renewal failed: ${event.error}${status(event.status)}${code(event.code)}`;
    case "session-adopted":
      return `used the session another client renewed, after waiting ${event.waited} ms`;
    case "lease-abandoned":
      return `the renewal lease's holder did not finish in ${event.waited} ms: renewing here`;
    case "renewal-skipped":
      return `${event.request.method} ${event.request.url} refused a token renewed for it a moment ago (${event.status}): not renewing again`;
    case "renewal-deferred":
      return `renewal failed (${event.error}${status(event.status)}): the current token is still valid, renewing again at ${new Date(event.retryAt).toISOString()}`;
    case "store-failed":
      return `token store ${event.operation} failed (${event.error}${event.message ? `: ${event.message}` : ""}): going on in memory`;
    case "refresh-refused":
      return `the refresh token was refused${status(event.status)}${code(event.code)}: signing in again`;
    case "retry":
      return `${event.request.method} ${event.request.url}: attempt ${event.attempt} failed (${event.reason}${status(event.status)}), retrying in ${event.delay} ms`;
    case "renewal-start":
      return "renewal started";
    case "sign-out-start":
      return "sign-out started";
    case "request-start":
      return `${event.request.method} ${event.request.url}`;
    case "request-attempt":
      return `${event.request.method} ${event.request.url}: attempt ${event.attempt} ${outcome(event)} in ${event.duration} ms`;
    case "request-end":
      return `${event.request.method} ${event.request.url}: ${outcome(event)} after ${event.attempts} attempt(s), ${event.duration} ms${event.requestId ? ` (request id ${event.requestId})` : ""}`;
    case "send-start":
      return `sending ${event.send.method} ${event.send.url}`;
    case "send-end":
      return `sent ${event.send.method} ${event.send.url}: ${outcome(event)} in ${event.duration} ms`;
  }
}

const expiry = (at: number | undefined) =>
  at === undefined ? "" : `, expires ${new Date(at).toISOString()}`;
const status = (value: number | undefined) => (value === undefined ? "" : ` ${value}`);
const code = (value: string | undefined) => (value === undefined ? "" : ` ${value}`);
const outcome = (event: { status?: number; error?: string }) =>
  event.status === undefined ? `failed (${event.error})` : `answered ${event.status}`;
