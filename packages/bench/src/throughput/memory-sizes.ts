/** Calls per client and kind in the memory benchmark: the issue states its numbers per 100,000. */
export const memoryCalls = 100_000;
