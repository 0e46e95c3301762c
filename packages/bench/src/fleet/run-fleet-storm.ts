import type { Simulator } from "@loginkit/testkit";
import type { FleetProvider, FleetStore, StormOutcome, WorkerConfig } from "./fleet-protocol.js";
import { type FleetWorker, startFleetWorker } from "./fleet-worker-process.js";

export interface FleetOptions {
  readonly provider: FleetProvider;
  readonly store: FleetStore;
  /** K: how many processes. */
  readonly processes: number;
  /** A running simulator of `provider`; the caller owns it (and may inject faults into it). */
  readonly simulator: Simulator;
  readonly redisUrl?: string;
  /** The clients' `leaseTtl` in every worker. @default core's */
  readonly leaseTtl?: number;
  /** Credentials for every worker. @default the simulator's first account's */
  readonly credentials?: Readonly<Record<string, unknown>>;
  /** Sign every worker in before the first storm. @default true */
  readonly warm?: boolean;
  /** Starve each worker's event loop during storms (see `WorkerConfig.eventLoopLag`). */
  readonly eventLoopLag?: { readonly everyMs: number; readonly blockMs: number };
  /** Requests on the wire at once per process. @default 64 */
  readonly maxSockets?: number;
  /** Each client's per-attempt `timeout` in ms. @default core's */
  readonly clientTimeout?: number;
}

export interface StormOptions {
  /** N: concurrent calls per process after the expiry. */
  readonly calls: number;
  /** Called as the storm starts, with the workers: a fault test kills one here. */
  readonly during?: (workers: readonly FleetWorker[]) => void;
  /** Bound on the storm itself. @default 180_000 */
  readonly timeout?: number;
  /** Expire every token at the simulator first. @default true */
  readonly expire?: boolean;
}

export interface FleetStormResult {
  readonly processes: number;
  readonly calls: number;
  /** Counted at the simulator between the expiry and the last answer. */
  readonly signIns: number;
  readonly refreshes: number;
  /** Refresh requests the simulator refused (a spent, rotated refresh token). */
  readonly refusedRefreshes: number;
  readonly ok: number;
  /** Calls that got an error or a non-2xx answer, in the workers that finished. */
  readonly failed: number;
  readonly firstFailure?: string;
  /** From the expiry to the last worker's last answer. */
  readonly milliseconds: number;
  /** `performance.now()` at the last worker's last answer. */
  readonly finishedAt: number;
  /** Token families the simulator revoked for a reused refresh token. */
  readonly revokedTokenFamilies: number;
  /** Lease-protocol events, summed over the workers that finished. */
  readonly leaseAbandoned: number;
  readonly refreshSpent: number;
  /** Each worker's outcome; `undefined` for a worker that died (killed by a fault test). */
  readonly outcomes: readonly (StormOutcome | undefined)[];
}

/** K signed-in worker processes over one simulator, ready for storms. */
export interface Fleet {
  readonly workers: readonly FleetWorker[];
  /** Expires every token at the simulator, then each live process fires N calls at once. */
  storm(options: StormOptions): Promise<FleetStormResult>;
  /** Gives every live worker a new client with `changes` to its configuration (same store). */
  reconfigure(changes: Partial<WorkerConfig>): Promise<void>;
  close(): Promise<void>;
}

/**
 * Starts K worker processes, each with a client of `provider` and the chosen store, and signs
 * them in: the first one first, so with a shared store the others find its session.
 */
