import { type RedisServer, startFleet, startRedisServer } from "@loginkit/bench/fleet";
import { type Simulator, startSimulator } from "@loginkit/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";

// Issue #11, faults: Redis stops in the middle of a run; every process keeps working from memory
// (store-failed events), and once Redis is back the fleet shares one renewal again. Needs core
// to take the lease and degrade to memory; see vitest.fleet.config.ts.

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

test("with Redis down every call still succeeds from memory, and the fleet shares again once Redis is back", async () => {
  const fleet = await startFleet({
    provider: "org-platform",
    store: "redis",
    processes: 3,
    simulator,
    redisUrl: redis.url,
  });
  try {
    await redis.stop();
    const down = await fleet.storm({ calls: 50 });
    expect(down.failed).toBe(0);
    expect(down.ok).toBe(150);
    const storeFailures = down.outcomes.reduce(
      (sum, outcome) => sum + outcome!.events.storeFailed,
      0,
    );
    expect(storeFailures).toBeGreaterThan(0);

    await redis.start();
    // Storms after the restart put a session back into the (empty) Redis, until every process has
    // reconnected (a storm with no store failure: on a loaded machine a client's reconnection
    // backoff can outlast the first one)...
    for (let round = 0; ; round++) {
      const refill = await fleet.storm({ calls: 20 });
      expect(refill.failed).toBe(0);
      const failures = refill.outcomes.reduce(
        (sum, outcome) => sum + outcome!.events.storeFailed,
        0,
      );
      if (failures === 0) break;
      if (round === 20)
        throw new Error(`the processes still fail to reach Redis after ${round} storms`);
    }
    // ...and from then on the fleet renews once per expiry again.
    const shared = await fleet.storm({ calls: 50 });
    expect(shared.failed).toBe(0);
    expect(shared.signIns + shared.refreshes).toBe(1);
    expect(shared.refusedRefreshes).toBe(0);
  } finally {
    await fleet.close();
  }
});
