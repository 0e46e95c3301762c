import { formatNumber, formatRatio } from "../measure/format.js";
import { runInterleaved } from "../measure/interleave.js";
import { type LoadResult, runLoad } from "../measure/load.js";
import { median, percentile } from "../measure/statistics.js";
import { renderTable } from "../report/markdown-table.js";
import { startLoginApi } from "../server/start-login-api.js";
import { type CallKind, contendersFor, makeCall } from "./call-kind.js";
import { throughputSizes as sizes } from "./throughput-sizes.js";

interface ModeSummary {
  requestsPerSecond: number;
  p50: number;
  p99: number;
}

export interface ThroughputResult {
  readonly sequential: Map<string, ModeSummary>;
  readonly concurrent: Map<string, ModeSummary>;
}

/** Every client making calls of `kind` against the same child-process server, interleaved. */
export async function measureThroughput(kind: CallKind = "GET"): Promise<ThroughputResult> {
  const api = await startLoginApi();
  try {
    const calls = new Map<string, () => Promise<unknown>>();
    const contenders = contendersFor(kind);
    for (const contender of contenders) {
      const call = makeCall(await contender.create({ baseUrl: api.baseUrl }), kind);
      await runLoad(call, sizes.warmupRequests, 8);
      calls.set(contender.name, call);
    }
    const names = contenders.map((contender) => contender.name);
    const rounds = await runInterleaved(names, sizes.rounds, async (name) => {
      const call = calls.get(name)!;
      const sequential = await runLoad(call, sizes.sequentialRequests, 1);
      const concurrent = await runLoad(call, sizes.concurrentRequests, sizes.concurrency);
      return { sequential, concurrent };
    });
    const summarize = (mode: "sequential" | "concurrent") =>
      new Map(
        [...rounds].map(([name, results]) => [
          name,
          summarizeRounds(results.map((result) => result[mode])),
        ]),
      );
    return { sequential: summarize("sequential"), concurrent: summarize("concurrent") };
  } finally {
    await api.stop();
  }
}

/** Medians across rounds of each round's throughput and percentiles. */
function summarizeRounds(results: readonly LoadResult[]): ModeSummary {
  return {
    requestsPerSecond: median(results.map((result) => result.requestsPerSecond)),
    p50: median(results.map((result) => percentile(result.latencies, 50))),
    p99: median(results.map((result) => percentile(result.latencies, 99))),
  };
}

export function renderThroughputTable(summaries: Map<string, ModeSummary>): string {
  const raw = summaries.get("raw fetch")!;
  const bare = summaries.get("bare openapi-fetch")!;
  const rows = [...summaries].map(([name, summary]) => [
    name,
    formatNumber(summary.requestsPerSecond),
    formatRatio(summary.requestsPerSecond / raw.requestsPerSecond),
    formatRatio(summary.requestsPerSecond / bare.requestsPerSecond),
    formatNumber(summary.p50, 3),
    formatRatio(summary.p50 / raw.p50),
    formatRatio(summary.p50 / bare.p50),
    formatNumber(summary.p99, 3),
    formatRatio(summary.p99 / raw.p99),
    formatRatio(summary.p99 / bare.p99),
  ]);
  return renderTable(
    [
      "client",
      "req/s",
      "÷ raw",
      "÷ openapi-fetch",
      "p50 ms",
      "÷ raw",
      "÷ openapi-fetch",
      "p99 ms",
      "÷ raw",
      "÷ openapi-fetch",
    ],
    rows,
  );
}
