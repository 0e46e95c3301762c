/** Samples heap and RSS every few ms while `work` runs; returns peaks above the starting heap. */
export async function measurePeakMemory<T>(work: () => Promise<T>) {
  const start = process.memoryUsage();
  let peakHeap = start.heapUsed;
  let peakRss = start.rss;
  const sample = () => {
    let usage: NodeJS.MemoryUsage;
    try {
      usage = process.memoryUsage();
    } catch {
      return; // reading RSS needs a file descriptor; a storm at the limit may have none spare
    }
    peakHeap = Math.max(peakHeap, usage.heapUsed);
    peakRss = Math.max(peakRss, usage.rss);
  };
  const timer = setInterval(sample, 5);
  try {
    const result = await work();
    sample();
    return { result, heapGrowthBytes: peakHeap - start.heapUsed, peakRssBytes: peakRss };
  } finally {
    clearInterval(timer);
  }
}
