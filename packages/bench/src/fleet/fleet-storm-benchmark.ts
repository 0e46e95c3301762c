import { startSimulator } from "@loginkit/testkit";
import { formatNumber } from "../measure/format.js";
import { renderTable } from "../report/markdown-table.js";
import type { Section } from "../report/section.js";
import { runFleetFaultsBenchmark } from "./fleet-faults-benchmark.js";
import { fleetSizes as sizes } from "./fleet-sizes.js";
import { type FleetStormResult, runFleetStorm } from "./run-fleet-storm.js";
import { startRedisServer } from "./start-redis-server.js";

/**
 * The fleet storm: K processes of one service, each with N calls in flight when the provider
 * expires every token. A plain store renews once per process (K per expiry); a coordinated store
 * (Redis, once core takes its lease) once for the whole fleet.
 */
export async function runFleetStormBenchmark(environment: string): Promise<Section> {
  const redis = await startRedisServer();
  const rows: string[][] = [];
  const results: { store: string; result: FleetStormResult }[] = [];
  let faults = "";
  try {
    for (const store of sizes.stores) {
      for (const processes of sizes.processes) {
        // A fresh simulator per storm: its counters and request log hold this storm only.
        const simulator = await startSimulator(sizes.provider);
        try {
          const result = await runFleetStorm({
            provider: sizes.provider,
            store,
            processes,
            calls: sizes.calls,
            simulator,
            redisUrl: redis.url,
            maxSockets: sizes.maxSockets,
            clientTimeout: sizes.clientTimeout,
            timeout: sizes.stormTimeout,
          });
          results.push({ store, result });
          rows.push([
            store,
            formatNumber(processes),
            formatNumber(processes * sizes.calls),
            formatNumber(result.signIns),
            formatNumber(result.refreshes),
            formatNumber(result.signIns + result.refreshes),
            formatNumber(result.refusedRefreshes),
            formatNumber(result.failed),
            result.firstFailure ?? "",
            formatNumber(result.milliseconds, 0),
          ]);
        } finally {
          await simulator.close();
        }
      }
    }
    faults = await runFleetFaultsBenchmark(redis.url);
  } finally {
    await redis.stop();
  }

  const redisAtMost = results.filter(({ store }) => store === "redis");
  const exactlyOne = redisAtMost.every(
    ({ result }) =>
      result.signIns + result.refreshes === 1 &&
      result.refusedRefreshes === 0 &&
      result.failed === 0,
  );
  const body = [
    environment,
    "",
    `Each storm: a simulator of ${sizes.provider} (testkit, 127.0.0.1; refresh tokens rotate), K worker processes (\`packages/bench/src/fleet/fleet-worker.ts\`), each with one client and the store named; every process signs in (with Redis, the first one signs in and the others find its session), then the simulator expires every access token and each process fires N = ${formatNumber(sizes.calls)} calls at once. Sign-ins, refreshes and refused refreshes are counted at the simulator; failed calls in the workers. Time is from the expiry to the last worker's last answer (worker start-up excluded). Each process keeps at most ${sizes.maxSockets} requests on the wire (a pooled agent; 16,000 sockets at once would overflow the simulator's listen backlog) with a ${formatNumber(sizes.clientTimeout / 1000)} s per-attempt timeout, so the time mostly measures how fast one simulator process answers the storm on two cores. One round per row.`,
    "",
    renderTable(
      [
        "store",
        "K processes",
        "calls",
        "sign-ins",
        "refreshes",
        "renewals",
        "refused refreshes",
        "failed calls",
        "first failure",
        "time to complete (ms)",
      ],
      rows,
    ),
    "",
    exactlyOne
      ? "- **Met:** with the Redis store the fleet made exactly 1 renewal per expiry at every K, with 0 refused refreshes and 0 failed calls."
      : "- **Not yet:** with the Redis store the fleet still renews once per process. `@loginkit/redis` implements the coordination contract (compare-and-set, lease, pub/sub), but core does not take the lease yet (issue #11, core's part): each process renews from its own memory, so with rotating refresh tokens all but one refresh is refused and falls back to a sign-in.",
    "- With the memory store every process has its own session, so K processes make K renewals per expiry by design (the baseline a coordinated store is measured against).",
    "",
    "### Faults",
    "",
    "Issue #19: the faults a fleet exists to ride out, with the Redis store and every client option at its default (`packages/bench/src/fleet/fleet-faults-benchmark.ts`). The killed holder's refresh reaches a simulator that detects refresh-token reuse (a reused refresh token revokes its family, as Auth0, Hydra and Keycloak do) and answers 2 s late; the process is killed as soon as its refresh is counted at the simulator. Time to recover: from the kill to the survivors' last answer (for the other rows, from the expiry). The slow-provider row runs on the 7 survivors. The stalled loops block in `Atomics.wait`, so the lag is the one asked for. The wrong-password row expects every call to fail with an `AuthenticationError`.",
    "",
    faults,
  ].join("\n");
  return { title: "Fleet storm", body };
}
