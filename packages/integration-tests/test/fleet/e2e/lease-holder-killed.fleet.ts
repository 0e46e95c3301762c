import { type Fleet, type RedisServer, startFleet, startRedisServer } from "@loginkit/bench/fleet";
import { type Simulator, startSimulator } from "@loginkit/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";

// Issue #19, "Done when": 8 processes sharing redis-server through @loginkit/redis, every client
// option at its default, against an org-platform simulator that detects refresh-token reuse (a
// reused refresh token revokes its whole family, as Auth0, Hydra and Keycloak do). One fleet for
// the three cases, in order: a slow provider with the holder alive, the holder SIGKILLed while
// its refresh is at the provider, and signOut() during a renewal.

const processes = 8;
const calls = 100;
/** The default lease's length (core's DEFAULT_LEASE_MS): what a dead holder costs the fleet. */
const defaultLease = 5_000;

let redis: RedisServer;
let simulator: Simulator;
let fleet: Fleet;
beforeAll(async () => {
  redis = await startRedisServer();
  simulator = await startSimulator("org-platform", { refreshTokenReuse: "revoke-family" });
  fleet = await startFleet({
    provider: "org-platform",
    store: "redis",
    processes,
    simulator,
    redisUrl: redis.url,
  });
}, 180_000);
afterAll(async () => {
  await fleet?.close();
  await simulator?.close();
  await redis?.stop();
});

const refresh = () => simulator.operationIds.refresh!;

test("a provider three times slower than the default lease, holder alive: exactly 1 renewal across 8 processes, 0 lease-abandoned, 0 failed calls", async () => {
  simulator.inject({ delayMs: 3 * defaultLease }, { operationId: refresh() });
  const result = await fleet.storm({ calls: 20 });
  expect(result.failed).toBe(0);
  expect(result.ok).toBe(processes * 20);
  expect(result.signIns + result.refreshes).toBe(1);
  expect(result.refusedRefreshes).toBe(0);
  expect(result.leaseAbandoned).toBe(0);
});

test("the holder SIGKILLed while its refresh is at the provider (reuse detection on): 0 failed calls, all done within 10 s of the kill, at most 1 refused refresh and 1 sign-in, no revocation loop", async () => {
  // The provider acts on the refresh (rotating the token) and holds the answer 2 s: the holder
  // dies before it hears it, so the stored refresh token is spent.
  simulator.inject({ answerDelayMs: 2_000 }, { operationId: refresh() });
  let killed: number | undefined;
  let killedAt = 0;
  const refreshed = simulator.stats.refreshes;
  const result = await fleet.storm({
    calls,
    during(workers) {
      for (const worker of workers) {
        worker.onLeaseTaken(() => {
          if (killed !== undefined) return;
          killed = worker.index;
          // Killed once its refresh is at the provider (counted there, answer not yet sent).
          const watch = setInterval(() => {
            if (simulator.stats.refreshes === refreshed) return;
            clearInterval(watch);
            killedAt = performance.now();
            void worker.kill("SIGKILL");
          }, 10);
        });
      }
    },
  });
  expect(killed).toBeDefined();
  expect(result.outcomes[killed!]).toBeUndefined();
  const survivors = result.outcomes.filter((outcome) => outcome !== undefined);
  expect(survivors).toHaveLength(processes - 1);
  expect(result.failed).toBe(0);
  expect(result.ok).toBe((processes - 1) * calls);
  expect(result.finishedAt - killedAt).toBeLessThan(10_000);
  // The dead holder's refresh (accepted) and the successor's (refused: spent), then one sign-in.
  expect(result.refreshes).toBe(1);
  expect(result.refusedRefreshes).toBeLessThanOrEqual(1);
  expect(result.signIns).toBeLessThanOrEqual(1);
  expect(result.revokedTokenFamilies).toBeLessThanOrEqual(1);
  expect(result.refreshSpent).toBe(result.refusedRefreshes);
  expect(result.leaseAbandoned).toBe(1);
  // No revocation loop: the next expiry renews once, by refresh, with nothing refused or revoked.
  const next = await fleet.storm({ calls: 10 });
  expect(next.failed).toBe(0);
  expect(next.refreshes + next.signIns).toBe(1);
  expect(next.refusedRefreshes).toBe(0);
  expect(next.revokedTokenFamilies).toBe(0);
});

test("signOut() during a renewal: after it resolves, no request carries a token issued before or during it, and no process brings that session back", async () => {
  simulator.inject({ delayMs: 2_000 }, { operationId: refresh() });
  let signedOutAt: number | undefined;
  let signingOut: Promise<unknown> | undefined;
  const result = await fleet.storm({
    calls: 20,
    during(workers) {
      for (const worker of workers) {
        worker.onLeaseTaken(() => {
          if (signingOut) return;
          // The holder signs out while its refresh is at the provider.
          signingOut = new Promise((resolve) => setTimeout(resolve, 300)).then(async () => {
            await worker.ask({ type: "sign-out" }, "signed-out", 60_000);
            signedOutAt = simulator.requests.length;
          });
        });
      }
    },
  });
  await signingOut;
  expect(signedOutAt).toBeDefined();
  const before = new Set(
    simulator.requests.slice(0, signedOutAt).flatMap((entry) => entry.tokenId ?? []),
  );
  const after = simulator.requests.slice(signedOutAt).filter((entry) => entry.tokenId);
  expect(after.filter((entry) => before.has(entry.tokenId!))).toEqual([]);
  // The renewal's answer (2 s late) was discarded: it never reached the store or a request. The
  // refresh it made is the only one; the calls still waiting were answered by a fresh sign-in.
  expect(result.refreshes).toBe(1);
  expect(result.ok + result.failed).toBe((processes - 1) * 20);
});
