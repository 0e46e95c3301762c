import { createRedisTokenStore, layoutKeys, type RedisStoreEvent } from "@loginkit/redis";
import { afterAll, beforeAll, expect, test } from "vitest";
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

const session = { accessToken: "fresh-access", refreshToken: "fresh-refresh" };
const otherKey = () => crypto.getRandomValues(new Uint8Array(32));

test.each<{
  what: string;
  reason: string;
  plant(redisKey: string): Promise<unknown>;
  encrypted?: boolean;
}>([
  { what: "a plain string", reason: "foreign-type", plant: (k) => client.set(k, "not a session") },
  { what: "a list", reason: "foreign-type", plant: (k) => client.rPush(k, "x") },
  {
    what: "a hash without a version",
    reason: "foreign-type",
    plant: (k) => client.hSet(k, "s", "x"),
  },
  {
    what: "a hash with a garbage version",
    reason: "foreign-type",
    plant: (k) => client.hSet(k, { v: "abc", s: "x" }),
  },
  {
    what: "another program's value in the session field",
    reason: "foreign-value",
    plant: (k) => client.hSet(k, { v: "7", s: "hello" }),
  },
  {
    what: "broken JSON",
    reason: "invalid-session",
    plant: (k) => client.hSet(k, { v: "7", s: "loginkit1:json:{" }),
  },
  {
    what: "JSON that is no session",
    reason: "invalid-session",
    plant: (k) => client.hSet(k, { v: "7", s: 'loginkit1:json:{"token":"x"}' }),
  },
  {
    what: "a session sealed with another key",
    reason: "undecryptable",
    encrypted: true,
    plant: async (k) => {
      const stranger = createRedisTokenStore({ client, encryptionKey: otherKey() });
      await stranger.set(k.slice("loginkit:{".length, -1), { accessToken: "someone-else" });
    },
  },
  {
    what: "a plaintext session while an encryption key is set",
    reason: "unencrypted",
    encrypted: true,
    plant: (k) => client.hSet(k, { v: "7", s: 'loginkit1:json:{"accessToken":"planted"}' }),
  },
])(
  "$what under a key reads as absent with a corrupt-value event, and the next write replaces it",
  async ({ plant, reason, encrypted }) => {
    const events: RedisStoreEvent[] = [];
    const store = createRedisTokenStore({
      client,
      onEvent: (event) => events.push(event),
      ...(encrypted ? { encryptionKey: otherKey() } : {}),
    });
    const key = `corrupt:${crypto.randomUUID()}`;
    await plant(layoutKeys("loginkit:", key).session);

    expect(await store.read(key)).toBeUndefined();
    expect(await store.get(key)).toBeUndefined();
    expect(events[0]).toEqual({ type: "corrupt-value", key, reason });

    const written = await store.compareAndSet(key, 0, session);
    expect(written?.session).toEqual(session);
    expect(await store.read(key)).toEqual(written);
  },
);

test("a lease key holding a value without a TTL (not ours) never blocks the lease", async () => {
  const store = createRedisTokenStore({ client });
  const key = `corrupt-lease:${crypto.randomUUID()}`;
  await client.set(layoutKeys("loginkit:", key).lease, "stuck-forever");
  expect(await store.acquireLease(key, "owner", 5_000)).toBe(true);
  expect(await client.pTTL(layoutKeys("loginkit:", key).lease)).toBeGreaterThan(0);
});

test("a lease lasts exactly the TTL core asks for: the store neither caps nor stretches it", async () => {
  const store = createRedisTokenStore({ client });
  for (const asked of [90_000, 1_500]) {
    const key = `exact:${crypto.randomUUID()}`;
    expect(await store.acquireLease(key, "owner", asked)).toBe(true);
    const ttl = await client.pTTL(layoutKeys("loginkit:", key).lease);
    expect(ttl).toBeGreaterThan(asked - 1_000);
    expect(ttl).toBeLessThanOrEqual(asked);
  }
});

test.each([
  ["past 2^53", "9007199254740993"],
  ["1e300", "1e300"],
  ["fractional", "12.5"],
])(
  "a version %s (another tool's) reads as corrupt, and one compare-and-set replaces it",
  async (_, version) => {
    const events: RedisStoreEvent[] = [];
    const store = createRedisTokenStore({ client, onEvent: (event) => events.push(event) });
    const key = `huge-version:${crypto.randomUUID()}`;
    const written = await store.compareAndSet(key, 0, { accessToken: "first" });
    await client.hSet(layoutKeys("loginkit:", key).session, "v", version);
    expect(await store.read(key)).toBeUndefined();
    expect(events).toContainEqual(expect.objectContaining({ type: "corrupt-value", key }));
    // Three clients in turn: the first replaces it, the others see its version, exactly.
    const replaced = await store.compareAndSet(key, 0, { accessToken: "replaced" });
    expect(replaced).toBeDefined();
    expect(Number.isSafeInteger(replaced!.version)).toBe(true);
    expect(written).toBeDefined();
    expect(await store.read(key)).toEqual(replaced);
    expect(await store.compareAndSet(key, 0, { accessToken: "second" })).toBeUndefined();
    expect(
      await store.compareAndSet(key, replaced!.version, { accessToken: "next" }),
    ).toBeDefined();
  },
);
