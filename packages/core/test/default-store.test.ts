import { afterAll, beforeEach, expect, test, vi } from "vitest";
import { coordinated } from "../src/coordination.js";
import {
  AuthenticationError,
  ConfigurationError,
  type CoordinatedTokenStore,
  createMemoryTokenStore,
} from "../src/index.js";
import { shareRefusal } from "../src/session/refusal-sharing.js";
import { renewUnderLease } from "../src/session/renew-under-lease.js";
import { watchSignOuts } from "../src/session/watch-sign-outs.js";
import { setup } from "./helpers/clients.js";
import { startFakeClock } from "./helpers/fake-clock.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { captureError, expectNoLeakedSecrets, PASSWORD } from "./helpers/secrets.js";

// Every entry point of the lease protocol, counted: a client with the default store must call
// none of them, and clients sharing a coordinating store must (else the counts prove nothing).
vi.mock("../src/session/renew-under-lease.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/session/renew-under-lease.js")>();
  return { ...original, renewUnderLease: vi.fn(original.renewUnderLease) };
});
vi.mock("../src/session/refusal-sharing.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/session/refusal-sharing.js")>();
  return { ...original, shareRefusal: vi.fn(original.shareRefusal) };
});
vi.mock("../src/session/watch-sign-outs.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../src/session/watch-sign-outs.js")>();
  return { ...original, watchSignOuts: vi.fn(original.watchSignOuts) };
});

const protocolCalls = () => ({
  renewUnderLease: vi.mocked(renewUnderLease).mock.calls.length,
  shareRefusal: vi.mocked(shareRefusal).mock.calls.length,
  watchSignOuts: vi.mocked(watchSignOuts).mock.calls.length,
});
const noProtocolCalls = { renewUnderLease: 0, shareRefusal: 0, watchSignOuts: 0 };

const wrongPassword = { credentials: { email: "ada@example.com", password: "wrong-pw" } };

beforeEach(() => {
  vi.clearAllMocks();
  vi.useRealTimers();
});
afterAll(expectNoLeakedSecrets);

test("a client with the default options renews once for 20 calls after a revocation, without the lease protocol", async () => {
  const { client, provider, events } = setup("org");
  await client.fetch(`${provider.origin}/users`);
  provider.revokeAll();
  const responses = await Promise.all(
    Array.from({ length: 20 }, () => client.fetch(`${provider.origin}/users`)),
  );
  expect(responses.map((response) => response.status)).toEqual(Array(20).fill(200));
  expect(provider.signIns + provider.refreshes).toBe(2);
  expect(provider.maxTokenRequestsInFlight).toBe(1);
  expect(events.map((event) => event.type)).toEqual(["signed-in", "renewed"]);
  expect(protocolCalls()).toEqual(noProtocolCalls);
});

test("a wrong password with the default options is posted once per cool-down, then again after it; other credentials at once", async () => {
  startFakeClock();
  const { client, provider } = setup("vero", wrongPassword);
  await expect(client.fetch(`${provider.origin}/api/orders`)).rejects.toThrow(AuthenticationError);
  const again = await captureError(client.fetch(`${provider.origin}/api/orders`));
  expect(again).toBeInstanceOf(AuthenticationError);
  expect((again as Error).message).toMatch(/cool-down for these credentials: not sent again/);
  expect(provider.requests).toHaveLength(1);
  // The default cool-down is five minutes: a moment before it ends, still not sent.
  await vi.advanceTimersByTimeAsync(299_000);
  await expect(client.signIn()).rejects.toThrow(/cool-down/);
  expect(provider.requests).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1_000);
  await expect(client.signIn()).rejects.toThrow(AuthenticationError);
  expect(provider.requests).toHaveLength(2);
  // Other credentials have another digest: tried at once.
  await client.signIn({ email: "ada@example.com", password: PASSWORD });
  expect(provider.requests).toHaveLength(3);
  expect(protocolCalls()).toEqual(noProtocolCalls);
});

