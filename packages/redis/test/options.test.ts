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
    ["a null key", { encryptionKey: null }, /encryptionKey/],
    ["a string key", { encryptionKey: "0123456789abcdef0123456789abcdef" }, /encryptionKey/],
    ["a lease TTL, which is the client's", { leaseTtl: 60_000 }, /leaseTtl/],
    ["a negative timeout", { timeout: -1 }, /timeout/],
    ["a timeout no timer holds", { timeout: 2 ** 31 }, /timeout/],
    ["a fractional timeout", { timeout: 1.5 }, /timeout/],
    ["a prefix that is not a string", { prefix: 42 }, /prefix/],
    ["an onEvent that is not a function", { onEvent: "log" }, /onEvent/],
  ])("%s is refused when the store is created, naming the option", (_, options, message) => {
    const create = () => createRedisTokenStore({ client, ...(options as object) });
    expect(create).toThrow(RedisStoreError);
    expect(create).toThrow(message);
  });

  test.each([
    ["no client", {}],
    ["a null client", { client: null }],
    ["a client without eval", { client: { duplicate() {} } }],
  ])("%s is refused when the store is created", (_, options) => {
    const create = () => createRedisTokenStore(options as never);
    expect(create).toThrow(RedisStoreError);
    expect(create).toThrow(/client/);
  });

  test("no options at all is a RedisStoreError, not a TypeError", () => {
    expect(() => createRedisTokenStore(undefined as never)).toThrow(RedisStoreError);
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
    refused: "app:{org-platform:https://idp.example}:refused",
  });
});
