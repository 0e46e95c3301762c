import type { LogLevel } from "../logging/log-level.js";
import type { SessionEvent } from "./session-event.js";

/**
 * Every event type, with the level a logger writes it at: what needs a person first, per-request
 * detail last. Each send is the attempt's detail, for tracers: `request-attempt` already shows it
 * in a log. The one list of event types (`satisfies` wants every type): the listeners' filter
 * check reads it too, so a new type cannot be missing from either.
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
