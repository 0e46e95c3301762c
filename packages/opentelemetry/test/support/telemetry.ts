import { context, propagation } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import { W3CTraceContextPropagator } from "@opentelemetry/core";
import {
  AggregationTemporality,
  type DataPoint,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import {
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
  TracerProvider,
} from "@opentelemetry/sdk-trace";

// What a service registers at start-up (the Node SDK does the same): context follows async
// calls, and trace context is written as W3C `traceparent`.
context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
propagation.setGlobalPropagator(new W3CTraceContextPropagator());

/** The SDK with its in-memory exporters: everything instrument() hands it, as exported. */
export function createTelemetry() {
  const spanExporter = new InMemorySpanExporter();
  const tracerProvider = new TracerProvider({
    spanProcessors: [new SimpleSpanProcessor({ exporter: spanExporter })],
  });
  const metricExporter = new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE);
  const reader = new PeriodicExportingMetricReader({
    exporter: metricExporter,
    // Exported when the test asks (forceFlush), never on a timer in the middle of it.
    exportIntervalMillis: 3_600_000,
  });
  const meterProvider = new MeterProvider({ readers: [reader] });
  return {
    tracerProvider,
    meterProvider,
    spans: (): ReadableSpan[] => spanExporter.getFinishedSpans(),
    /** Every data point of every metric, by metric name, as the exporter got them. */
    async metrics(): Promise<Map<string, DataPoint<unknown>[]>> {
      await reader.forceFlush();
      const byName = new Map<string, DataPoint<unknown>[]>();
      const exported = metricExporter.getMetrics();
      const last = exported[exported.length - 1];
      for (const scope of last?.scopeMetrics ?? []) {
        for (const metric of scope.metrics) {
          byName.set(metric.descriptor.name, metric.dataPoints as DataPoint<unknown>[]);
        }
      }
      return byName;
    },
    async shutdown() {
      await tracerProvider.shutdown();
      await meterProvider.shutdown();
    },
  };
}

export type Telemetry = ReturnType<typeof createTelemetry>;

/** A span's parent span id (the SDK 2+ keeps it in `parentSpanContext`). */
export function parentOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}

export function spansNamed(spans: readonly ReadableSpan[], name: string): ReadableSpan[] {
  return spans.filter((span) => span.name === name);
}

export function childrenOf(spans: readonly ReadableSpan[], parent: ReadableSpan): ReadableSpan[] {
  return spans
    .filter((span) => parentOf(span) === parent.spanContext().spanId)
    .sort((a, b) => toMs(a.startTime) - toMs(b.startTime));
}

export function toMs([seconds, nanos]: [number, number]): number {
  return seconds * 1000 + nanos / 1e6;
}

/** The sum of a counter's points whose attributes include `match`. */
export function countOf(
  points: DataPoint<unknown>[] | undefined,
  match: Record<string, unknown> = {},
): number {
  return (points ?? [])
    .filter((point) =>
      Object.entries(match).every(([key, value]) => point.attributes[key] === value),
    )
    .reduce((sum, point) => sum + (point.value as number), 0);
}

/** How many values a histogram recorded among points whose attributes include `match`. */
export function recordedOf(
  points: DataPoint<unknown>[] | undefined,
  match: Record<string, unknown> = {},
): number {
  return (points ?? [])
    .filter((point) =>
      Object.entries(match).every(([key, value]) => point.attributes[key] === value),
    )
    .reduce((sum, point) => sum + (point.value as { count: number }).count, 0);
}

/** Everything exported, as one text: names, attributes, events, statuses and metric labels. */
export async function exportedText(telemetry: Telemetry): Promise<string> {
  const spans = telemetry.spans().map((span) => ({
    name: span.name,
    attributes: span.attributes,
    events: span.events,
    status: span.status,
    links: span.links,
  }));
  const metrics = [...(await telemetry.metrics())].map(([name, points]) => ({
    name,
    points: points.map((point) => ({ attributes: point.attributes, value: point.value })),
  }));
  return JSON.stringify({ spans, metrics });
}
