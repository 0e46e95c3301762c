/**
 * Sized for ~1 minute on a shared 2-core machine: 6 clients × 3 rounds × (sequential +
 * concurrent). Large enough that a round lasts about a second per client and mode; more rounds
 * would tighten the medians but push `pnpm bench` past its 10-minute budget.
 */
export const throughputSizes = {
  rounds: 3,
  warmupRequests: 300,
  sequentialRequests: 1_500,
  concurrentRequests: 4_000,
  concurrency: 64,
} as const;
