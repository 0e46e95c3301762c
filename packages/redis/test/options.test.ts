import { createClient } from "redis";
import { describe, expect, expectTypeOf, test } from "vitest";
import {
  createRedisTokenStore,
  layoutKeys,
  type RedisClientLike,
  RedisStoreError,
} from "../src/index.js";

// Never connected: these tests check options and types, which need no server.
const client = createClient({ url: "redis://127.0.0.1:1" });

describe("options", () => {
  test("a node-redis client is what the store takes", () => {
    expectTypeOf(client).toExtend<RedisClientLike>();
  });

  test.each([
    ["a 16-byte key", { encryptionKey: new Uint8Array(16) }, /32 bytes/],
    ["a zero lease TTL", { leaseTtl: 0 }, /leaseTtl/],
    ["a negative timeout", { timeout: -1 }, /timeout/],
  ])("%s is refused when the store is created", (_, options, message) => {
    expect(() => createRedisTokenStore({ client, ...options })).toThrow(RedisStoreError);
    expect(() => createRedisTokenStore({ client, ...options })).toThrow(message);
  });

  test("a CryptoKey for another algorithm is refused", async () => {
    const hmac = await crypto.subtle.generateKey({ name: "HMAC", hash: "SHA-256" }, false, [
      "sign",
    ]);
    expect(() => createRedisTokenStore({ client, encryptionKey: hmac })).toThrow(/AES-GCM/);
  });
});

test("every key of one session shares one hash tag, so one Redis Cluster slot", () => {
  expect(layoutKeys("app:", "org-platform:https://idp.example")).toEqual({
    session: "app:{org-platform:https://idp.example}",
    lease: "app:{org-platform:https://idp.example}:lease",
    channel: "app:{org-platform:https://idp.example}:changed",
  });
});
