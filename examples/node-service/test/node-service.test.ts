import { randomBytes } from "node:crypto";
import type { OrgPlatformCredentials } from "@loginkit/org-platform";
import { type Simulator, startSimulator } from "@loginkit/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
import { driveRequests } from "./support/drive-requests.js";
import { findFreePort, type RedisServer, startRedisServer } from "./support/start-redis-server.js";
import { type RunningService, startService } from "./support/start-service.js";

const workers = 4;
const requests = 2_000;
// Short-lived tokens so that 10 s of traffic crosses several expiries: loginkit renews a token
// when half its life is left (at most 30 s before expiry), so every ~2 s here.
const tokenLifetimeSeconds = 4;
const spreadMs = 10_000;

let redis: RedisServer;
let simulator: Simulator<OrgPlatformCredentials>;
let service: RunningService;
const refreshesAnswered: number[] = [];
let afterRefresh: (() => void) | undefined;

beforeAll(async () => {
  [redis, simulator] = await Promise.all([
    startRedisServer(),
    startSimulator<OrgPlatformCredentials>("org-platform", {
      tokenLifetimeSeconds,
      onRequest(entry) {
        if (entry.operationId !== "refreshToken") return;
        refreshesAnswered.push(entry.receivedAt.getTime());
        afterRefresh?.();
      },
    }),
  ]);
  const { username, password } = simulator.accounts[0]!.credentials as {
    username: string;
    password: string;
  };
  service = await startService(
    {
      REDIS_URL: redis.url,
      LOGINKIT_STORE_KEY: randomBytes(32).toString("base64"),
      ORG_PLATFORM_URL: simulator.url,
      ORG_PLATFORM_USERNAME: username,
      ORG_PLATFORM_PASSWORD: password,
      WORKERS: String(workers),
    },
    await findFreePort(),
  );
  await service.waitForWorkers(workers, 40_000);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  simulator?.assertNoViolations();
  await simulator?.close();
  await redis?.stop();
});

test("4 workers serve 2,000 requests across several expiries, one worker killed mid-run: none fails, one renewal per expiry", async () => {
  // Mid-run, just after a renewal (so not the worker renewing, which the fleet suite covers):
  // SIGKILL a worker, as a crash or the OOM killer would.
  let killedPid: number | undefined;
  afterRefresh = () => {
    if (killedPid !== undefined || refreshesAnswered.length < 2) return;
    killedPid = service.workerPids[0]!;
    setTimeout(() => process.kill(killedPid!, "SIGKILL"), 100);
  };

  const result = await driveRequests({
    url: `${service.url}/platform/__loginkit/protected`,
    total: requests,
    lanes: 16,
    spreadMs,
  });
  const context = `${JSON.stringify({ ...result, tokenIds: result.tokenIds.size, servedBy: [...result.servedBy] })}\n${service.output()}`;

  expect(result.failures, context).toEqual([]);
  expect(result.ok).toBe(requests);
  expect(killedPid, "a worker was killed mid-run").toBeDefined();
  // The primary replaced the dead worker, and every worker (the replacement too) served.
  await service.waitForWorkers(workers + 1, 30_000);
  expect(result.servedBy.size, context).toBeGreaterThanOrEqual(workers);

  // One sign-in for the whole fleet, then one refresh per expiry: a second refresh of the same
  // token would be refused (org-platform rotates refresh tokens) and end in another sign-in.
  const refreshes = simulator.requests.filter((entry) => entry.operationId === "refreshToken");
  expect(simulator.stats.signIns, context).toBe(1);
  expect(
    refreshes.every((entry) => entry.status === 200),
    context,
  ).toBe(true);
  expect(refreshes.length, context).toBeGreaterThanOrEqual(3);
  // Renewals of one expiry by several workers would come within milliseconds of each other;
  // one per expiry means they are about half a token lifetime apart.
  const gaps = refreshesAnswered.slice(1).map((at, index) => at - refreshesAnswered[index]!);
  expect(Math.min(...gaps), context).toBeGreaterThan(500);
  // Every renewed token reached the workers' callers.
  expect(result.tokenIds.size).toBe(refreshes.length + 1);
});
