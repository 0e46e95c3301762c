import { errorName } from "../utils/error-name.js";
import type { SessionEvent } from "./session-event.js";

/** Where providers put the id of a request, for support tickets and logs; the first one present. */
const REQUEST_ID_HEADERS = [
  "x-request-id",
  "request-id",
  "x-correlation-id",
  "x-amzn-requestid",
  "cf-ray",
];

export interface RequestTrace {
  /** Runs the request's attempts inside the listeners' scopes (see `EventScope`). */
  run<T>(attempts: () => T): T;
  attempt(outcome: Response | unknown): void;
  end(outcome: Response | unknown): void;
}

/**
 * The `request-start`, `request-attempt` and `request-end` events of one request. Built only when
 * someone listens, so an unobserved request pays nothing for them.
 */
export function traceRequest(
  events: {
    emit(event: SessionEvent): void;
    scope<T>(event: SessionEvent, run: () => T): T;
  },
  provider: string,
  request: { method: string; url: string },
  secrets: () => readonly string[],
  /**
   * Core's own sign-in and refresh: a successful answer carries tokens core does not know yet
   * when the event is built, so its request id (which could encode them) is left out.
   */
  ownCall = false,
): RequestTrace {
  const { emit } = events;
  const started = performance.now();
  let attemptStarted = started;
  let attempts = 0;
  return {
    run: (attempts) => events.scope({ type: "request-start", provider, request }, attempts),
    attempt(outcome) {
      attempts++;
      const now = performance.now();
      const duration = Math.round(now - attemptStarted);
      attemptStarted = now;
      emit({
        type: "request-attempt",
        provider,
        request,
        attempt: attempts,
        duration,
        ...describe(outcome),
      });
    },
    end(outcome) {
      const duration = Math.round(performance.now() - started);
      const requestId =
        outcome instanceof Response && !(ownCall && outcome.ok)
          ? readRequestId(outcome.headers, secrets())
          : undefined;
      emit({
        type: "request-end",
        provider,
        request,
        attempts,
        duration,
        ...describe(outcome),
        ...(requestId === undefined ? {} : { requestId }),
      });
    },
  };
}

function describe(outcome: unknown): { status: number } | { error: string } {
  if (outcome instanceof Response) return { status: outcome.status };
  return { error: errorName(outcome) };
}

/** The provider's request id, unless it is long or quotes a secret (it goes to logs as is). */
function readRequestId(headers: Headers, secrets: readonly string[]): string | undefined {
  for (const name of REQUEST_ID_HEADERS) {
    const value = headers.get(name);
    if (value === null) continue;
    if (value.length > 200 || secrets.some((secret) => secret !== "" && value.includes(secret))) {
      return undefined;
    }
    return value;
  }
  return undefined;
}

/** `promise` as it is, with `see` told how it settled (its value or its error). */
export function observe<T>(promise: Promise<T>, see: (outcome: T | unknown) => void): Promise<T> {
  return promise.then(
    (value) => {
      see(value);
      return value;
    },
    (error: unknown) => {
      see(error);
      throw error;
    },
  );
}
