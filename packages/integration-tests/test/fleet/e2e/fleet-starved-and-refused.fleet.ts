import { type Fleet, type RedisServer, startFleet, startRedisServer } from "@loginkit/bench/fleet";
import { type Simulator, startSimulator } from "@loginkit/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";

// Issue #19, "Done when": 16 processes sharing redis-server, every client option at its default:
// a CPU-starved event loop in every process, then a wrong password.

const processes = 16;

let redis: RedisServer;
let simulator: Simulator;
let fleet: Fleet;
beforeAll(async () => {
  redis = await startRedisServer();
  simulator = await startSimulator("org-platform");
  fleet = await startFleet({
    provider: "org-platform",
    store: "redis",
    processes,
    simulator,
    redisUrl: redis.url,
    // Every process stalls its event loop 2 s at a time, each second: below the default 5 s lease.
    eventLoopLag: { everyMs: 1_000, blockMs: 2_000 },
  });
}, 240_000);
afterAll(async () => {
  await fleet?.close();
  await simulator?.close();
  await redis?.stop();
});

test("16 processes with a starved event loop (2 s lag): at most 1 renewal per expiry, 0 refused refreshes, 0 failed calls", async () => {
  const result = await fleet.storm({ calls: 10 });
  const failures = result.outcomes.map((outcome) => outcome?.failures);
  expect({ failed: result.failed, failures }).toEqual({
    failed: 0,
    failures: Array(processes).fill({}),
  });
  const events = result.outcomes.map((outcome) => outcome?.events);
  expect({
    renewals: result.signIns + result.refreshes,
    refused: result.refusedRefreshes,
    leaseAbandoned: result.leaseAbandoned,
    // Shown when the case fails: which process renewed, waited or saw the store fail.
    events,
  }).toEqual({ renewals: 1, refused: 0, leaseAbandoned: 0, events });
});

test("16 processes with a wrong password: 1 sign-in attempt per cool-down at the provider, and every call gets the AuthenticationError", async () => {
  const account = simulator.accounts[0]!.credentials;
  await fleet.reconfigure({
    credentials: { ...account, password: "wrong-password-123" },
    eventLoopLag: undefined,
  });
  // Signed out first, so no stored session stands in for the password.
  await fleet.workers[0]!.ask({ type: "sign-out" }, "signed-out", 60_000);
  const before = simulator.stats.failedSignIns;
  const result = await fleet.storm({ calls: 10 });
  expect(result.ok).toBe(0);
  expect(result.failed).toBe(processes * 10);
  for (const outcome of result.outcomes) {
    expect(Object.keys(outcome!.failures)).toEqual(["AuthenticationError (bad-credentials)"]);
  }
  expect(simulator.stats.failedSignIns - before).toBe(1);
  // Another round within the cool-down reaches the provider not at all.
  await fleet.storm({ calls: 5, expire: false });
  expect(simulator.stats.failedSignIns - before).toBe(1);
});