test.each([
  ["the default store", () => ({})],
  ["a shared createMemoryTokenStore()", () => ({ tokenStore: createMemoryTokenStore() })],
])(
  "without crypto.subtle (a plain http:// page) a wrong password still fails with the provider's AuthenticationError, each time, with %s",
  async (_, store) => {
    const noSubtle = vi
      .spyOn(globalThis.crypto, "subtle", "get")
      .mockReturnValue(undefined as unknown as SubtleCrypto);
    try {
      const { client, provider } = setup("vero", { ...wrongPassword, ...store() });
      for (const _ of [1, 2]) {
        const error = await captureError(client.signIn());
        expect(error).toBeInstanceOf(AuthenticationError);
        expect((error as Error).message).not.toMatch(/cool-down/);
      }
      expect(provider.requests).toHaveLength(2);
    } finally {
      noSubtle.mockRestore();
    }
  },
);

test("two clients given one createMemoryTokenStore() renew once between them, under the lease", async () => {
  const provider = new FakeProvider("org");
  const tokenStore = createMemoryTokenStore();
  const members = [setup("org", { tokenStore }, provider), setup("org", { tokenStore }, provider)];
  for (const { client } of members) await client.fetch(`${provider.origin}/users`);
  expect(provider.signIns).toBe(1);
  // Each listens for the other's sign-outs.
  expect(protocolCalls().watchSignOuts).toBe(2);
  vi.clearAllMocks();
  provider.revokeAll();
  const responses = await Promise.all(
    members.flatMap(({ client }) =>
      Array.from({ length: 10 }, () => client.fetch(`${provider.origin}/users`)),
    ),
  );
  expect(responses.every((response) => response.status === 200)).toBe(true);
  expect(provider.signIns + provider.refreshes).toBe(2);
  const types = members.flatMap(({ events }) => events.map((event) => event.type));
  expect(types.filter((type) => type === "renewed")).toHaveLength(1);
  expect(types.filter((type) => type === "session-adopted")).toHaveLength(1);
  expect(protocolCalls().renewUnderLease).toBe(2);
});

test("clients sharing createMemoryTokenStore() share a refused sign-in through it", async () => {
  const provider = new FakeProvider("org");
  const tokenStore = createMemoryTokenStore();
  const first = setup("org", { tokenStore, ...wrongPassword }, provider);
  const second = setup("org", { tokenStore, ...wrongPassword }, provider);
  await expect(first.client.signIn()).rejects.toThrow(AuthenticationError);
  await expect(second.client.signIn()).rejects.toThrow(/cool-down/);
  expect(provider.requests).toHaveLength(1);
  expect(protocolCalls().shareRefusal).toBe(2);
});

test("a store with the coordination methods but not the lease protocol is a ConfigurationError that says how to fix it", () => {
  const memory = createMemoryTokenStore();
  // Methods listed one by one, as a hand-written custom store would: the protocol is not among them.
  const handWritten: CoordinatedTokenStore = {
    get: (key) => memory.get(key),
    set: (key, session) => memory.set(key, session),
    delete: (key) => memory.delete(key),
    read: (key) => memory.read(key),
    compareAndSet: (key, version, session) => memory.compareAndSet(key, version, session),
    acquireLease: (key, owner, ttl) => memory.acquireLease(key, owner, ttl),
    releaseLease: (key, owner) => memory.releaseLease(key, owner),
  };
  const error = captureSync(() => setup("org", { tokenStore: handWritten }));
  expect(error).toBeInstanceOf(ConfigurationError);
  expect(error).toMatchObject({ option: "tokenStore" });
  expect((error as Error).message).toContain("coordinated(store)");
  expect((error as Error).message).toContain("@loginkit/core/coordination");
  // Returned through coordinated(), the same store works, and `{...store}` keeps the protocol.
  const fixed = coordinated(handWritten);
  expect(fixed).toBe(handWritten);
  expect(() => setup("org", { tokenStore: { ...fixed } })).not.toThrow();
});

test("coordinated() given a store without the coordination methods names what is missing", () => {
  const plain = { get: async () => undefined, set: async () => {}, delete: async () => {} };
  const error = captureSync(() => coordinated(plain as unknown as CoordinatedTokenStore));
  expect(error).toBeInstanceOf(ConfigurationError);
  expect((error as Error).message).toMatch(/read, compareAndSet, acquireLease and releaseLease/);
});

function captureSync(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected an error, none was thrown");
}
