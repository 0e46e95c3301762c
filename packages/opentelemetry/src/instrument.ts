import type { EventScope, ProviderClient, ProviderTypes, SessionEvent } from "@loginkit/core";
import {
  type Attributes,
  type Context,
  context,
  createContextKey,
  type MeterProvider,
  metrics,
  propagation,
  type Span,
  SpanKind,
  SpanStatusCode,
  type TextMapPropagator,
  type TracerProvider,
  trace,
} from "@opentelemetry/api";
import { ATTRIBUTES, SPAN_NAMES } from "./attribute-names.js";
import { createInstruments } from "./create-instruments.js";
import { isRecording } from "./detect-recording.js";
import {
  clientSpanName,
  methodAttributes,
  outcomeAttributes,
  serverAttributes,
} from "./http-attributes.js";
import { readPropagationOrigins } from "./read-propagation-origins.js";

const INSTRUMENTATION_NAME = "@loginkit/opentelemetry";
/** Where a call's context keeps how many sends it has made. */
const SENDS = createContextKey("@loginkit/opentelemetry sends of the current call");

export interface InstrumentOptions {
  /** Where spans go. @default the global one (`trace.getTracerProvider()`) */
  tracerProvider?: TracerProvider;
  /** Where metrics go. @default the global one (`metrics.getMeterProvider()`) */
  meterProvider?: MeterProvider;
  /**
   * Origins that may receive trace context (`traceparent`, `tracestate`) with each send, e.g.
   * `["https://api.example.com"]`. In a browser every header is a CORS question the provider
   * must answer, so none is sent unless listed.
   * @default [] (none)
   */
  propagateTo?: readonly (string | URL)[];
  /** Writes trace context into the headers. @default the global one (`propagation`) */
  propagator?: TextMapPropagator;
}

/** What `instrument` needs of a client: any loginkit client has both. */
export type InstrumentableClient = Pick<ProviderClient<ProviderTypes>, "onEvent" | "provider">;

/** Every event type the instrumentation listens to: none of the others is built for it. */
const TYPES = [
  "request-start",
  "request-end",
  "send-start",
  "send-end",
  "retry",
  "renewal-start",
  "signed-in",
  "renewed",
  "session-adopted",
  "lease-abandoned",
  "renewal-deferred",
  "renewal-skipped",
  "refresh-refused",
  "auth-failed",
  "sign-out-start",
  "signed-out",
  "store-failed",
] as const satisfies readonly SessionEvent["type"][];

/**
 * Traces and measures a loginkit client by the OpenTelemetry HTTP semantic conventions, from
 * its event stream: a `loginkit.request` span per call with a CLIENT span per send (each
 * attempt, the replay after a 401 and each redirect hop, with `http.request.resend_count`);
 * sign-in, renewal, sign-out and lease-wait spans as children of the call that caused them;
 * `http.client.request.duration` and loginkit's counters. Returns the function that stops it.
 *
 * Parent links follow OpenTelemetry's context: register a context manager (the Node SDK does;
 * in a browser, `@opentelemetry/context-zone`).
 *
 * @example
 * const stop = instrument(client, { propagateTo: ["https://api.example.com"] });
 */
