import { afterAll, afterEach, expect, test, vi } from "vitest";
import {
  type CoordinatedTokenStore,
  createMemoryTokenStore,
  isCoordinatedTokenStore,
  type SessionEvent,
  TimeoutError,
  type TokenStore,
} from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { startFakeClock } from "./helpers/fake-clock.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets } from "./helpers/secrets.js";

// Issue #11: clients that share a coordinating store (here core's memory store, as several
// clients in one process would) renew a session once between them.

afterEach(() => {
  vi.useRealTimers();
});
afterAll(expectNoLeakedSecrets);

/** `count` clients of one provider sharing `tokenStore`, all signed in with the first's token. */
async function fleet(count: number, tokenStore: TokenStore, provider: FakeProvider) {
  const members = Array.from({ length: count }, () => setup("org", { tokenStore }, provider));
  for (const { client } of members) await client.fetch(`${provider.origin}/users`);
  return members;
}

const eventsOf = (members: { events: SessionEvent[] }[], type: SessionEvent["type"]) =>
  members.flatMap(({ events }) => events.filter((event) => event.type === type));

test("the memory store offers the coordination contract; a plain store does not", () => {
  expect(isCoordinatedTokenStore(createMemoryTokenStore())).toBe(true);
  const plain: TokenStore = {
    get: async () => undefined,
    set: async () => {},
    delete: async () => {},
  };
  expect(isCoordinatedTokenStore(plain)).toBe(false);
});

test("after the provider revokes every token, 8 clients × 25 concurrent calls renew once and every call succeeds", async () => {
  const provider = new FakeProvider("org");
  const members = await fleet(8, createMemoryTokenStore(), provider);
  expect(provider.signIns).toBe(1);
  provider.revokeAll();
  const responses = await Promise.all(
    members.flatMap(({ client }) =>
      Array.from({ length: 25 }, () => client.fetch(`${provider.origin}/users`)),
    ),
  );
  expect(responses.map((response) => response.status)).toEqual(Array(200).fill(200));
  expect(provider.signIns + provider.refreshes).toBe(2);
  expect(eventsOf(members, "renewed")).toHaveLength(1);
  expect(eventsOf(members, "session-adopted")).toHaveLength(7);
});

test("with rotating refresh tokens, expiry in a fleet spends the refresh token once: no refusal, no extra sign-in", async () => {
  startFakeClock();
  const provider = new FakeProvider("org", 60_000);
  provider.rotateRefreshTokens = true;
  const members = await fleet(5, createMemoryTokenStore(), provider);
  await vi.advanceTimersByTimeAsync(61_000);
  const responses = await Promise.all(
    members.flatMap(({ client }) =>
      Array.from({ length: 10 }, () => client.fetch(`${provider.origin}/users`)),
    ),
  );
  expect(responses.every((response) => response.status === 200)).toBe(true);
  expect(provider.refreshes).toBe(1);
  expect(provider.refusedRefreshes).toBe(0);
  expect(provider.signIns).toBe(1);
});

test("a client refused a token uses the one another client stored while its request was out, instead of renewing", async () => {
  startFakeClock();
  const provider = new FakeProvider("org");
  const [first, second] = await fleet(2, createMemoryTokenStore(), provider);
  provider.revokeAll();
  // While the first client's request is on its way, the second renews and stores the session.
  provider.faults.push(async () => {
    await vi.advanceTimersByTimeAsync(5);
    await second!.client.renew();
    return undefined;
  });
  const renewals = provider.signIns + provider.refreshes;
  const response = await first!.client.fetch(`${provider.origin}/users`);
  expect(response.status).toBe(200);
  expect(provider.signIns + provider.refreshes).toBe(renewals + 1);
  expect(provider.requests.at(-1)?.tokenIndex).toBe(provider.issued.length - 1);
  expect(first!.events).toContainEqual(
    expect.objectContaining({ type: "session-adopted", provider: "org-like" }),
  );
});

test("a stored session issued before the refused request left is not trusted: it may be just as revoked", async () => {
  startFakeClock();
  const provider = new FakeProvider("org");
  const tokenStore = createMemoryTokenStore();
  const [first, second] = await fleet(2, tokenStore, provider);
  // The second renews and stores a session; then the provider revokes every token, that one too.
  await vi.advanceTimersByTimeAsync(5);
  await second!.client.renew();
  provider.revokeAll();
  await vi.advanceTimersByTimeAsync(5);
  const response = await first!.client.fetch(`${provider.origin}/users`);
  expect(response.status).toBe(200);
  expect(first!.events.map((event) => event.type)).not.toContain("session-adopted");
  expect(first!.events).toContainEqual(expect.objectContaining({ type: "renewed" }));
});

test("an explicit renew() renews even when the stored session is fresh", async () => {
  const provider = new FakeProvider("org");
  const { client } = (await fleet(1, createMemoryTokenStore(), provider))[0]!;
  await client.renew();
  expect(provider.refreshes).toBe(1);
});

