import { createProviderClient } from "@loginkit/core";
import { instrument } from "@loginkit/opentelemetry";
import type { VeroOmsTypes } from "@loginkit/vero-oms";
import {
  AggregationTemporality,
  InMemoryMetricExporter,
  MeterProvider,
  PeriodicExportingMetricReader,
} from "@opentelemetry/sdk-metrics";
import { BatchSpanProcessor, type SpanExporter, TracerProvider } from "@opentelemetry/sdk-trace";
import { instantBaseUrl, instantFetch } from "../clients/instant-fetch.js";
import { formatNumber, formatRatio } from "../measure/format.js";
import { runInterleaved } from "../measure/interleave.js";
import { median } from "../measure/statistics.js";
import { renderTable } from "../report/markdown-table.js";
import type { Section } from "../report/section.js";
import { type BenchPaths, benchCredentials, benchProvider } from "../server/bench-provider.js";

type BenchTypes = Omit<VeroOmsTypes, "paths"> & { paths: BenchPaths };

/** 3 set-ups × 7 rounds × 3,000 calls: about 15 s on a busy 2-core machine. */
const sizes = { rounds: 7, warmupCalls: 1_000, callsPerRound: 3_000 } as const;

/** An exporter that drops what it gets: the SDK's own work is measured, not a network's. */
const droppingExporter: SpanExporter = {
  export: (_spans, done) => done({ code: 0 }),
  shutdown: async () => {},
};

const setups = {
  "not instrumented": () => {},
  "instrumented, no provider registered": (client: Parameters<typeof instrument>[0]) => {
    instrument(client);
  },
  "instrumented, SDK recording every span and metric": (
    client: Parameters<typeof instrument>[0],
  ) => {
    const tracerProvider = new TracerProvider({
      spanProcessors: [new BatchSpanProcessor({ exporter: droppingExporter })],
    });
    const meterProvider = new MeterProvider({
      readers: [
        new PeriodicExportingMetricReader({
          exporter: new InMemoryMetricExporter(AggregationTemporality.CUMULATIVE),
          exportIntervalMillis: 3_600_000,
        }),
      ],
    });
    instrument(client, { tracerProvider, meterProvider });
  },
} as const;

type Setup = keyof typeof setups;

/** Median nanoseconds per sequential call over `instantFetch`, per set-up. */
export async function measureInstrumentationCost(): Promise<Map<Setup, number>> {
  const names = Object.keys(setups) as Setup[];
  const calls = new Map<Setup, () => Promise<unknown>>();
  for (const name of names) {
    const client = createProviderClient<BenchTypes>(benchProvider, {
      baseUrl: instantBaseUrl,
      fetch: instantFetch,
      credentials: benchCredentials,
    });
    setups[name](client);
    const call = () => client.GET("/api/orders");
    for (let index = 0; index < sizes.warmupCalls; index++) await call();
    calls.set(name, call);
  }
  const rounds = await runInterleaved(names, sizes.rounds, async (name) => {
    const call = calls.get(name)!;
    const begin = process.hrtime.bigint();
    for (let index = 0; index < sizes.callsPerRound; index++) await call();
    return Number(process.hrtime.bigint() - begin) / sizes.callsPerRound;
  });
  return new Map([...rounds].map(([name, nanoseconds]) => [name, median(nanoseconds)]));
}

/** `pnpm bench`'s section: what `@loginkit/opentelemetry` costs a call, with and without an SDK. */
export async function runInstrumentationBenchmark(environment: string): Promise<Section> {
  const measured = await measureInstrumentationCost();
  const baseline = measured.get("not instrumented")!;
  const rows = [...measured].map(([name, nanoseconds]) => [
    name,
    formatNumber(nanoseconds / 1000, 2),
    formatRatio(nanoseconds / baseline),
  ]);
  return {
    title: "Instrumentation: `@loginkit/opentelemetry` per call",
    body: [
      `${environment}. One loginkit client per row over a fetch that answers at once (no I/O), ${sizes.callsPerRound.toLocaleString("en-US")} sequential calls a round, ${sizes.rounds} interleaved rounds, median: what remains is the client's own work.`,
      "",
      renderTable(["set-up", "µs per call", "vs not instrumented"], rows),
      "",
      "With no provider registered, `instrument()` still takes the request events, but each span is OpenTelemetry's non-recording one; the SDK row is what a service that exports everything pays (spans batched to an exporter that drops them).",
    ].join("\n"),
  };
}