export function instrument(
  client: InstrumentableClient,
  options: InstrumentOptions = {},
): () => void {
  const propagateTo = readPropagationOrigins(options.propagateTo);
  const provider = client.provider.id;
  // Read again on every check: an SDK may register its global providers later.
  const tracerProvider = () => options.tracerProvider ?? trace.getTracerProvider();
  const meterProvider = () => options.meterProvider ?? metrics.getMeterProvider();
  const tracer = tracerProvider().getTracer(INSTRUMENTATION_NAME);
  const propagator = options.propagator ?? propagation;
  let instruments = createInstruments(meterProvider().getMeter(INSTRUMENTATION_NAME));
  const providerAttributes = { [ATTRIBUTES.provider]: provider };

  // Work spans by the start event that began them (the scope makes them current), requests by
  // their `request` object and sends by their `send` object: core hands the same objects to
  // every event of one request or send.
  const scoped = new WeakMap<object, Context>();
  const requests = new WeakMap<object, Span>();
  const sends = new WeakMap<object, { span: Span; attributes: Attributes; started: number }>();
  /** The client's one renewal in flight (core shares one among concurrent calls). */
  let renewal: { span: Span; hadSession: boolean } | undefined;
  let signOut: Span | undefined;
  /** Whether the client holds a session, as far as its events said: a sign-in or a renewal. */
  let hasSession = false;

  const start = (name: string, kind: SpanKind, attributes: Attributes, parent?: Context) =>
    tracer.startSpan(name, { kind, attributes }, parent ?? context.active());

  /** Ends the renewal in flight, named for what it turned out to be: a sign-in or a renewal. */
  const endRenewal = (attributes: Attributes, renewed: boolean, error?: string) => {
    if (!renewal) return;
    const { span } = renewal;
    renewal = undefined;
    span.updateName(renewed ? SPAN_NAMES.renew : SPAN_NAMES.signIn);
    span.setAttributes(attributes);
    if (error !== undefined) {
      span.setAttribute("error.type", error);
      span.setStatus({ code: SpanStatusCode.ERROR });
    }
    span.end();
  };

  const recordLeaseWait = (waited: number, outcome: "adopted" | "abandoned") => {
    const attributes = { ...providerAttributes, [ATTRIBUTES.leaseOutcome]: outcome };
    instruments.leaseWait.record(waited / 1000, attributes);
    const parent = renewal ? trace.setSpan(context.active(), renewal.span) : undefined;
    const now = Date.now();
    tracer
      .startSpan(
        SPAN_NAMES.leaseWait,
        { kind: SpanKind.INTERNAL, attributes, startTime: now - waited },
        parent,
      )
      .end(now);
  };

  const listen = (event: SessionEvent) => {
    switch (event.type) {
      case "request-start": {
        // The call's sends are counted in its context, for `http.request.resend_count`.
        const counted = context.active().setValue(SENDS, { count: 0 });
        const span = start(SPAN_NAMES.request, SpanKind.INTERNAL, providerAttributes);
        // Sampled out: nothing to record, and the URL is not even redacted for it.
        if (!span.isRecording()) {
          scoped.set(event, counted);
          return;
        }
        scoped.set(event, trace.setSpan(counted, span));
        const { method, url } = event.request;
        span.setAttributes({
          ...methodAttributes(method),
          "url.full": url,
          ...serverAttributes(url),
        });
        requests.set(event.request, span);
        return;
      }
      case "request-end": {
        const span = requests.get(event.request);
        if (!span) return;
        requests.delete(event.request);
        span.setAttributes({ [ATTRIBUTES.attempts]: event.attempts, ...outcomeAttributes(event) });
        if (event.requestId !== undefined) span.setAttribute(ATTRIBUTES.requestId, event.requestId);
        if (event.error !== undefined || (event.status ?? 0) >= 400) {
          span.setStatus({ code: SpanStatusCode.ERROR });
        }
        span.end();
        return;
      }
      case "send-start": {
        const { method, url } = event.send;
        // The call this send belongs to is current: its scope runs the attempts.
        const sent = context.active().getValue(SENDS) as { count: number } | undefined;
        const resends = sent ? sent.count++ : 0;
        const attributes = { ...methodAttributes(method), ...serverAttributes(url) };
        const span = start(clientSpanName(method), SpanKind.CLIENT, {
          ...attributes,
          "url.full": url,
          ...(resends > 0 ? { "http.request.resend_count": resends } : {}),
        });
        sends.set(event.send, { span, attributes, started: performance.now() });
        if (propagateTo.has(originOf(url))) {
          propagator.inject(trace.setSpan(context.active(), span), event, {
            set: (carrier, name, value) => carrier.propagate(name, value),
          });
        }
        return;
      }
      case "send-end": {
        const send = sends.get(event.send);
        if (!send) return;
        sends.delete(event.send);
        const outcome = outcomeAttributes(event);
        send.span.setAttributes(outcome);
        if (outcome["error.type"] !== undefined)
          send.span.setStatus({ code: SpanStatusCode.ERROR });
        send.span.end();
        instruments.requestDuration.record((performance.now() - send.started) / 1000, {
          ...send.attributes,
          ...outcome,
        });
        return;
      }
      case "retry": {
        const attributes = {
          ...providerAttributes,
          [ATTRIBUTES.retryReason]: event.reason,
          ...(event.status === undefined ? {} : { "http.response.status_code": event.status }),
        };
        instruments.retries.add(1, attributes);
        requests.get(event.request)?.addEvent("loginkit.retry", {
          ...attributes,
          "loginkit.retry.attempt": event.attempt,
          "loginkit.retry.delay_ms": event.delay,
        });
        return;
      }
      case "renewal-start": {
        // A renewal whose end never came (a sign-out meanwhile dropped its result) ends here.
        endRenewal({ [ATTRIBUTES.renewalOutcome]: "discarded" }, renewal?.hadSession ?? false);
        const span = start(SPAN_NAMES.renew, SpanKind.INTERNAL, providerAttributes);
        renewal = { span, hadSession: hasSession };
        scoped.set(event, trace.setSpan(context.active(), span));
        return;
      }
      case "signed-in": {
        hasSession = true;
        instruments.signIns.add(1, {
          ...providerAttributes,
          [ATTRIBUTES.signInOutcome]: "signed-in",
        });
        endRenewal({ [ATTRIBUTES.renewalVia]: "sign-in" }, false);
        return;
      }
      case "renewed": {
        hasSession = true;
        if (event.via === "sign-in") {
          instruments.signIns.add(1, {
            ...providerAttributes,
            [ATTRIBUTES.signInOutcome]: "signed-in",
          });
        }
        const outcome = {
          [ATTRIBUTES.renewalOutcome]: "renewed",
          [ATTRIBUTES.renewalVia]: event.via,
        };
        instruments.renewals.add(1, { ...providerAttributes, ...outcome });
        endRenewal(outcome, true);
        return;
      }
      case "session-adopted": {
        const renewed = renewal?.hadSession ?? hasSession;
        hasSession = true;
        if (event.waited > 0) recordLeaseWait(event.waited, "adopted");
        const outcome = { [ATTRIBUTES.renewalOutcome]: "adopted" };
        instruments.renewals.add(1, { ...providerAttributes, ...outcome });
        endRenewal(outcome, renewed);
        return;
      }
      case "lease-abandoned":
        recordLeaseWait(event.waited, "abandoned");
        return;
      case "renewal-deferred": {
        const outcome = { [ATTRIBUTES.renewalOutcome]: "deferred" };
        instruments.renewals.add(1, { ...providerAttributes, ...outcome });
        endRenewal({ ...outcome, ...errorAttributes(event) }, true);
        return;
      }
      case "renewal-skipped":
        instruments.renewals.add(1, {
          ...providerAttributes,
          [ATTRIBUTES.renewalOutcome]: "skipped",
        });
        requests.get(event.request)?.addEvent("loginkit.renewal_skipped", {
          "http.response.status_code": event.status,
        });
        return;
      case "refresh-refused":
        instruments.refusedRefreshes.add(1, providerAttributes);
        renewal?.span.addEvent("loginkit.refresh_refused", {
          ...(event.status === undefined ? {} : { "http.response.status_code": event.status }),
        });
        return;
      case "auth-failed": {
        const refused = event.error === "AuthenticationError";
        const wasRenewal = renewal?.hadSession ?? hasSession;
        if (wasRenewal) {
          if (refused) {
            instruments.renewals.add(1, {
              ...providerAttributes,
              [ATTRIBUTES.renewalOutcome]: "refused",
            });
          }
        } else {
          instruments.signIns.add(1, {
            ...providerAttributes,
            [ATTRIBUTES.signInOutcome]: refused ? "refused" : "failed",
          });
        }
        endRenewal(
          refused ? { [ATTRIBUTES.renewalOutcome]: "refused" } : {},
          wasRenewal,
          event.error,
        );
        return;
      }
      case "sign-out-start": {
        signOut?.end();
        signOut = start(SPAN_NAMES.signOut, SpanKind.INTERNAL, providerAttributes);
        scoped.set(event, trace.setSpan(context.active(), signOut));
        return;
      }
      case "signed-out": {
        hasSession = false;
        signOut?.end();
        signOut = undefined;
        return;
      }
      case "store-failed":
        instruments.storeFailures.add(1, {
          ...providerAttributes,
          [ATTRIBUTES.storeOperation]: event.operation,
          "error.type": event.error,
        });
        return;
    }
  };

  const scope: EventScope = (event, run) => {
    const within = scoped.get(event);
    if (!within) return run();
    scoped.delete(event);
    return context.with(within, run);
  };
  const listenToAll = () => client.onEvent(listen, { types: TYPES, scope });
  if (isRecording(tracerProvider(), meterProvider())) return listenToAll();

  // Nothing would record (no SDK registered): take no per-request event, so requests cost
  // nothing more, and look again at each session event (the first call signs in), starting
  // for real once an SDK has registered.
  let stop = client.onEvent(
    (event) => {
      if (!isRecording(tracerProvider(), meterProvider())) return;
      stop();
      instruments = createInstruments(meterProvider().getMeter(INSTRUMENTATION_NAME));
      stop = listenToAll();
      listen(event);
    },
    { types: TYPES.filter((type) => !type.startsWith("request-") && !type.startsWith("send-")) },
  );
  return () => stop();
}

function originOf(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return "";
  }
}

function errorAttributes(event: { error: string; status?: number }): Attributes {
  return {
    "error.type": event.status === undefined ? event.error : String(event.status),
  };
}