test("a lease left by a client that died is taken over once it expires, and the call succeeds", async () => {
  startFakeClock();
  const provider = new FakeProvider("org");
  const tokenStore = createMemoryTokenStore();
  const { client, events } = (await fleet(1, tokenStore, provider))[0]!;
  provider.revokeAll();
  // Another process took the lease and was killed before it renewed.
  await tokenStore.acquireLease("org-like:https://org.test", "dead-process", 3_000);
  const call = client.fetch(`${provider.origin}/users`);
  await vi.advanceTimersByTimeAsync(2_500);
  expect(provider.refreshes + provider.signIns).toBe(1);
  await vi.advanceTimersByTimeAsync(2_000);
  expect((await call).status).toBe(200);
  expect(provider.refreshes).toBe(1);
  // The one client that took the lapsed lease over says so, once.
  expect(events.filter((event) => event.type === "lease-abandoned")).toHaveLength(1);
});

test("a lease that is held and never let go is never bypassed: the wait ends at the patience derived from timeout and retries, with a TimeoutError", async () => {
  startFakeClock();
  const provider = new FakeProvider("org");
  const tokenStore = createMemoryTokenStore();
  // Patience: two operations × one 1 s attempt, plus one 5 s lease = 7 s.
  const members = [setup("org", { tokenStore, timeout: 1_000, retry: 0 }, provider)];
  await members[0]!.client.fetch(`${provider.origin}/users`);
  provider.revokeAll();
  await tokenStore.acquireLease("org-like:https://org.test", "stuck-process", 600_000);
  const call = members[0]!.client.fetch(`${provider.origin}/users`);
  const failure = call.then(
    () => undefined,
    (error: unknown) => error,
  );
  await vi.advanceTimersByTimeAsync(6_500);
  expect(provider.refreshes).toBe(0);
  await vi.advanceTimersByTimeAsync(1_000);
  expect(await failure).toBeInstanceOf(TimeoutError);
  // A refresh without the lease would spend the holder's refresh token: never sent.
  expect(provider.refreshes + provider.signIns).toBe(1);
  expect(eventsOf(members, "lease-abandoned")).toEqual([]);
});

test("a store whose lease calls fail: the client renews by itself, reports store-failed, and the call succeeds", async () => {
  const provider = new FakeProvider("org");
  const memory = createMemoryTokenStore();
  const failing: CoordinatedTokenStore = {
    ...memory,
    acquireLease: async () => {
      throw new Error("READONLY You can't write against a read only replica.");
    },
  };
  const { client, events } = setup("org", { tokenStore: failing }, provider);
  const response = await client.fetch(`${provider.origin}/users`);
  expect(response.status).toBe(200);
  expect(provider.signIns).toBe(1);
  expect(events).toContainEqual({
    type: "store-failed",
    provider: "org-like",
    operation: "acquire-lease",
    error: "Error",
  });
  // What the store said is not repeated: it may quote a connection string.
  expect(JSON.stringify(events)).not.toContain("READONLY");
});

test("a store that never answers a lease call is waited out for one attempt's timeout, then given up on", async () => {
  startFakeClock();
  const provider = new FakeProvider("org");
  const hanging: CoordinatedTokenStore = {
    ...createMemoryTokenStore(),
    acquireLease: () => new Promise(() => {}),
  };
  const { client, events } = setup("org", { tokenStore: hanging }, provider);
  const call = client.fetch(`${provider.origin}/users`);
  // A slow store may be this process's starved event loop: it is waited for, not bypassed.
  await vi.advanceTimersByTimeAsync(20_000);
  expect(provider.signIns).toBe(0);
  await vi.advanceTimersByTimeAsync(12_000);
  expect((await call).status).toBe(200);
  expect(events).toContainEqual(
    expect.objectContaining({
      type: "store-failed",
      operation: "acquire-lease",
      error: "TimeoutError",
    }),
  );
});

test("a corrupt session under the key reads as absent with an event, never as a crash", async () => {
  const provider = new FakeProvider("org");
  const memory = createMemoryTokenStore();
  const corrupt: CoordinatedTokenStore = {
    ...memory,
    read: async () => ({ session: { accessToken: "bad\ntoken" }, version: 7 }),
  };
  const { client, events } = setup("org", { tokenStore: corrupt }, provider);
  const response = await client.fetch(`${provider.origin}/users`);
  expect(response.status).toBe(200);
  expect(events).toContainEqual(
    expect.objectContaining({ type: "store-failed", operation: "read", error: "ProtocolError" }),
  );
});

test("clients sharing a plain store (get/set/delete only) each renew on their own, as before", async () => {
  const provider = new FakeProvider("org");
  const memory = createMemoryTokenStore();
  const plain: TokenStore = {
    get: (key) => memory.get(key),
    set: (key, session) => memory.set(key, session),
    delete: (key) => memory.delete(key),
  };
  const members = await fleet(3, plain, provider);
  provider.revokeAll();
  await Promise.all(members.map(({ client }) => client.fetch(`${provider.origin}/users`)));
  expect(provider.signIns + provider.refreshes).toBe(1 + 3);
});

test("leaseTtl is checked like every other option", () => {
  expect(() => setup("org", { leaseTtl: 0 })).toThrow(/leaseTtl/);
  expect(() => setup("org", { leaseTtl: Number.NaN })).toThrow(/leaseTtl/);
});
