import { afterAll, afterEach, beforeEach, expect, test, vi } from "vitest";
import {
  createMemoryTokenStore,
  defaultClientOptions,
  type SessionEvent,
  type StoredSession,
  type TokenStore,
} from "../../src/index.js";
import { setup } from "../helpers/clients.js";
import { settlesWithin } from "../helpers/hostile-bodies.js";
import { expectNoLeakedSecrets, recordOutput, rememberSecret } from "../helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

// Every store here runs with the default `storeTimeout` users keep, on a fake clock: a test
// that shortened it would prove nothing about the bound they get.
beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** Whether `promise` settles once the default store timeout (and a second more) has passed. */
async function settlesOnceStoreTimeoutPasses(promise: Promise<unknown>): Promise<string> {
  const bound = defaultClientOptions.storeTimeout + 1_000;
  const outcome = settlesWithin(promise, bound);
  await vi.advanceTimersByTimeAsync(bound);
  return outcome;
}

const never = () => new Promise<never>(() => {});
const STORE_SECRET = rememberSecret("redis-pw-STORE-SECRET");
const throwing = () => {
  throw new Error(`connection to redis://:${STORE_SECRET}@cache refused`);
};

/** A memory store with one operation replaced. */
function brokenStore(operation: keyof TokenStore, behave: () => Promise<never>): TokenStore {
  const memory = createMemoryTokenStore();
  return { ...memory, [operation]: behave };
}

const storeEvents = (events: SessionEvent[]) =>
  events.filter((event) => event.type === "store-failed");

test.each([
  ["throws", async () => throwing()],
  ["never settles", never],
] as const)(
  "a store.get that %s: requests sign in and succeed, with a store-failed event",
  async (_name, behave) => {
    const { client, provider, events } = setup("vero", { tokenStore: brokenStore("get", behave) });
    const pending = client.fetch(`${provider.origin}/api/orders`);
    expect(await settlesOnceStoreTimeoutPasses(pending)).toBe("settled");
    expect((await pending).status).toBe(200);
    expect(provider.signIns).toBe(1);
    expect(storeEvents(events)).toContainEqual(
      expect.objectContaining({ type: "store-failed", operation: "get" }),
    );
  },
);

test("a store.set that never settles does not keep signIn() waiting", async () => {
  const { client, events } = setup("vero", { tokenStore: brokenStore("set", never) });
  const login = client.signIn();
  expect(await settlesOnceStoreTimeoutPasses(login)).toBe("settled");
  await expect(login).resolves.toHaveProperty("jwt");
  expect(storeEvents(events)).toEqual([
    expect.objectContaining({ operation: "set", error: "TimeoutError" }),
  ]);
  expect(JSON.stringify(storeEvents(events))).toContain(`${defaultClientOptions.storeTimeout} ms`);
});

test.each([
  ["throws", async () => throwing()],
  ["never settles", never],
] as const)(
  "a store.delete that %s: signOut() resolves and the next request signs in again",
  async (_name, behave) => {
    const memory = createMemoryTokenStore();
    const tokenStore: TokenStore = { ...memory, delete: behave };
    const { client, provider, events } = setup("vero", { tokenStore });
    await client.signIn();
    const logout = client.signOut();
    expect(await settlesOnceStoreTimeoutPasses(logout)).toBe("settled");
    await expect(logout).resolves.toBeUndefined();
    expect(storeEvents(events)).toContainEqual(expect.objectContaining({ operation: "delete" }));
    await client.fetch(`${provider.origin}/api/orders`);
    // The store still holds the old session, but this client was signed out: a new sign-in.
    expect(provider.signIns).toBe(2);
    expect(provider.requests.at(-1)?.tokenIndex).toBe(1);
  },
);

test("store failures reach events as the error's name only, never the store's message", async () => {
  const { client, provider, events } = setup("vero", {
    tokenStore: {
      get: async () => throwing(),
      set: async () => throwing(),
      delete: async () => throwing(),
    },
  });
  await client.fetch(`${provider.origin}/api/orders`);
  await client.signOut();
  const failed = storeEvents(events);
  expect(failed.map((event) => event.type === "store-failed" && event.operation)).toEqual([
    "get",
    "set",
    "delete",
  ]);
  for (const event of failed) expect(event).toMatchObject({ error: "Error" });
  expect(JSON.stringify(failed)).not.toContain("redis");
});

test.each([
  ["a token with a line break", { accessToken: "tok\r\nX-Evil: 1" }, "accessToken"],
  ["a token that is not a string", { accessToken: 42 }, "accessToken"],
  [
    "an input header with non-Latin-1 text",
    { accessToken: "tok-ok-1234", inputs: { "X-Account-ID": "acct-\u{1F600}" } },
    "X-Account-ID",
  ],
  ["no session object at all", "a string", "session"],
] as const)(
  "a stored session with %s is not used: the client signs in again and says why",
  async (_name, stored, field) => {
    const memory = createMemoryTokenStore();
    const tokenStore: TokenStore = {
      ...memory,
      get: async () => stored as unknown as StoredSession,
    };
    const { client, provider, events } = setup("pulse", { tokenStore });
    const response = await client.fetch(`${provider.origin}/contacts`);
    expect(response.status).toBe(200);
    expect(provider.signIns).toBe(1);
    const failed = storeEvents(events)[0];
    expect(failed).toMatchObject({ operation: "get", error: "ProtocolError" });
    expect(failed && "message" in failed ? failed.message : "").toContain(field);
    recordOutput(failed);
  },
);

test("a stored expiry a JSON store turned into null is read as unknown, not as expired", async () => {
  const tokenStore = createMemoryTokenStore();
  const first = setup("enad", { tokenStore });
  await first.client.signIn();
  const stored = await tokenStore.get("enad-like:https://api.enad.test");
  await tokenStore.set("enad-like:https://api.enad.test", {
    ...(stored as StoredSession),
    expiresAt: null as unknown as number,
    issuedAt: null as unknown as number,
  });
  const second = setup("enad", { tokenStore }, first.provider);
  const response = await second.client.fetch("https://api.enad.test/api/v1/app-1/devices");
  expect(response.status).toBe(200);
  expect(first.provider.signIns).toBe(1);
});
