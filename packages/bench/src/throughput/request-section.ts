import { requestContenders } from "../clients/contenders.js";
import { profileTopFunctions } from "../measure/cpu-profile.js";
import { formatNumber, formatRatio } from "../measure/format.js";
import { renderTable } from "../report/markdown-table.js";
import type { Section } from "../report/section.js";
import { measureMemory } from "./memory-benchmark.js";
import { memoryCalls } from "./memory-sizes.js";
import { createInstantLoginkitCalls, measureOverhead } from "./overhead-benchmark.js";
import { measureThroughput, renderThroughputTable } from "./throughput-benchmark.js";
import { throughputSizes as sizes } from "./throughput-sizes.js";

/** Target (issue #10): loginkit ≥ 0.90× bare openapi-fetch throughput, and ahead of ky and Hey API. */
const minimumShareOfOpenapiFetch = 0.9;

export async function runRequestBenchmark(environment: string): Promise<Section> {
  const throughput = await measureThroughput();
  const overhead = await measureOverhead();
  const profile = await profileTopFunctions(await createInstantLoginkitCalls(5_000), {
    ownerUrl: "packages/core/",
  });
  const postThroughput = await measureThroughput("POST");
  const postOverhead = await measureOverhead("POST");
  const postProfile = await profileTopFunctions(await createInstantLoginkitCalls(5_000, "POST"), {
    ownerUrl: "packages/core/",
  });
  const memory = { GET: await measureMemory("GET"), POST: await measureMemory("POST") };

  const postVerdict = (mode: "sequential" | "concurrent") => {
    const summaries = postThroughput[mode];
    const share =
      summaries.get("loginkit")!.requestsPerSecond /
      summaries.get("bare openapi-fetch")!.requestsPerSecond;
    return share >= minimumShareOfOpenapiFetch
      ? `- POST ${mode}: throughput **met** (${formatRatio(share)} bare openapi-fetch).`
      : `- POST ${mode}: throughput **missed by ${formatRatio(minimumShareOfOpenapiFetch - share)}** (${formatRatio(share)} bare openapi-fetch, target ≥ ${formatRatio(minimumShareOfOpenapiFetch)}).`;
  };
  const postRawNs = postOverhead.get("raw fetch")!;
  const postBareNs = postOverhead.get("bare openapi-fetch")!;
  const postOverheadRows = [...postOverhead].map(([name, nanoseconds]) => [
    name,
    formatNumber(nanoseconds),
    formatNumber(nanoseconds - postRawNs),
    formatRatio(nanoseconds / postBareNs),
  ]);
  const memoryRows = (["GET", "POST"] as const).flatMap((kind) =>
    [...memory[kind]].map(([name, result]) => {
      const bare = memory[kind].get("bare openapi-fetch")!;
      return [
        kind,
        name,
        formatNumber(result.allocatedBytes / 1024 / 1024),
        formatRatio(result.allocatedBytes / bare.allocatedBytes),
        formatNumber(result.peakRssBytes / 1024 / 1024),
        formatRatio(result.peakRssBytes / bare.peakRssBytes),
      ];
    }),
  );

  const verdict = (mode: "sequential" | "concurrent") => {
    const summaries = throughput[mode];
    const ours = summaries.get("loginkit")!.requestsPerSecond;
    const share = ours / summaries.get("bare openapi-fetch")!.requestsPerSecond;
    const behind = ["ky + refresh hook", "@hey-api/client-fetch"].filter(
      (name) => summaries.get(name)!.requestsPerSecond >= ours,
    );
    const shareText =
      share >= minimumShareOfOpenapiFetch
        ? `**met** (${formatRatio(share)} bare openapi-fetch)`
        : `**missed by ${formatRatio(minimumShareOfOpenapiFetch - share)}** (${formatRatio(share)} bare openapi-fetch, target ≥ ${formatRatio(minimumShareOfOpenapiFetch)})`;
    const aheadText =
      behind.length === 0
        ? "ahead of ky and Hey API: **met**"
        : `not ahead of ${behind.join(", ")}: **missed**`;
    return `- ${mode}: throughput ${shareText}; ${aheadText}.`;
  };

  const rawNs = overhead.get("raw fetch")!;
  const bareNs = overhead.get("bare openapi-fetch")!;
  const overheadRows = [...overhead].map(([name, nanoseconds]) => [
    name,
    formatNumber(nanoseconds),
    formatNumber(nanoseconds - rawNs),
    formatRatio(nanoseconds / bareNs),
  ]);

  const overheadVerdict = describeOverheadTarget(overhead.get("loginkit")! - rawNs, bareNs - rawNs);

  const body = [
    environment,
    "",
    `Every client makes \`GET /api/orders\` (bearer token, JSON body read) against the same node:http server on 127.0.0.1, run in a child process so the clients' CPU is the benchmark process's own. Six clients interleaved, rotated each round, ${sizes.rounds} rounds; medians of per-round numbers. Per round and client: ${formatNumber(sizes.sequentialRequests)} sequential requests, then ${formatNumber(sizes.concurrentRequests)} from ${sizes.concurrency} concurrent workers (closed loop). Sizes keep this area near 2 minutes on 2 cores; with 2 cores the client and the server share the machine, so the concurrent numbers are CPU-bound on both sides.`,
    "",
    "What each client does here:",
    "",
    renderTable(
      ["client", "auth and retry"],
      requestContenders.map((contender) => [contender.name, contender.setup]),
    ),
    "",
    "### Sequential",
    "",
    renderThroughputTable(throughput.sequential),
    "",
    `### ${sizes.concurrency}-way concurrent`,
    "",
    renderThroughputTable(throughput.concurrent),
    "",
    "### Targets",
    "",
    verdict("sequential"),
    verdict("concurrent"),
    "",
    "### Pure client overhead (injected fetch that answers at once)",
    "",
    "Each client over the same in-process `fetch` that returns a ready `Response` (axios through its fetch adapter): what is left is the client's own work per call, sequential, median of 5 interleaved rounds of 3,000 calls. Raw fetch still builds and parses a `Response`; the overhead column subtracts it.",
    "",
    renderTable(["client", "ns per call", "ns over raw fetch", "÷ openapi-fetch"], overheadRows),
    "",
    overheadVerdict,
    "",
    "### Where loginkit's per-call time goes",
    "",
    "V8 sampling profile (what `--cpu-prof` records) of 5,000 loginkit calls over the instant fetch. Each sample is charged to the nearest `@loginkit/core` function on its stack, so native work a core function causes (a `new Request`, `new Headers`, `AbortSignal.any`, a timer) shows under that function; samples with no core frame (openapi-fetch, the benchmark loop, GC) are left out of the list but count in the percentages. `transport` includes the injected fetch itself.",
    "",
    renderTable(
      ["function", "where", "share of samples"],
      profile.map(({ name, location, selfPercent }) => [
        name,
        location,
        `${selfPercent.toFixed(1)}%`,
      ]),
    ),
    "",
    "### A POST with a JSON body",
    "",
    `\`POST /api/orders\` with a small JSON body (\`{ item, quantity }\`), its JSON answer read: a login API's common call. The baselines and loginkit only, measured as above (${sizes.rounds} interleaved rounds against the child-process server; overhead over the instant fetch).`,
    "",
    "Sequential:",
    "",
    renderThroughputTable(postThroughput.sequential),
    "",
    `${sizes.concurrency}-way concurrent:`,
    "",
    renderThroughputTable(postThroughput.concurrent),
    "",
    renderTable(
      ["client", "ns per call", "ns over raw fetch", "÷ openapi-fetch"],
      postOverheadRows,
    ),
    "",
    postVerdict("sequential"),
    postVerdict("concurrent"),
    describeOverheadTarget(
      postOverhead.get("loginkit")! - postRawNs,
      postBareNs - postRawNs,
    ).replace("- ", "- POST: "),
    "",
    "Where loginkit's time goes on the POST (same profile method as above):",
    "",
    renderTable(
      ["function", "where", "share of samples"],
      postProfile.map(({ name, location, selfPercent }) => [
        name,
        location,
        `${selfPercent.toFixed(1)}%`,
      ]),
    ),
    "",
    "### Memory per 100,000 calls",
    "",
    `Each client in a process of its own, over the instant fetch, after 1,000 warm-up calls: bytes allocated (V8's sampling heap profiler, counting what young and old collections freed: an estimate) and the process's peak RSS while ${formatNumber(memoryCalls)} sequential calls run.`,
    "",
    renderTable(
      ["call", "client", "MiB allocated", "÷ openapi-fetch", "peak RSS MiB", "÷ openapi-fetch"],
      memoryRows,
    ),
  ].join("\n");
  return { title: "Per-request throughput, latency and client overhead", body };
}

/** The per-call overhead target: loginkit's own work at most twice openapi-fetch's own. */
function describeOverheadTarget(loginkitOverNs: number, openapiFetchOverNs: number): string {
  if (openapiFetchOverNs <= 0) {
    return "- Overhead target (≤ 2× openapi-fetch's own work per call): not measurable in this run, which measured bare openapi-fetch no slower than raw fetch.";
  }
  const ratio = loginkitOverNs / openapiFetchOverNs;
  const what = `loginkit's own work per call (${formatNumber(loginkitOverNs)} ns over raw fetch) is ${formatRatio(ratio)} openapi-fetch's (${formatNumber(openapiFetchOverNs)} ns; target ≤ 2×)`;
  if (ratio <= 2) return `- **Met:** ${what}.`;
  return `- **Missed by ${(ratio - 2).toFixed(2)}×:** ${what}. Left on that path: the plan (URL parse, a copy of the headers), an AbortController and a timer per exchange (the caller's signal and the silence timeout), the watched body reader, the operation match and the session check; the profile gives their shares. An injected fetch that answers at once magnifies them: over a connection they are a smaller part of a call (the throughput tables).`;
}
