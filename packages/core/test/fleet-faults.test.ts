import { afterAll, afterEach, expect, test, vi } from "vitest";
import {
  AbortError,
  AuthenticationError,
  type CoordinatedTokenStore,
  createMemoryTokenStore,
  DEFAULT_LEASE_MS,
  deriveLeaseTiming,
  type SessionEvent,
} from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { startFakeClock } from "./helpers/fake-clock.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets, PASSWORD } from "./helpers/secrets.js";

// Issue #19: renewal in a fleet under the faults fleets have, with every option at its default
// unless a case says why. Clients sharing core's memory store stand in for processes here; the
// same cases run across OS processes and Redis in packages/integration-tests/test/fleet/e2e.

afterEach(() => {
  vi.useRealTimers();
});
afterAll(expectNoLeakedSecrets);

const KEY = "org-like:https://org.test";

function fleet(count: number, provider: FakeProvider, options: Record<string, unknown> = {}) {
  const tokenStore = (options.tokenStore as CoordinatedTokenStore) ?? createMemoryTokenStore();
  const members = Array.from({ length: count }, () =>
    setup("org", { tokenStore, ...options }, provider),
  );
  const eventsOf = (type: SessionEvent["type"]) =>
    members.flatMap(({ events }) => events.filter((event) => event.type === type));
  const callAll = (calls: number) =>
    Promise.allSettled(
      members.flatMap(({ client }) =>
        Array.from({ length: calls }, () => client.fetch(`${provider.origin}/users`)),
      ),
    );
  return { tokenStore, members, eventsOf, callAll };
}

test.each([
  // [timeout, retry limit, leaseTtl] → lease, heartbeat, patience
  [30_000, 2, undefined, DEFAULT_LEASE_MS, 1_000, 2 * (90_000 + 20_000) + 5_000],
  [1_000, 0, undefined, 5_000, 1_000, 2_000 + 5_000],
  [30_000, 2, 20_000, 20_000, 4_000, 2 * (90_000 + 20_000) + 20_000],
  [false, 1, undefined, 5_000, 1_000, 2 * (120_000 + 10_000) + 5_000],
] as const)(
  "lease timing for timeout %s, %s retries, leaseTtl %s: lease %s ms, heartbeat %s ms, patience %s ms",
  (timeout, retryLimit, leaseTtl, leaseMs, heartbeatMs, patienceMs) => {
    const timing = deriveLeaseTiming({ timeout, retryLimit, maxRetryDelay: 10_000, leaseTtl });
    expect(timing).toMatchObject({ leaseMs, heartbeatMs, patienceMs });
    // The heartbeat comes several times per lease, and nobody gives up before a lease can lapse.
    expect(timing.heartbeatMs * 4).toBeLessThan(timing.leaseMs);
    expect(timing.patienceMs).toBeGreaterThan(timing.leaseMs);
  },
);

test("a provider three times slower than the default lease, holder alive: one renewal for 4 clients, no lease-abandoned", async () => {
  startFakeClock();
  const provider = new FakeProvider("org");
  const { members, eventsOf, callAll } = fleet(4, provider);
  for (const { client } of members) await client.fetch(`${provider.origin}/users`);
  provider.revokeAll();
  provider.tokenLatencyMs = 3 * DEFAULT_LEASE_MS;
  const settled = callAll(5);
  await vi.advanceTimersByTimeAsync(3 * DEFAULT_LEASE_MS + 2_000);
  const results = await settled;
  expect(results.every((result) => result.status === "fulfilled")).toBe(true);
  expect(provider.refreshes + provider.signIns).toBe(2);
  expect(eventsOf("lease-abandoned")).toEqual([]);
});

