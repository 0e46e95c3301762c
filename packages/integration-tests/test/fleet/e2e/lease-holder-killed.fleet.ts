import { type RedisServer, startFleet, startRedisServer } from "@loginkit/bench/fleet";
import { type Simulator, startSimulator } from "@loginkit/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";

// Issue #11, faults: the process renewing for the fleet is SIGKILLed mid-renewal; another takes
// over once the lease expires, and no call of a surviving process fails. Needs core to take the
// lease; see vitest.fleet.config.ts.

const leaseTtl = 3_000;
const refreshDelay = 2_000;

let redis: RedisServer;
let simulator: Simulator;
beforeAll(async () => {
  redis = await startRedisServer();
  simulator = await startSimulator("org-platform");
});
afterAll(async () => {
  await simulator?.close();
  await redis?.stop();
});

test("the lease holder killed during its refresh: another process renews within the lease TTL and no call fails", async () => {
  const fleet = await startFleet({
    provider: "org-platform",
    store: "redis",
    processes: 3,
    simulator,
    redisUrl: redis.url,
    leaseTtl,
  });
  try {
    // The first refresh hangs long enough for its process to be killed while it waits.
    simulator.inject({ delayMs: refreshDelay }, { operationId: simulator.operationIds.refresh! });
    let killed: number | undefined;
    const result = await fleet.storm({
      calls: 50,
      during(workers) {
        for (const worker of workers) {
          worker.onLeaseTaken(() => {
            if (killed !== undefined) return;
            killed = worker.index;
            void worker.kill("SIGKILL");
          });
        }
      },
    });
    expect(killed).toBeDefined();
    expect(result.outcomes[killed!]).toBeUndefined();
    const survivors = result.outcomes.filter((outcome) => outcome !== undefined);
    expect(survivors).toHaveLength(2);
    for (const outcome of survivors) {
      expect(outcome.failed).toBe(0);
      expect(outcome.ok).toBe(50);
    }
    // The dead holder's refresh still reached the simulator and spent its refresh token, so the
    // next holder may find its own refresh refused and sign in: at most one of each more.
    expect(result.signIns + result.refreshes).toBeLessThanOrEqual(2);
    expect(result.refusedRefreshes).toBeLessThanOrEqual(1);
    // Taken over within the lease TTL (plus the injected delay and start-up slack), not stuck.
    expect(result.milliseconds).toBeLessThan(leaseTtl + refreshDelay + 20_000);
  } finally {
    await fleet.close();
  }
});