export async function startFleet(options: FleetOptions): Promise<Fleet> {
  const { simulator } = options;
  const credentials = options.credentials ?? simulator.accounts[0]?.credentials;
  if (!credentials) throw new Error(`the ${simulator.provider} simulator has no account`);
  const prefix = `fleet:${crypto.randomUUID()}:`;
  const starting = Array.from({ length: options.processes }, (_, index) =>
    startFleetWorker({
      index,
      provider: options.provider,
      store: options.store,
      simulatorUrl: simulator.url,
      credentials,
      ...(options.redisUrl ? { redisUrl: options.redisUrl, redisPrefix: prefix } : {}),
      ...(options.leaseTtl ? { leaseTtl: options.leaseTtl } : {}),
      ...(options.maxSockets ? { maxSockets: options.maxSockets } : {}),
      ...(options.clientTimeout ? { timeout: options.clientTimeout } : {}),
      ...(options.eventLoopLag ? { eventLoopLag: options.eventLoopLag } : {}),
    }),
  );
  const started = await Promise.allSettled(starting);
  const workers = started.flatMap((result) =>
    result.status === "fulfilled" ? [result.value] : [],
  );
  const notStarted = started.find((result) => result.status === "rejected");
  if (notStarted) {
    await Promise.all(workers.map((worker) => worker.kill()));
    throw notStarted.reason;
  }
  const close = () => Promise.all(workers.map((worker) => worker.kill())).then(() => {});
  try {
    const [first, ...rest] = options.warm === false ? [] : workers;
    for (const group of first ? [[first], rest] : []) {
      const warmed = await Promise.all(
        group.map((worker) => worker.ask({ type: "warm" }, "warmed", 30_000)),
      );
      const failure = warmed.find((answer) => !answer.ok);
      if (failure) throw new Error(`a fleet worker could not sign in: ${failure.failure}`);
    }
  } catch (error) {
    await close();
    throw error;
  }

  const isLive = (worker: FleetWorker) =>
    worker.child.exitCode === null && worker.child.signalCode === null;
  return {
    workers,
    async reconfigure(changes) {
      await Promise.all(
        workers.filter(isLive).map((worker) => {
          worker.config = { ...worker.config, ...changes };
          return worker.ask({ type: "configure", config: worker.config }, "configured", 60_000);
        }),
      );
    },
    async storm({ calls, during, timeout = 180_000, expire = true }) {
      const live = workers.filter(
        (worker) => worker.child.exitCode === null && worker.child.signalCode === null,
      );
      const before = simulator.stats;
      const logged = simulator.requests.length;
      if (expire) simulator.expireTokens();
      const started = performance.now();
      const storms = live.map((worker) => worker.ask({ type: "storm", calls }, "stormed", timeout));
      during?.(live);
      const settled = await Promise.allSettled(storms);
      const finishedAt = performance.now();
      const milliseconds = finishedAt - started;
      const after = simulator.stats;
      const outcomes = settled.map((result) =>
        result.status === "fulfilled" ? result.value.outcome : undefined,
      );
      const finished = outcomes.filter((outcome) => outcome !== undefined);
      const refresh = simulator.operationIds.refresh;
      return {
        processes: live.length,
        calls,
        signIns: after.signIns - before.signIns,
        refreshes: after.refreshes - before.refreshes,
        refusedRefreshes: simulator.requests
          .slice(logged)
          .filter((entry) => entry.operationId === refresh && entry.status >= 400).length,
        ok: finished.reduce((sum, outcome) => sum + outcome.ok, 0),
        failed: finished.reduce((sum, outcome) => sum + outcome.failed, 0),
        firstFailure: finished.find((outcome) => outcome.firstFailure)?.firstFailure,
        milliseconds,
        finishedAt,
        revokedTokenFamilies: after.revokedTokenFamilies - before.revokedTokenFamilies,
        leaseAbandoned: finished.reduce((sum, outcome) => sum + outcome.events.leaseAbandoned, 0),
        refreshSpent: finished.reduce((sum, outcome) => sum + outcome.events.refreshSpent, 0),
        outcomes,
      };
    },
    close,
  };
}

/** One fleet, one storm: what `pnpm bench` measures. */
export async function runFleetStorm(
  options: FleetOptions & StormOptions,
): Promise<FleetStormResult> {
  const fleet = await startFleet(options);
  try {
    return await fleet.storm(options);
  } finally {
    await fleet.close();
  }
}