test.each([
  ["the default lease", {}, DEFAULT_LEASE_MS],
  ["an explicit short leaseTtl", { leaseTtl: 1_000 }, 1_000],
] as const)(
  "a provider slower than %s is outlasted by the heartbeat: one renewal, no lease-abandoned",
  async (_name, options, leaseMs) => {
    startFakeClock();
    const provider = new FakeProvider("org");
    const { members, eventsOf, callAll } = fleet(6, provider, options);
    for (const { client } of members) await client.fetch(`${provider.origin}/users`);
    provider.revokeAll();
    // Half a lease more than the lease: only the heartbeat keeps the holder's lease from lapsing.
    provider.tokenLatencyMs = leaseMs * 1.5;
    const settled = callAll(2);
    await vi.advanceTimersByTimeAsync(leaseMs * 3);
    expect((await settled).every((result) => result.status === "fulfilled")).toBe(true);
    expect(provider.refreshes + provider.signIns).toBe(2);
    expect(eventsOf("lease-abandoned")).toEqual([]);
  },
);

test("the holder dies after its refresh rotated the token: after one lease, one client takes over, says the token was spent, and the fleet signs in once", async () => {
  startFakeClock();
  const provider = new FakeProvider("org");
  provider.rotateRefreshTokens = true;
  const { tokenStore, members, eventsOf, callAll } = fleet(4, provider);
  for (const { client } of members) await client.fetch(`${provider.origin}/users`);
  provider.revokeAll();
  // A process takes the lease (for core's default length), spends the refresh token at the
  // provider, and is killed before it stores the answer.
  await tokenStore.acquireLease(KEY, "killed-process", DEFAULT_LEASE_MS);
  const stored = await tokenStore.get(KEY);
  await provider.fetch(`${provider.origin}/oauth/refresh`, {
    method: "POST",
    body: JSON.stringify({ refresh_token: stored!.refreshToken }),
  });
  const before = { signIns: provider.signIns, refused: provider.refusedRefreshes };
  const settled = callAll(25);
  await vi.advanceTimersByTimeAsync(DEFAULT_LEASE_MS - 100);
  expect(provider.signIns).toBe(before.signIns);
  await vi.advanceTimersByTimeAsync(2_000);
  const results = await settled;
  expect(results.filter((result) => result.status === "rejected")).toEqual([]);
  expect(provider.refusedRefreshes - before.refused).toBe(1);
  expect(provider.signIns - before.signIns).toBe(1);
  expect(eventsOf("refresh-spent")).toHaveLength(1);
  expect(eventsOf("lease-abandoned")).toHaveLength(1);
  expect(eventsOf("session-adopted")).toHaveLength(3);
});

test("a store that answers slowly is waited for, not bypassed: one renewal for the fleet", async () => {
  startFakeClock();
  const provider = new FakeProvider("org");
  provider.rotateRefreshTokens = true;
  const memory = createMemoryTokenStore();
  let slow = false;
  // Every lease call takes longer than storeTimeout for a while (a starved node).
  const sluggish: CoordinatedTokenStore = {
    ...memory,
    acquireLease: async (...args) => {
      if (slow) await new Promise((resolve) => setTimeout(resolve, 6_000));
      return memory.acquireLease(...args);
    },
  };
  const { members, eventsOf, callAll } = fleet(4, provider, { tokenStore: sluggish });
  for (const { client } of members) await client.fetch(`${provider.origin}/users`);
  provider.revokeAll();
  slow = true;
  const settled = callAll(3);
  await vi.advanceTimersByTimeAsync(7_000);
  slow = false;
  await vi.advanceTimersByTimeAsync(10_000);
  expect((await settled).every((result) => result.status === "fulfilled")).toBe(true);
  expect(provider.refreshes + provider.signIns).toBe(2);
  expect(provider.refusedRefreshes).toBe(0);
  expect(eventsOf("store-failed").length).toBeGreaterThan(0);
});

