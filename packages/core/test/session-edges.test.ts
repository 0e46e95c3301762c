import { afterAll, expect, test, vi } from "vitest";
import {
  AbortError,
  createMemoryTokenStore,
  type SessionEvent,
  type TokenStore,
} from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { useFakeClock } from "./helpers/fake-clock.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets, PASSWORD, recordOutput } from "./helpers/secrets.js";

useFakeClock();
afterAll(expectNoLeakedSecrets);

test("logout while a sign-in is in flight: the waiting call fails with an AbortError and the session does not come back afterwards", async () => {
  const provider = new FakeProvider("org");
  provider.tokenLatencyMs = 100;
  const memory = createMemoryTokenStore();
  const saved: string[] = [];
  const store: TokenStore = {
    ...memory,
    set: async (key, session) => {
      saved.push(key);
      await memory.set(key, session);
    },
  };
  const { client } = setup("org", { tokenStore: store }, provider);
  const pending = client.fetch(`${provider.origin}/users`);
  await vi.advanceTimersByTimeAsync(10);
  const loggedOut = client.signOut();
  const failed = pending.then(
    () => undefined,
    (error: unknown) => error,
  );
  await vi.advanceTimersByTimeAsync(200);
  await loggedOut;
  // The sign-in's token is discarded: the call that waited for it does not go out with it.
  expect(await failed).toBeInstanceOf(AbortError);
  expect(saved).toEqual([]);
  provider.tokenLatencyMs = 0;
  await client.fetch(`${provider.origin}/users`);
  expect(provider.signIns).toBe(2);
});

test("a token store that fails to save does not fail the requests: an event says so", async () => {
  const events: SessionEvent[] = [];
  const broken: TokenStore = {
    get: async () => undefined,
    set: async () => {
      throw new Error("redis down");
    },
    delete: async () => {},
  };
  const { client, provider } = setup("vero", {
    tokenStore: broken,
    onEvent: (event) => events.push(recordOutput(event)),
  });
  const responses = await Promise.all([
    client.fetch(`${provider.origin}/orders`),
    client.fetch(`${provider.origin}/orders`),
  ]);
  expect(responses.map((response) => response.status)).toEqual([200, 200]);
  expect(events).toContainEqual(
    expect.objectContaining({ type: "store-failed", operation: "set", error: "Error" }),
  );
});

test("credentials given to signIn() are used again when the session must be renewed", async () => {
  const provider = new FakeProvider("vero");
  const { client } = setup("vero", { credentials: undefined }, provider);
  await client.signIn({ email: "ada@example.com", password: PASSWORD });
  provider.revokeAll();
  const response = await client.fetch(`${provider.origin}/orders`);
  expect(response.status).toBe(200);
  expect(provider.signIns).toBe(2);
});

test("a server clock two minutes behind does not make every request sign in again", async () => {
  const provider = new FakeProvider("vero");
  const behind = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await provider.fetch(input, init);
    const headers = new Headers(response.headers);
    headers.set("date", new Date(Date.now() - 120_000).toUTCString());
    return new Response(response.body, { status: response.status, headers });
  };
  const { client } = setup("vero", { fetch: behind }, provider);
  for (let call = 0; call < 5; call++) await client.fetch(`${provider.origin}/orders`);
  expect(provider.signIns).toBe(1);
});

test("an abort after the answer arrived still cancels reading its streamed body", async () => {
  vi.useRealTimers();
  let transportSignal: AbortSignal | undefined;
  const streaming = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.endsWith("/auth/login")) return new FakeProvider("vero").fetch(request);
    transportSignal = request.signal;
    const body = new ReadableStream({ pull: () => new Promise(() => {}) });
    return new Response(body, { headers: { "content-type": "text/event-stream" } });
  };
  const { client } = setup("vero", { fetch: streaming });
  const controller = new AbortController();
  const response = await client.fetch("https://vero.test/api/events", {
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  controller.abort();
  expect(transportSignal?.aborted).toBe(true);
});

test("a call made while signOut() is still deleting the stored session waits for the sign-out and signs in afresh: it never goes out with the signed-out token", async () => {
  const provider = new FakeProvider("org");
  const memory = createMemoryTokenStore();
  // A store that takes a moment to delete (a remote one), well within the default store timeout.
  const store: TokenStore = {
    ...memory,
    delete: async (key) => {
      await new Promise((resolve) => setTimeout(resolve, 200));
      await memory.delete(key);
    },
  };
  const { client } = setup("org", { tokenStore: store }, provider);
  const users = `${provider.origin}/users`;
  await client.fetch(users);
  const signedOut = client.signOut();
  await vi.advanceTimersByTimeAsync(0);
  const during = client.fetch(users);
  await vi.advanceTimersByTimeAsync(500);
  await signedOut;
  await during;
  const after = client.fetch(users);
  await vi.advanceTimersByTimeAsync(100);
  await after;
  const sent = provider.requests.filter((request) => request.url.endsWith("/users"));
  // The first token only before the sign-out; the call made during it uses a new sign-in's.
  expect(sent.map((request) => request.tokenIndex)).toEqual([0, 1, 1]);
  expect(provider.signIns).toBe(2);
});
