import type { SessionEvent } from "../events/session-event.js";

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
