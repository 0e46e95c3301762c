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
  /** The Redis store's `leaseTtl` (the longest a dead holder blocks the others). */
  readonly leaseTtl?: number;
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
  | { type: "exit" };

/** What a worker's client told `onEvent`, counted by kind. */
export interface EventCounts {
  signedIn: number;
  renewedByRefresh: number;
  renewedBySignIn: number;
  authFailed: number;
  storeFailed: number;
}

export interface StormOutcome {
  readonly ok: number;
  readonly failed: number;
  /** The first failure's error name or HTTP status, never a token. */
  readonly firstFailure?: string;
  readonly milliseconds: number;
  readonly events: EventCounts;
}

export type WorkerMessage =
  | { type: "configured" }
  | { type: "warmed"; ok: boolean; failure?: string }
  | { type: "stormed"; outcome: StormOutcome }
  /** The worker's store gave its client the renewal lease (seen through a wrapping store). */
  | { type: "lease-taken"; index: number }
  | { type: "failed"; error: string };
