import { type Simulator, startSimulator } from "@loginkit/testkit";
import { formatNumber } from "../measure/format.js";
import { renderTable } from "../report/markdown-table.js";
import { type Fleet, type FleetStormResult, startFleet } from "./run-fleet-storm.js";

/** The default lease's length (core's DEFAULT_LEASE_MS), what the slow provider is measured against. */
const defaultLease = 5_000;

interface FaultRow {
  readonly scenario: string;
  readonly processes: number;
  readonly calls: number;
  readonly result: FleetStormResult;
  /** From the fault (the kill) to the last answer; else from the expiry. */
  readonly recoverMs: number;
}

async function withFleet<T>(
  options: { processes: number; redisUrl: string; simulator: Simulator } & Record<string, unknown>,
  run: (fleet: Fleet) => Promise<T>,
): Promise<T> {
  const fleet = await startFleet({ provider: "org-platform", store: "redis", ...options });
  try {
    return await run(fleet);
  } finally {
    await fleet.close();
  }
}

/**
 * Issue #19's faults, each with every client option at its default, 127.0.0.1 throughout: the
 * lease holder SIGKILLed while its refresh is at a provider that detects refresh-token reuse; a
 * provider three times slower than the lease; every event loop stalled 2 s at a time; a wrong
 * password. Renewals, refusals and failed calls are counted as in the storm table above.
 */
export async function runFleetFaultsBenchmark(redisUrl: string): Promise<string> {
  const rows: FaultRow[] = [];
  const reuse = await startSimulator("org-platform", { refreshTokenReuse: "revoke-family" });
  try {
    await withFleet({ processes: 8, redisUrl, simulator: reuse }, async (fleet) => {
      const refresh = reuse.operationIds.refresh!;
      reuse.inject({ answerDelayMs: 2_000 }, { operationId: refresh });
      let holder = false;
      let killedAt: number | undefined;
      const refreshed = reuse.stats.refreshes;
      const killed = await fleet.storm({
        calls: 100,
        during(workers) {
          for (const worker of workers) {
            worker.onLeaseTaken(() => {
              if (holder) return;
              holder = true;
              // Killed once its refresh is at the provider (counted there, not yet answered).
              const watch = setInterval(() => {
                if (reuse.stats.refreshes === refreshed) return;
                clearInterval(watch);
                killedAt = performance.now();
                void worker.kill("SIGKILL");
              }, 10);
            });
          }
        },
      });
      rows.push({
        scenario: "lease holder SIGKILLed mid-refresh (reuse detection on)",
        processes: 8,
        calls: 100,
        result: killed,
        recoverMs: killed.finishedAt - (killedAt ?? killed.finishedAt),
      });
      reuse.inject({ delayMs: 3 * defaultLease }, { operationId: refresh });
      const slow = await fleet.storm({ calls: 20 });
      rows.push({
        scenario: `provider 3× slower than the lease (${(3 * defaultLease) / 1000} s refresh)`,
        processes: 7,
        calls: 20,
        result: slow,
        recoverMs: slow.milliseconds,
      });
    });
  } finally {
    await reuse.close();
  }

  const plain = await startSimulator("org-platform");
  try {
    const lag = { everyMs: 1_000, blockMs: 2_000 };
    await withFleet(
      { processes: 16, redisUrl, simulator: plain, eventLoopLag: lag },
      async (fleet) => {
        const starved = await fleet.storm({ calls: 10 });
        rows.push({
          scenario: "every event loop stalled 2 s each second",
          processes: 16,
          calls: 10,
          result: starved,
          recoverMs: starved.milliseconds,
        });
        const account = plain.accounts[0]!.credentials;
        await fleet.reconfigure({
          credentials: { ...account, password: "wrong-password-123" },
          eventLoopLag: undefined,
        });
        await fleet.workers[0]!.ask({ type: "sign-out" }, "signed-out", 60_000);
        const before = plain.stats.failedSignIns;
        const refused = await fleet.storm({ calls: 10 });
        rows.push({
          scenario: `wrong password (${formatNumber(plain.stats.failedSignIns - before)} sign-in attempt at the provider)`,
          processes: 16,
          calls: 10,
          result: refused,
          recoverMs: refused.milliseconds,
        });
      },
    );
  } finally {
    await plain.close();
  }

  return renderTable(
    [
      "fault",
      "K processes",
      "calls",
      "renewals",
      "refused refreshes",
      "revoked families",
      "lease-abandoned",
      "failed calls",
      "first failure",
      "time to recover (ms)",
    ],
    rows.map(({ scenario, processes, calls, result, recoverMs }) => [
      scenario,
      formatNumber(processes),
      formatNumber(processes * calls),
      formatNumber(result.signIns + result.refreshes),
      formatNumber(result.refusedRefreshes),
      formatNumber(result.revokedTokenFamilies),
      formatNumber(result.leaseAbandoned),
      formatNumber(result.failed),
      result.firstFailure ?? "",
      formatNumber(recoverMs, 0),
    ]),
  );
}
