import { describe, expect, test } from "vitest";
import { createRedisTokenStore, type RedisClientLike, RedisStoreError } from "../src/index.js";

// Issue #22 (carried by #19): whatever Redis or a wrapping client answers, the store fails with
// a RedisStoreError naming the operation, never a raw TypeError from reading the reply.

/** A client whose every script call answers `reply`. */
function answering(reply: unknown): RedisClientLike {
  return {
    evalSha: async () => reply,
    eval: async () => reply,
    duplicate: () => {
      throw new Error("no pub/sub in this test");
    },
  };
}

describe.each([
  ["null", null],
  ["a number", 7],
  ["a short array", [1]],
  ["an array with a non-numeric version", ["x", null]],
  ["an object", { version: 1 }],
])("a %s reply", (_, reply) => {
  test("to read is a RedisStoreError", async () => {
    const store = createRedisTokenStore({ client: answering(reply) });
    const read = store.read("k");
    await expect(read).rejects.toThrow(RedisStoreError);
    await expect(store.read("k")).rejects.toMatchObject({ operation: "read" });
  });
});

test.each([
  ["a string", "OK"],
  ["an array", [1]],
  ["2", 2],
])("%s as the reply to acquire-lease is a RedisStoreError", async (_, reply) => {
  const store = createRedisTokenStore({ client: answering(reply) });
  await expect(store.acquireLease("k", "me", 5_000)).rejects.toThrow(RedisStoreError);
});

test("a non-numeric reply to a write is a RedisStoreError", async () => {
  const store = createRedisTokenStore({ client: answering("nonsense") });
  await expect(store.set("k", { accessToken: "t" })).rejects.toThrow(RedisStoreError);
});

test("the lease is taken for exactly the TTL core asks for, however long", async () => {
  const asked: string[] = [];
  const client: RedisClientLike = {
    evalSha: async (_sha, options) => {
      asked.push(options.arguments[1]!);
      return 1;
    },
    eval: async () => 1,
    duplicate: () => {
      throw new Error("unused");
    },
  };
  const store = createRedisTokenStore({ client });
  await store.acquireLease("k", "me", 90_000);
  await store.acquireLease("k", "me", 1_500);
  expect(asked).toEqual(["90000", "1500"]);
});
