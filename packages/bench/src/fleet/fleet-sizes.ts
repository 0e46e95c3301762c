/** The fleet storm's sizes: issue #11 asks for K = 1, 4, 16 processes × 1,000 calls each. */
export const fleetSizes = {
  processes: [1, 4, 16],
  calls: 1_000,
  /** org-platform: the provider whose refresh tokens rotate, so refused refreshes show. */
  provider: "org-platform",
  stores: ["memory", "redis"],
  /** Requests on the wire per process, as a pooled HTTP agent would allow. */
  maxSockets: 16,
  /** Per attempt: the simulator answers 32,000 requests of a K = 16 storm on two shared cores, so
   * a call may wait minutes in the pool; core's default 30 s would turn waiting into retries. */
  clientTimeout: 300_000,
  /** Bound on one storm. */
  stormTimeout: 600_000,
} as const;
