/**
 * Sizes of the codegen area. 1,000 specs is the target's size and takes half a minute or more a
 * run on 2 cores when every spec is generated, so it runs once cold and once forced; the smaller
 * sizes repeat `rounds` times. The warm run with one spec changed is cheap and repeats at 1,000.
 */
export const codegenSizes = {
  copies: [100, 1_000],
  /** Sizes at or below this repeat `rounds` times; above it, one run. */
  largestRepeated: 100,
  rounds: 3,
  largeSpecOperations: 2_000,
  /** The real spec every synthetic provider is a renamed copy of. */
  copiedSpec: "vero-oms.yaml",
} as const;

/** The brief's targets, reported and never asserted. */
export const codegenTargets = {
  thousandColdMs: 60_000,
  thousandWarmMs: 5_000,
  largeSpecRatio: 1.5,
} as const;