test("a wrong password shared by 5 clients of one store is posted once per cool-down, and every call gets the AuthenticationError", async () => {
  const provider = new FakeProvider("org");
  const { callAll } = fleet(5, provider, {
    credentials: { email: "ada@example.com", password: "wrong-password" },
  });
  const results = await callAll(4);
  expect(provider.signIns).toBe(1);
  for (const result of results) {
    expect(result.status).toBe("rejected");
    expect((result as PromiseRejectedResult).reason).toBeInstanceOf(AuthenticationError);
  }
  // Another round within the cool-down does not reach the provider either.
  await callAll(1);
  expect(provider.signIns).toBe(1);
});

test("after the cool-down, or with other credentials, a sign-in is tried again", async () => {
  const provider = new FakeProvider("org");
  const tokenStore = createMemoryTokenStore();
  const wrong = setup(
    "org",
    {
      tokenStore,
      refusalCoolDown: 300,
      credentials: { email: "ada@example.com", password: "nope-nope" },
    },
    provider,
  );
  await expect(wrong.client.fetch(`${provider.origin}/users`)).rejects.toThrow(AuthenticationError);
  await expect(wrong.client.fetch(`${provider.origin}/users`)).rejects.toThrow(/cool-down/);
  expect(provider.signIns).toBe(1);
  const fixed = setup("org", { tokenStore, refusalCoolDown: 300 }, provider);
  expect((await fixed.client.fetch(`${provider.origin}/users`)).status).toBe(200);
  expect(provider.signIns).toBe(2);
  await new Promise((resolve) => setTimeout(resolve, 350));
  await wrong.client.signOut();
  await expect(wrong.client.signIn()).rejects.toThrow(AuthenticationError);
  expect(provider.signIns).toBe(3);
  // The store holds a digest of the credentials, never the password.
  const refusal = await tokenStore.readRefusal(KEY);
  expect(JSON.stringify(refusal)).not.toContain("nope-nope");
  expect(JSON.stringify(refusal)).not.toContain(PASSWORD);
});

test("refusalCoolDown: 0 turns the sharing off", async () => {
  const provider = new FakeProvider("org");
  const { callAll } = fleet(3, provider, {
    refusalCoolDown: 0,
    credentials: { email: "ada@example.com", password: "wrong-password" },
  });
  await callAll(1);
  expect(provider.signIns).toBe(3);
});

test.each([
  ["the default store", () => undefined],
  ["a createMemoryTokenStore()", createMemoryTokenStore],
])(
  "signOut() during a renewal, with %s: the waiting calls fail, no request carries the old or the new token, and the new one is signed out at the provider",
  async (_store, createStore) => {
    startFakeClock();
    // Vero-like: a sign-out operation, renewal by signing in again.
    const provider = new FakeProvider("vero");
    const { client } = setup("vero", { tokenStore: createStore() }, provider);
    const orders = `${provider.origin}/api/orders`;
    await client.fetch(orders);
    provider.revokeAll();
    provider.tokenLatencyMs = 1_000;
    const calls = Promise.allSettled(Array.from({ length: 5 }, () => client.fetch(orders)));
    await vi.advanceTimersByTimeAsync(100);
    const signedOut = client.signOut();
    await vi.advanceTimersByTimeAsync(1_500);
    await signedOut;
    const results = await calls;
    for (const result of results) {
      expect(result.status).toBe("rejected");
      expect((result as PromiseRejectedResult).reason).toBeInstanceOf(AbortError);
    }
    // Each call went out once, with the revoked token, and never again.
    const orderCalls = provider.requests.filter((request) => request.url.endsWith("/orders"));
    expect(orderCalls.map((request) => request.tokenIndex)).toEqual([0, 0, 0, 0, 0, 0]);
    // The renewal's token went to the provider's sign-out only.
    const newest = provider.issued.length - 1;
    expect(newest).toBe(1);
    const usedNewest = provider.requests.filter((request) => request.tokenIndex === newest);
    expect(usedNewest.map((request) => new URL(request.url).pathname)).toEqual([
      "/api/auth/logout",
    ]);
    // Nothing brought the session back: the next call signs in afresh.
    const next = client.getAccessToken();
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await next).toBe(provider.issued[2]);
    expect(provider.signIns).toBe(3);
  },
);

