import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";

import type { OrgPlatformCredentials } from "@loginkit/org-platform";
import { type Simulator, startSimulator } from "@loginkit/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
import { SPAN_NAMES } from "../src/index.js";
import type { WorkerReport, WorkerSetup } from "./fleet/instrumented-worker.js";
import { type RedisServer, startRedisServer } from "./support/redis-server.js";
import { findLeaks } from "./support/secrets-seen.js";

const workerPath = fileURLToPath(new URL("./fleet/instrumented-worker.ts", import.meta.url));
const processes = 3;
const callsEach = 5;
/** The sign-in holds the lease this long, so the other processes surely wait for it. */
const signInDelay = 600;

let redis: RedisServer;
let sim: Simulator<OrgPlatformCredentials>;
const children: ChildProcess[] = [];
beforeAll(async () => {
  redis = await startRedisServer();
  sim = await startSimulator<OrgPlatformCredentials>("org-platform");
});
afterAll(async () => {
  for (const child of children) child.kill("SIGKILL");
  sim?.assertNoViolations();
  await sim?.close();
  await redis?.stop();
});

test("3 processes on one Redis store: one sign-in span in the fleet, a lease-wait span and histogram in each waiter", async () => {
  const setup: WorkerSetup = {
    baseUrl: sim.url,
    redisUrl: redis.url,
    storeKey: `otel-fleet:${crypto.randomUUID()}`,
    credentials: sim.accounts[0]!.credentials,
    calls: callsEach,
  };
  const workers = Array.from({ length: processes }, () => startWorker(setup));
  await Promise.all(workers.map((worker) => worker.ready));
  sim.inject({ delayMs: signInDelay }, { operationId: sim.operationIds.signIn });
  for (const worker of workers) worker.child.send({ type: "go" });
  const reports = await Promise.all(workers.map((worker) => worker.report));

  expect(sim.stats.signIns).toBe(1);
  for (const report of reports) expect(report.statuses).toEqual(Array(callsEach).fill(200));

  const signedIn = reports.filter((report) =>
    report.spans.some(
      (span) =>
        span.name === SPAN_NAMES.signIn && span.attributes["loginkit.renewal.via"] === "sign-in",
    ),
  );
  expect(signedIn).toHaveLength(1);
  const waiters = reports.filter((report) => report !== signedIn[0]);
  expect(waiters).toHaveLength(processes - 1);
  for (const waiter of waiters) {
    // Its one sign-in adopted the holder's session after waiting for it under the lease.
    const [signIn, ...more] = waiter.spans.filter((span) => span.name === SPAN_NAMES.signIn);
    expect(more).toEqual([]);
    expect(signIn?.attributes["loginkit.renewal.outcome"]).toBe("adopted");
    const calls = waiter.spans.filter((span) => span.name === SPAN_NAMES.request);
    expect(calls.map((call) => call.spanId)).toContain(signIn!.parentId);
    const [wait] = waiter.spans.filter((span) => span.name === SPAN_NAMES.leaseWait);
    expect(wait?.parentId).toBe(signIn!.spanId);
    expect(wait?.attributes["loginkit.lease.outcome"]).toBe("adopted");
    // The wait lies inside the sign-in span and lasted about as long as the holder's sign-in.
    expect(wait!.start).toBeGreaterThanOrEqual(signIn!.start - 1);
    expect(wait!.end).toBeLessThanOrEqual(signIn!.end + 1);
    expect(wait!.end - wait!.start).toBeGreaterThan(signInDelay / 2);
    // No POST of its own: the waiter sent only its GETs.
    expect(calls.every((call) => call.attributes["http.request.method"] === "GET")).toBe(true);

    const histogram = waiter.metrics["loginkit.lease.wait.duration"] ?? [];
    expect(histogram).toHaveLength(1);
    const point = histogram[0]!;
    expect(point.attributes).toMatchObject({
      "loginkit.provider": "org-platform",
      "loginkit.lease.outcome": "adopted",
    });
    expect((point.value as { count: number; sum: number }).count).toBe(1);
    expect((point.value as { count: number; sum: number }).sum).toBeGreaterThan(signInDelay / 2000);
    const renewals = waiter.metrics["loginkit.renewals"] ?? [];
    expect(
      renewals.map((entry) => [entry.attributes["loginkit.renewal.outcome"], entry.value]),
    ).toEqual([["adopted", 1]]);
  }
  // The holder waited for no one.
  expect(signedIn[0]!.metrics["loginkit.lease.wait.duration"] ?? []).toEqual([]);
  for (const report of reports) {
    expect(report.secrets.length).toBeGreaterThan(1);
    expect(findLeaks(report.exported, report.secrets)).toEqual([]);
  }
});

function startWorker(setup: WorkerSetup) {
  const child = fork(workerPath, [], {
    execArgv: ["--import", "tsx"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  children.push(child);
  const answer = (type: string) =>
    new Promise<unknown>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no ${type} from a worker in 60 s`)), 60_000);
      child.on("message", (message: { type: string; report?: unknown; error?: string }) => {
        if (message.type === "failed") reject(new Error(message.error));
        if (message.type !== type) return;
        clearTimeout(timer);
        resolve(message.report);
      });
      child.once("exit", (code) => reject(new Error(`a worker exited (${code}) before ${type}`)));
    });
  const ready = answer("ready");
  const report = answer("report") as Promise<WorkerReport>;
  report.catch(() => {});
  ready.catch(() => {});
  child.send({ type: "setup", setup });
  return { child, ready, report };
}
