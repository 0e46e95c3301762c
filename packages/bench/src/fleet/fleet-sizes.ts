/** The fleet storm's sizes: issue #11 asks for K = 1, 4, 16 processes × 1,000 calls each. */
export const fleetSizes = {
  processes: [1, 4, 16],
  calls: 1_000,
  /** org-platform: the provider whose refresh tokens rotate, so refused refreshes show. */
  provider: "org-platform",
  stores: ["memory", "redis"],
} as const;
