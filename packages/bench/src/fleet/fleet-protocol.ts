// What the fleet driver and its worker processes say to each other over the IPC channel.

/** Which providers a worker can build a client for (their generated packages). */
export type FleetProvider = "org-platform" | "vero-oms";

/** Where a worker's client keeps its session. */
export type FleetStore = "memory" | "redis";

export interface WorkerConfig {
  readonly index: number;
  readonly provider: FleetProvider;
  readonly store: FleetStore;
  readonly simulatorUrl: string;
  readonly credentials: Readonly<Record<string, unknown>>;
  /** For `redis`: the server and a key prefix unique to the run. */
  readonly redisUrl?: string;
  readonly redisPrefix?: string;
  /** The client's `leaseTtl` (what a dead holder costs the others). @default core's */
  readonly leaseTtl?: number;
  /**
   * Starves the worker's event loop: every `everyMs` it blocks for `blockMs` (a busy loop), as a
   * CPU-starved node under a noisy neighbour would. Starts with the next storm.
   */
  readonly eventLoopLag?: { readonly everyMs: number; readonly blockMs: number };
  /** Requests on the wire at once per process (a pooled agent). @default 64 */
  readonly maxSockets?: number;
  /** The client's per-attempt `timeout` in ms. @default core's */
  readonly timeout?: number;
}

export type DriverMessage =
  | { type: "configure"; config: WorkerConfig }
  /** One call, so the client has a session (its own, or the one in the shared store). */
  | { type: "warm" }
  /** `calls` concurrent calls to the simulator's protected endpoint. */
  | { type: "storm"; calls: number }
  /** `client.signOut()`; answered `signed-out` once it resolved. */
  | { type: "sign-out" }
  | { type: "exit" };

/** What a worker's client told `onEvent`, counted by kind. */
export interface EventCounts {
  signedIn: number;
  renewedByRefresh: number;
  renewedBySignIn: number;
  authFailed: number;
  storeFailed: number;
  sessionAdopted: number;
  leaseAbandoned: number;
  refreshSpent: number;
}

export interface StormOutcome {
  readonly ok: number;
  readonly failed: number;
  /** The first failure's error name or HTTP status, never a token. */
  readonly firstFailure?: string;
  /** Each failure kind (error name or HTTP status) and how many calls it failed. */
  readonly failures: Readonly<Record<string, number>>;
  readonly milliseconds: number;
  readonly events: EventCounts;
}

export type WorkerMessage =
  | { type: "configured" }
  | { type: "warmed"; ok: boolean; failure?: string }
  | { type: "stormed"; outcome: StormOutcome }
  | { type: "signed-out" }
  /** The worker's store gave its client the renewal lease (seen through a wrapping store). */
  | { type: "lease-taken"; index: number }
  | { type: "failed"; error: string };
