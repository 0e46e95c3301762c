export interface LoadResult {
  readonly requestsPerSecond: number;
  /** Per-request latencies, ms. */
  readonly latencies: readonly number[];
}

/**
 * `total` calls from `concurrency` workers that each start their next call when the previous one
 * ends (closed loop), timing every call. Concurrency 1 is the sequential case.
 */
export async function runLoad(
  call: () => Promise<unknown>,
  total: number,
  concurrency: number,
): Promise<LoadResult> {
  const latencies: number[] = [];
  let started = 0;
  const worker = async () => {
    while (started < total) {
      started++;
      const begin = performance.now();
      await call();
      latencies.push(performance.now() - begin);
    }
  };
  const begin = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - begin) / 1000;
  return { requestsPerSecond: total / seconds, latencies };
}
