import { serve } from "@hono/node-server";
import { createOrgPlatformClient } from "@loginkit/org-platform";
import { createRedisTokenStore } from "@loginkit/redis";
import { createClient } from "redis";
import { createApp } from "./create-app.js";
import type { ServiceConfig } from "./read-config.js";

/**
 * One worker of the cluster: its own Redis connection, token store and org-platform client. The
 * workers share the session through Redis: one takes the store's renewal lease and renews, the
 * others wait for its result, so the fleet renews once per expiry however many workers run.
 */
export async function startWorker(config: ServiceConfig): Promise<void> {
  const redis = await createClient({
    url: config.redisUrl,
    // Fail fast while Redis is down instead of queueing: loginkit then keeps the session in
    // memory (a `store-failed` event) and shares it again once Redis is back.
    disableOfflineQueue: true,
    socket: {
      connectTimeout: 2_000,
      reconnectStrategy: (retries) => Math.min(retries * 100, 2_000),
    },
  })
    .on("error", (error: Error) => console.warn(`worker ${process.pid}: redis ${error.name}`))
    .connect();
  const tokenStore = createRedisTokenStore({
    client: redis,
    prefix: "node-service:loginkit:",
    encryptionKey: config.storeEncryptionKey,
  });
  const platform = createOrgPlatformClient({
    baseUrl: config.platformUrl,
    credentials: { username: config.platformUsername, password: config.platformPassword },
    ...(config.organizationId ? { organizationId: config.organizationId } : {}),
    tokenStore,
    // One session per account: every worker with this key shares it.
    storeKey: `org-platform:${config.platformUrl}:${config.platformUsername}`,
  });

  const app = createApp(platform, config.platformUrl, String(process.pid));
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () =>
    console.log(`worker ${process.pid} listening`),
  );
  process.once("SIGTERM", () => {
    server.close(async () => {
      await tokenStore.close();
      await redis.close();
      process.exit(0);
    });
  });
}
