import { createRedisTokenStore, RedisStoreError } from "@loginkit/redis";
import { afterAll, beforeAll, expect, test } from "vitest";
import { waitUntil } from "./contract/wait-until.js";
import { connectRedis, type RedisClient } from "./support/redis-client.js";
import { type RedisServer, startRedisServer } from "./support/redis-server.js";

let server: RedisServer;
let client: RedisClient;
beforeAll(async () => {
  server = await startRedisServer();
  client = await connectRedis(server.url);
});
afterAll(async () => {
  client?.destroy();
  await server?.stop();
});

const session = { accessToken: "fault-access-token", refreshToken: "fault-refresh-token" };

test("while Redis is down every call rejects with RedisStoreError (no queueing), and works again once it is back", async () => {
  const store = createRedisTokenStore({ client });
  const key = `fault:${crypto.randomUUID()}`;
  let heard = 0;
  const unsubscribe = store.subscribe(key, () => heard++);
  expect(await unsubscribe.ready).toBe(true);
  await store.compareAndSet(key, 0, session);
  await waitUntil("the first change notice", () => heard === 1);

  await server.stop();
  const calls: [string, () => Promise<unknown>][] = [
    ["read", () => store.read(key)],
    ["get", () => store.get(key)],
    ["set", () => store.set(key, session)],
    ["delete", () => store.delete(key)],
    ["compareAndSet", () => store.compareAndSet(key, 0, session)],
    ["acquireLease", () => store.acquireLease(key, "owner", 1_000)],
    ["releaseLease", () => store.releaseLease(key, "owner")],
  ];
  for (const [name, call] of calls) {
    const error = await call().then(
      () => undefined,
      (rejection: unknown) => rejection,
    );
    expect(error, name).toBeInstanceOf(RedisStoreError);
    for (const secret of Object.values(session)) {
      expect(String((error as Error).message)).not.toContain(secret);
    }
  }

  await server.start();
  // Nothing was persisted: the restarted Redis is empty and a write from absent succeeds.
  await waitUntil("the store to reach Redis again", () =>
    store.read(key).then(
      () => true,
      () => false,
    ),
  );
  expect(await store.read(key)).toBeUndefined();
  expect(await store.compareAndSet(key, 0, session)).toBeDefined();
  // The pub/sub connection resubscribes by itself, on its own reconnect schedule: a write made
  // before it is back is not heard (pub/sub keeps nothing), so keep writing until one is.
  await waitUntil("a change notice after the restart", async () => {
    if (heard >= 2) return true;
    await store.set(key, session);
    return heard >= 2;
  });
  unsubscribe();
  await store.close();
});

test("a Redis that does not answer in time rejects with a timeout, not a hang", async () => {
  const store = createRedisTokenStore({ client, timeout: 200 });
  const key = `slow:${crypto.randomUUID()}`;
  // A second connection blocks the server with a script that runs for a second.
  const blocker = await connectRedis(server.url);
  const busy = blocker
    .eval(
      "local stop = tonumber(redis.call('TIME')[1]) + 1 repeat until tonumber(redis.call('TIME')[1]) > stop return 1",
      {
        keys: [],
        arguments: [],
      },
    )
    .catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 50));
  await expect(store.read(key)).rejects.toMatchObject({ name: "RedisStoreTimeoutError" });
  await busy;
  blocker.destroy();
});
