/**
 * Sizes of the codegen area. 1,000 specs is the target's size and takes half a minute or more a run on 2
 * cores, so it runs once cold and once warm; the smaller sizes repeat `rounds` times. The
 * hash-aware warm run is cheap and repeats at 1,000.
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
