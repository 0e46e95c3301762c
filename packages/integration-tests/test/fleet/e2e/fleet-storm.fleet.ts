import { type RedisServer, runFleetStorm, startRedisServer } from "@loginkit/bench/fleet";
import { type Simulator, startSimulator } from "@loginkit/testkit";
import { afterAll, afterEach, beforeAll, beforeEach, expect, test } from "vitest";

// Issue #11, "Done when": after an expiry a fleet sharing a coordinated store renews exactly once.
// Needs core to take the lease; see vitest.fleet.config.ts.

const processes = 4;
const calls = 100;

let redis: RedisServer;
let simulator: Simulator;
beforeAll(async () => {
  redis = await startRedisServer();
});
afterAll(async () => {
  await redis?.stop();
});
beforeEach(async () => {
  simulator = await startSimulator("org-platform");
});
afterEach(async () => {
  simulator.assertNoViolations();
  await simulator.close();
});

test(`${processes} processes sharing the Redis store renew exactly once per expiry, refuse no refresh and fail no call`, async () => {
  const result = await runFleetStorm({
    provider: "org-platform",
    store: "redis",
    processes,
    calls,
    simulator,
    redisUrl: redis.url,
  });
  expect(result.failed).toBe(0);
  expect(result.ok).toBe(processes * calls);
  expect(result.signIns + result.refreshes).toBe(1);
  expect(result.refusedRefreshes).toBe(0);
  // Every process used the one renewal: none of them renewed on its own.
  for (const outcome of result.outcomes) {
    expect(outcome!.events.renewedByRefresh + outcome!.events.renewedBySignIn).toBeLessThanOrEqual(
      1,
    );
  }
});

test(`${processes} processes with their own memory stores renew once each (the baseline)`, async () => {
  const result = await runFleetStorm({
    provider: "org-platform",
    store: "memory",
    processes,
    calls,
    simulator,
  });
  expect(result.failed).toBe(0);
  expect(result.signIns + result.refreshes).toBe(processes);
});

test("a sign-in-only provider (vero-oms) signs in once for the whole fleet", async () => {
  const vero = await startSimulator("vero-oms");
  try {
    const result = await runFleetStorm({
      provider: "vero-oms",
      store: "redis",
      processes,
      calls,
      simulator: vero,
      redisUrl: redis.url,
    });
    expect(result.failed).toBe(0);
    expect(result.signIns).toBe(1);
  } finally {
    vero.assertNoViolations();
    await vero.close();
  }
});
