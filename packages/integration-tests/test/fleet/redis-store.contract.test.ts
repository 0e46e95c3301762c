import { createRedisTokenStore, type RedisTokenStore } from "@loginkit/redis";
import { describe } from "vitest";
import { describeStoreContract } from "./contract/store-contract.js";
import { connectRedis, type RedisClient } from "./support/redis-client.js";
import { startRedisServer } from "./support/redis-server.js";

describe("the Redis store keeps the coordination contract (participants: separate connections)", () => {
  describeStoreContract(async () => {
    const server = await startRedisServer();
    const opened: { client: RedisClient; store: RedisTokenStore }[] = [];
    return {
      async open() {
        const client = await connectRedis(server.url);
        const store = createRedisTokenStore({ client });
        opened.push({ client, store });
        return store;
      },
      async close() {
        for (const { client, store } of opened) {
          await store.close();
          client.destroy();
        }
        await server.stop();
      },
    };
  });
});
