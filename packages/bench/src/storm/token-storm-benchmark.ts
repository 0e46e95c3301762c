import { stormContenders } from "../clients/contenders.js";
import { formatNumber, formatRatio } from "../measure/format.js";
import { runInterleaved } from "../measure/interleave.js";
import { measurePeakMemory } from "../measure/peak-memory.js";
import { median } from "../measure/statistics.js";
import { renderTable } from "../report/markdown-table.js";
import type { Section } from "../report/section.js";
import { type LoginApi, startLoginApi } from "../server/start-login-api.js";
import { describeFailure } from "./describe-failure.js";
import { stormSizes as sizes } from "./storm-sizes.js";

interface StormRound {
  signIns: number;
  milliseconds: number;
  heapGrowthBytes: number;
  peakRssBytes: number;
  failures: number;
  /** The first failed call's error, so a failure count can be diagnosed from the report. */
  firstFailure?: string;
}

/** One storm: a signed-in client, the server expires every token, N calls at once. */
async function runStorm(api: LoginApi, name: string, count: number): Promise<StormRound> {
  const contender = stormContenders.find((candidate) => candidate.name === name)!;
  // Close earlier storms' idle sockets first and let their FINs land: closed after the warm-up,
  // a pooled socket the server has just dropped fails the storm's first calls with a network
  // error, and ky's README hook then skips the refresh (it refreshes at retryCount 0 only).
  await api.command({ type: "reset" });
  await new Promise((resolve) => setTimeout(resolve, sizes.settleMs));
  const client = await contender.create({ baseUrl: api.baseUrl });
  await client.listOrders();
  const before = await api.command({ type: "expire" });
  const begin = performance.now();
  const { result, heapGrowthBytes, peakRssBytes } = await measurePeakMemory(() =>
    Promise.allSettled(Array.from({ length: count }, () => client.listOrders())),
  );
  const milliseconds = performance.now() - begin;
  const after = await api.command({ type: "state" });
  const rejected = result.filter((outcome) => outcome.status === "rejected");
  return {
    signIns: after.signIns - before.signIns,
    milliseconds,
    heapGrowthBytes,
    peakRssBytes,
    failures: rejected.length,
    firstFailure: rejected[0] ? describeFailure(rejected[0].reason) : undefined,
  };
}

export async function runTokenStormBenchmark(environment: string): Promise<Section> {
  const api = await startLoginApi();
  const rows: string[][] = [];
  const exactlyOne = new Map<string, boolean>();
  const timeAt = new Map<string, Map<number, number>>();
  try {
    await api.command({ type: "configure", signInDelayMs: sizes.signInDelayMs });
    const everyName = stormContenders.map((contender) => contender.name);
    for (const count of sizes.counts) {
      const names =
        count <= sizes.largestForEveryClient
          ? everyName
          : everyName.filter((name) => name === "loginkit");
      const rounds = await runInterleaved(names, sizes.rounds, (name) =>
        runStorm(api, name, count),
      );
      for (const [name, results] of rounds) {
        const signIns = results.map((result) => result.signIns);
        const milliseconds = median(results.map((result) => result.milliseconds));
        exactlyOne.set(
          name,
          (exactlyOne.get(name) ?? true) && signIns.every((value) => value === 1),
        );
        if (!timeAt.has(name)) timeAt.set(name, new Map());
        timeAt.get(name)!.set(count, milliseconds);
        rows.push([
          formatNumber(count),
          name,
          signIns.join(", "),
          signIns.every((value) => value === 1) ? "yes" : "**no**",
          formatNumber(milliseconds, 1),
          formatNumber(median(results.map((result) => result.heapGrowthBytes)) / 2 ** 20, 1),
          formatNumber(median(results.map((result) => result.peakRssBytes)) / 2 ** 20, 0),
          results.map((result) => result.failures).join(", "),
          results.find((result) => result.firstFailure)?.firstFailure ?? "",
        ]);
      }
    }
  } finally {
    await api.stop();
  }

  const smallest = sizes.counts[0];
  const growth = [...timeAt].map(([name, times]) => {
    const largest = Math.max(...times.keys());
    const ratio = times.get(largest)! / times.get(smallest)!;
    return [
      name,
      `${formatNumber(smallest)} → ${formatNumber(largest)}`,
      formatRatio(ratio),
      formatRatio(largest / smallest),
      ratio <= largest / smallest ? "yes" : "**no**",
    ];
  });
  const loginkitExact = exactlyOne.get("loginkit");

  const body = [
    environment,
    "",
    `Each storm: a client signs in and makes one call; the server (child process, 127.0.0.1) then rejects every token issued so far with 401; N calls start at once. The server holds each sign-in ${sizes.signInDelayMs} ms so 401s arriving meanwhile overlap it. Sign-ins are counted by the server. Contenders interleaved per N, ${sizes.rounds} rounds, medians; sign-ins and failures listed per round. Memory is sampled every 5 ms in the client process (all clients share it, so RSS carries earlier storms; heap growth is the peak above the heap at the storm's start).`,
    "",
    renderTable(
      [
        "N",
        "client",
        "sign-ins seen by the server (per round)",
        "exactly 1",
        "time to complete (ms)",
        "peak heap growth (MiB)",
        "peak RSS (MiB)",
        "failed calls (per round)",
        "first failure",
      ],
      rows,
    ),
    "",
    "Time growth from the smallest to each client's largest N, against linear:",
    "",
    renderTable(["client", "N", "time ratio", "N ratio", "no faster than linear"], growth),
    "",
    loginkitExact
      ? "- **Met:** loginkit made exactly 1 sign-in per expiry at every N and every round."
      : "- **Missed:** loginkit made more than 1 sign-in per expiry in some round (see the table); the renewal path is `SessionManager.renewRejected` in `packages/core/src/session/session-manager.ts`.",
    `- N = ${formatNumber(sizes.counts[sizes.counts.length - 1]!)} is run for loginkit only; every other client stops at N = ${formatNumber(sizes.largestForEveryClient)} (see \`storm-sizes.ts\`: ky's hook would make 10,000 sign-ins a round, about a minute each, and \`pnpm bench\` has to fit in ~10 minutes on 2 cores).`,
    "- Failed calls count against a client: a storm that ends fast because most calls failed is not a fast storm. The first failure column quotes the first rejected call's error.",
    "- **ky + refresh hook** is the afterResponse hook from ky's README (ky 2: refresh, then `ky.retry({request})` with the new token; earlier ky READMEs returned `ky(request, options)`, which re-runs every hook and needs its own loop guard). It has no single flight, so it signs in once per 401, and the forced retry waits ky's default backoff (300 ms) before replaying. A network error before the 401 would also defeat it: its `retryCount === 0` guard then skips the refresh.",
    "- **axios + axios-retry + axios-auth-refresh** is the README wiring at its defaults (`deduplicateRefresh: true`, v5's name for `pauseInstanceWhileRefreshing`): the library's real behaviour is that 401s arriving while the refresh runs are *rejected* (only requests started during the refresh wait for it), so all but the first call of a storm fail with the 401 (Flyrell/axios-auth-refresh#307, #90). That is the library, not the wiring.",
    "- **… (deduplicateRefresh: false)** is the same wiring with the one option that makes concurrent 401s wait: they share the in-flight refresh call (despite the option's name, #307) and are replayed, so every call succeeds; a 401 that lands just after a refresh finished starts another, hence sometimes 2 sign-ins.",
  ].join("\n");
  return { title: "Token storm", body };
}
