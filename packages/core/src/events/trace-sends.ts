import { errorName } from "../utils/error-name.js";
import { redactUrl } from "../utils/redact-url.js";
import type { SessionEvent } from "./session-event.js";

type Send = (request: Request, signal: AbortSignal, ...rest: never[]) => Promise<Response>;

/** The headers a tracer may add to a send: W3C Trace Context and W3C Baggage, nothing else. */
const PROPAGATED_HEADERS: ReadonlySet<string> = new Set(["traceparent", "tracestate", "baggage"]);

/**
 * The transport, reporting each physical send (`send-start`, `send-end`) while a listener takes
 * request events: every attempt, the replay after a 401 and every redirect hop pass here, which
 * is what the HTTP semantic conventions count as a send. Unobserved, it is the transport as is.
 */
export function traceSends<T extends { transport: Send }>(
  options: T & {
    events: { readonly wantsSendEvents: boolean; emit(event: SessionEvent): void };
  },
  provider: string,
  secrets: () => readonly string[],
): T {
  const { transport, events } = options;
  const traced: Send = (request, signal) => {
    if (!events.wantsSendEvents) return transport(request, signal);
    // Redacted only when a listener reads it, as a request's URL is.
    let redacted: string | undefined;
    const send = {
      method: request.method,
      get url() {
        redacted ??= redactUrl(request.url, secrets());
        return redacted;
      },
    };
    const added: string[] = [];
    let open = true;
    const propagate = (name: string, value: string) => {
      const lower = String(name).toLowerCase();
      if (!open || !PROPAGATED_HEADERS.has(lower)) return;
      try {
        request.headers.set(lower, value);
        added.push(lower);
      } catch {
        // A value no runtime can send is dropped: tracing never breaks a request.
      }
    };
    events.emit({ type: "send-start", provider, send, propagate });
    open = false;
    const started = performance.now();
    const ended = (outcome: { status: number } | { error: string }) => {
      // Core reuses its own Request for the next attempt: what a tracer added leaves with it.
      for (const name of added) request.headers.delete(name);
      const duration = Math.round(performance.now() - started);
      events.emit({ type: "send-end", provider, send, duration, ...outcome });
    };
    let sending: Promise<Response>;
    try {
      sending = Promise.resolve(transport(request, signal));
    } catch (error) {
      sending = Promise.reject(error);
    }
    return sending.then(
      (response) => {
        ended({ status: response.status });
        return response;
      },
      (error: unknown) => {
        ended({ error: errorName(error) });
        throw error;
      },
    );
  };
  return { ...options, transport: traced };
}
