import { createClient } from "redis";

/**
 * A node-redis client configured as the store's README recommends: calls fail at once while
 * Redis is down instead of queueing, connecting is bounded, and it reconnects quickly.
 */
export async function connectRedis(url: string) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 1_000, reconnectStrategy: () => 100 },
  });
  // node-redis throws an unhandled 'error' without a listener; reconnects are expected here.
  client.on("error", () => {});
  await client.connect();
  return client;
}

export type RedisClient = Awaited<ReturnType<typeof connectRedis>>;
