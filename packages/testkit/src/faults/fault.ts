/**
 * A deliberate misbehaviour for the next matching request(s). Faults are not validated against
 * the spec (they are wrong on purpose), except a `status` fault without a body, whose body is
 * built from the spec's example for that status.
 */
export type Fault =
  /** Answer this status instead of handling the request, e.g. 429 with `Retry-After`, 502 with HTML. */
  | {
      readonly status: number;
      readonly headers?: Readonly<Record<string, string>>;
      readonly body?: unknown;
    }
  /** Wait, then handle the request normally. */
  | { readonly delayMs: number }
  /**
   * Handle the request now (a refresh rotates its token), then wait before answering: what a
   * client that dies meanwhile never hears, though the provider acted on it.
   */
  | { readonly answerDelayMs: number }
  /** Handle the request, then destroy the socket halfway through the response. */
  | { readonly reset: true }
  /** Handle the request, then send a body that is not JSON (with a JSON content type). */
  | { readonly malformedJson: true }
  /** Handle the request, then send only the first half of the JSON body. */
  | { readonly truncatedJson: true }
  /** Handle the request, then leave the access token out of the answer (e.g. a 200 sign-in). */
  | { readonly omitToken: true };

/** Which requests a fault applies to; all given fields must match. */
export interface FaultTarget {
  readonly operationId?: string;
  /** The request path (`/auth/login`) or the spec's template (`/api/v1/{app_id}/auth/login`). */
  readonly path?: string;
  /** How many requests it applies to. @default 1 */
  readonly times?: number;
}

export function faultKind(fault: Fault): string {
  if ("status" in fault) return `status-${fault.status}`;
  if ("delayMs" in fault) return "delay";
  if ("answerDelayMs" in fault) return "answer-delay";
  return Object.keys(fault)[0] ?? "unknown";
}
