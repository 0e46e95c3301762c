// Issue #20, cases 1 and 9: the caller's signal is honoured until the answer's body is read,
// then nothing stays attached to it; a stalled request body cannot hang a call.
import { getEventListeners } from "node:events";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, expect, test } from "vitest";
import { AbortError, createProviderClient, TimeoutError } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { veroLike } from "./helpers/fixtures.js";
import { expectNoLeakedSecrets, PASSWORD } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/** Sign-in from the fake provider; every other call answered at once, without its bookkeeping. */
function instantProvider() {
  const provider = new FakeProvider("vero");
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith("/auth/login")) return provider.fetch(input, init);
    return new Response('{"orders":[]}', { headers: { "content-type": "application/json" } });
  };
  return { provider, fetch };
}

test("case 1: 100,000 calls sharing one signal leave no listener on it, and the heap flat", async () => {
  const { fetch } = instantProvider();
  // No event listener: the test helper's would keep every event it sees.
  const client = createProviderClient(veroLike, {
    credentials: { email: "ada@example.com", password: PASSWORD },
    fetch,
  });
  const shutdown = new AbortController();
  // biome-ignore lint/suspicious/noExplicitAny: the fixture has no generated `paths`.
  const get = () => (client as any).GET("/orders", { signal: shutdown.signal });
  for (let call = 0; call < 1_000; call++) await get();
  collectGarbage();
  const heapBefore = process.memoryUsage().heapUsed;
  for (let call = 0; call < 100_000; call++) {
    const { data } = await get();
    if (call === 0) expect(data).toEqual({ orders: [] });
  }
  expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(0);
  collectGarbage();
  // Generous: what matters is that it does not grow with the number of calls (it once did,
  // by tens of MB per few thousand calls).
  expect(process.memoryUsage().heapUsed - heapBefore).toBeLessThan(32 * 1024 * 1024);
}, 120_000);

test("case 1: the shared signal still cancels an answer whose body is being read", async () => {
  const provider = new FakeProvider("vero");
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    if (url.endsWith("/auth/login")) return provider.fetch(input, init);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("{"));
      },
    });
    return new Response(body, { headers: { "content-type": "application/json" } });
  };
  const { client } = setup("vero", { fetch }, provider);
  const shutdown = new AbortController();
  const response = await client.fetch("https://vero.test/api/orders", { signal: shutdown.signal });
  expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(1);
  const read = response.json().catch((error: unknown) => error);
  shutdown.abort();
  expect(await read).toBeInstanceOf(AbortError);
  expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(0);
});

/** A request body that sends its first bytes and then nothing, for ever. */
function stalledStream() {
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode("{"));
    },
  });
}

const settlesWithin = <T>(promise: Promise<T>, ms: number) =>
  Promise.race([
    promise.catch((error: unknown) => error),
    new Promise((resolve) => setTimeout(() => resolve("never settled"), ms)),
  ]);

test("case 9: a caller's Request with a stalled stream body ends in a TimeoutError", async () => {
  const { client } = setup("vero");
  await client.signIn();
  const request = new Request("https://vero.test/api/orders", {
    method: "POST",
    body: stalledStream(),
    duplex: "half",
  } as RequestInit);
  const outcome = await settlesWithin(
    client.fetch(request, { loginkit: { timeout: 1_000 } }),
    5_000,
  );
  expect(outcome).toBeInstanceOf(TimeoutError);
});

test("case 9: aborting the signal of a call whose Request body stalls ends it with an AbortError", async () => {
  const { client } = setup("vero");
  await client.signIn();
  const controller = new AbortController();
  const request = new Request("https://vero.test/api/orders", {
    method: "POST",
    body: stalledStream(),
    duplex: "half",
  } as RequestInit);
  const call = client.fetch(request, { signal: controller.signal, loginkit: { timeout: 1_000 } });
  setTimeout(() => controller.abort(), 100);
  expect(await settlesWithin(call, 5_000)).toBeInstanceOf(AbortError);
});
