/**
 * A `fetch` that keeps at most `limit` requests on the wire and queues the rest, as a service's
 * pooled HTTP agent would. Without it 16 processes × 1,000 calls open 16,000 sockets at once and
 * overflow the simulator's listen backlog: the storm would measure dropped connections, not
 * renewals. A queued request whose signal aborts leaves the queue with the abort reason.
 */
export function createPooledFetch(limit: number, transport: typeof fetch = fetch): typeof fetch {
  let active = 0;
  const waiting: (() => void)[] = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  const acquire = (signal: AbortSignal | null | undefined) =>
    new Promise<void>((resolve, reject) => {
      if (active < limit) {
        active++;
        resolve();
        return;
      }
      const take = () => {
        signal?.removeEventListener("abort", abandon);
        active++;
        resolve();
      };
      const abandon = () => {
        const index = waiting.indexOf(take);
        if (index !== -1) waiting.splice(index, 1);
        reject(signal?.reason);
      };
      signal?.addEventListener("abort", abandon, { once: true });
      waiting.push(take);
    });

  return async (input, init) => {
    const signal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    await acquire(signal);
    try {
      const response = await transport(input, init);
      // The socket is busy until the body is read: hold the slot until then.
      const body = await response.arrayBuffer();
      return new Response(
        response.status === 204 || response.status === 304 ? null : body,
        response,
      );
    } finally {
      release();
    }
  };
}
