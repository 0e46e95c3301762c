import { createRedisTokenStore, layoutKeys } from "@loginkit/redis";
import { afterAll, beforeAll, expect, test } from "vitest";
import { connectRedis, type RedisClient } from "./support/redis-client.js";
import { type RedisServer, startRedisServer } from "./support/redis-server.js";
import { secretForms } from "./support/secret-forms.js";

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

const session = {
  accessToken: "eyJhbGciOiJIUzI1NiJ9.access-token-that-must-not-leak",
  refreshToken: "refresh-token-that-must-not-leak",
  expiresAt: 1_900_000_000_000,
};

/** Everything Redis holds for the key, as a dump would show it. */
async function dumpSession(key: string) {
  const keys = layoutKeys("loginkit:", key);
  return JSON.stringify(await client.hGetAll(keys.session));
}

test("with an encryption key, what Redis holds contains no token in any encoding", async () => {
  const store = createRedisTokenStore({
    client,
    encryptionKey: crypto.getRandomValues(new Uint8Array(32)),
  });
  const key = `enc:${crypto.randomUUID()}`;
  await store.compareAndSet(key, 0, session);
  const dump = await dumpSession(key);
  expect(dump).toContain("loginkit1:aes-gcm:");
  for (const secret of [session.accessToken, session.refreshToken]) {
    for (const form of secretForms(secret)) expect(dump).not.toContain(form);
  }
  // The store itself still reads it back, and the version stays plaintext for the scripts.
  const read = await store.read(key);
  expect(read?.session).toEqual(session);
  expect(dump).toContain(`"v":"${read?.version}"`);
});

test("a CryptoKey works as well as raw bytes, and another process with the same key reads the session", async () => {
  const cryptoKey = await crypto.subtle.generateKey({ name: "AES-GCM", length: 256 }, false, [
    "encrypt",
    "decrypt",
  ]);
  const key = `enc:${crypto.randomUUID()}`;
  const writer = createRedisTokenStore({ client, encryptionKey: cryptoKey });
  const other = await connectRedis(server.url);
  try {
    await writer.set(key, session);
    const reader = createRedisTokenStore({ client: other, encryptionKey: cryptoKey });
    expect(await reader.get(key)).toEqual(session);
  } finally {
    other.destroy();
  }
});

test("without an encryption key the session is stored as JSON (what the key protects against)", async () => {
  const store = createRedisTokenStore({ client });
  const key = `plain:${crypto.randomUUID()}`;
  await store.set(key, session);
  expect(await dumpSession(key)).toContain(session.refreshToken);
});