test("a delete leaves a tombstone: a compare-and-set from before it never lands (no ABA)", async () => {
  const store = createMemoryTokenStore();
  expect(await store.read("k")).toBeUndefined();
  await store.set("k", { accessToken: "a" });
  await store.delete("k");
  const afterDelete = await store.read("k");
  expect(afterDelete).toEqual({ version: 2 });
  expect(await store.compareAndSet("k", 0, { accessToken: "late" })).toBeUndefined();
  expect(await store.compareAndSet("k", 2, { accessToken: "b" })).toEqual({
    session: { accessToken: "b" },
    version: 3,
  });
});

test.each([
  ["past 2^53", 2 ** 53 + 2],
  ["1e300", 1e300],
  ["not an integer", 1.5],
])("a stored version %s reads as corrupt and is replaced by one renewal", async (_, version) => {
  const provider = new FakeProvider("org");
  const memory = createMemoryTokenStore();
  const odd: CoordinatedTokenStore = {
    ...memory,
    read: async (key) => {
      const read = await memory.read(key);
      return read?.session ? { session: read.session, version } : read;
    },
  };
  const { members, eventsOf, callAll } = fleet(3, provider, { tokenStore: odd });
  for (const { client } of members) await client.fetch(`${provider.origin}/users`);
  provider.revokeAll();
  expect((await callAll(2)).every((result) => result.status === "fulfilled")).toBe(true);
  expect(eventsOf("store-failed")).toContainEqual(
    expect.objectContaining({ operation: "read", error: "ProtocolError" }),
  );
});

test("a stored access token too large for a header is corrupt: replaced by a renewal instead of failing every call", async () => {
  const provider = new FakeProvider("org");
  // As a proxy does: a header line past 8 KiB is refused with 431, never a 401.
  provider.faults.push(() => undefined);
  const original = provider.fetch;
  const guarded: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    if ((request.headers.get("authorization")?.length ?? 0) > 8_192) {
      return new Response(null, { status: 431 });
    }
    return original(request);
  };
  const tokenStore = createMemoryTokenStore();
  await tokenStore.set(KEY, { accessToken: "x".repeat(10 * 1024 * 1024) });
  const { client, events } = setup("org", { tokenStore, fetch: guarded }, provider);
  expect((await client.fetch(`${provider.origin}/users`)).status).toBe(200);
  expect(events).toContainEqual(
    expect.objectContaining({ type: "store-failed", error: "ProtocolError" }),
  );
  expect((await tokenStore.get(KEY))!.accessToken.length).toBeLessThan(8_000);
});

test("signOut() in one client reaches the others sharing the store: none sends the signed-out token again", async () => {
  const provider = new FakeProvider("vero");
  const tokenStore = createMemoryTokenStore();
  const [first, second] = [0, 1].map(() => setup("vero", { tokenStore }, provider));
  const orders = `${provider.origin}/api/orders`;
  await first!.client.fetch(orders);
  await second!.client.fetch(orders);
  expect(provider.signIns).toBe(1);
  await first!.client.signOut();
  // The store's notification is delivered (a microtask for the memory store, a pub/sub message
  // for Redis).
  await new Promise((resolve) => setTimeout(resolve, 0));
  // Each says so: the one that signed out, and the one that dropped its session (once).
  const signedOut = (events: SessionEvent[]) => events.filter((e) => e.type === "signed-out");
  expect(signedOut(first!.events)).toEqual([{ type: "signed-out", provider: "vero-like" }]);
  expect(signedOut(second!.events)).toEqual([
    { type: "signed-out", provider: "vero-like", elsewhere: true },
  ]);
  await second!.client.fetch(orders);
  const last = provider.requests.at(-1)!;
  // A fresh session, never the one signed out.
  expect(last.tokenIndex).toBe(1);
  expect(provider.signIns).toBe(2);
});
