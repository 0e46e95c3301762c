import {
  createNoopMeter,
  type MeterProvider,
  ProxyTracerProvider,
  type TracerProvider,
} from "@opentelemetry/api";

/** The API's own no-op tracer provider: what its global proxy hands out until an SDK registers. */
const NOOP_TRACER_PROVIDER = new ProxyTracerProvider().getDelegate();
const NoopMeter = createNoopMeter().constructor;

/**
 * Whether anything would record what the instrumentation makes: a tracer provider other than
 * the API's no-op one (directly or behind the global proxy), or a meter that is not a no-op.
 */
export function isRecording(tracerProvider: TracerProvider, meterProvider: MeterProvider): boolean {
  const tracing =
    tracerProvider instanceof ProxyTracerProvider
      ? tracerProvider.getDelegate() !== NOOP_TRACER_PROVIDER
      : tracerProvider !== NOOP_TRACER_PROVIDER;
  return tracing || !(meterProvider.getMeter("@loginkit/opentelemetry") instanceof NoopMeter);
}
