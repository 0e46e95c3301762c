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
  // A fleet member's refresh rotated the token first: expected after a lapsed lease, no fault.
  "refresh-spent": "info",
  retry: "info",
  "renewal-start": "debug",
  "sign-out-start": "debug",
  "request-start": "debug",
  "request-attempt": "debug",
  "request-end": "debug",
  "send-start": "off",
  "send-end": "off",
} as const satisfies Record<SessionEvent["type"], LogLevel>;

/**
 * One line a person can read: the event's type, the request it is about, then its other fields,
 * e.g. `request-attempt GET https://api.example.com/orders attempt=1 duration=41 status=503`.
 * Generic on purpose: a sentence per event type would cost every browser bundle its text.
 */
export function describeEvent(event: SessionEvent): string {
  const {
    type,
    provider: _,
    request,
    ...fields
  } = event as SessionEvent & {
    request?: { method: string; url: string };
  };
  const parts: string[] = request ? [type, request.method, request.url] : [type];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined || typeof value === "function") continue;
    if (name.endsWith("At") && typeof value === "number") {
      parts.push(`${name}=${new Date(value).toISOString()}`);
    } else {
      parts.push(`${name}=${String(value)}`);
    }
  }
  return parts.join(" ");
}
