import { afterAll, expect, test, vi } from "vitest";
import { AbortError, NetworkError, RetriesExhaustedError, TimeoutError } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { useFakeClock } from "./helpers/fake-clock.js";
import { networkFault, statusFault } from "./helpers/fake-provider.js";
import { captureError, expectNoLeakedSecrets } from "./helpers/secrets.js";

const orders = "https://vero.test/api/orders";

useFakeClock();
afterAll(expectNoLeakedSecrets);

/** Signs in first so the counted requests are only the ones under test. */
async function signedIn(options: Parameters<typeof setup>[1] = {}) {
  const context = setup("vero", options);
  await context.client.signIn();
  context.provider.requests.length = 0;
  return context;
}

test("503 twice then 200 is retried and succeeds", async () => {
  const { client, provider, events } = await signedIn();
  provider.faults.push(statusFault(503), statusFault(503));
  const pending = client.fetch(orders);
  await vi.advanceTimersByTimeAsync(300 + 600);
  expect((await pending).status).toBe(200);
  expect(provider.requests).toHaveLength(3);
  expect(events.filter((event) => event.type === "retry")).toMatchObject([
    { attempt: 1, delay: 300, reason: "status", status: 503 },
    { attempt: 2, delay: 600, reason: "status", status: 503 },
  ]);
});

test("429 with Retry-After: 2 is not retried sooner than 2 s", async () => {
  const { client, provider } = await signedIn();
  provider.faults.push(statusFault(429, { "retry-after": "2" }));
  const pending = client.fetch(orders);
  await vi.advanceTimersByTimeAsync(1_999);
  expect(provider.requests).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  expect((await pending).status).toBe(200);
  expect(provider.requests).toHaveLength(2);
});

test("Retry-After as an HTTP date waits until that date", async () => {
  const { client, provider } = await signedIn();
  const at = new Date(Date.now() + 5_000).toUTCString();
  provider.faults.push(statusFault(503, { "retry-after": at }));
  const pending = client.fetch(orders);
  await vi.advanceTimersByTimeAsync(4_900);
  expect(provider.requests).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(100);
  expect((await pending).status).toBe(200);
});

test("RateLimit-Reset is read when there is no Retry-After", async () => {
  const { client, provider } = await signedIn();
  provider.faults.push(statusFault(429, { "ratelimit-reset": "3" }));
  const pending = client.fetch(orders);
  await vi.advanceTimersByTimeAsync(2_999);
  expect(provider.requests).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  expect((await pending).status).toBe(200);
});

test("Retry-After-Ms is read in milliseconds and wins over Retry-After", async () => {
  const { client, provider } = await signedIn();
  provider.faults.push(statusFault(429, { "retry-after-ms": "1500", "retry-after": "10" }));
  const pending = client.fetch(orders);
  await vi.advanceTimersByTimeAsync(1_499);
  expect(provider.requests).toHaveLength(1);
  await vi.advanceTimersByTimeAsync(1);
  expect((await pending).status).toBe(200);
});

test("a Retry-After above maxRetryAfter is not waited for: the response is returned", async () => {
  const { client, provider } = await signedIn({ retry: { maxRetryAfter: 10_000 } });
  provider.faults.push(statusFault(503, { "retry-after": "120" }));
  expect((await client.fetch(orders)).status).toBe(503);
  expect(provider.requests).toHaveLength(1);
});

test("a POST that got a 500 is not replayed", async () => {
  const { client, provider } = await signedIn();
  provider.faults.push(statusFault(500));
  expect((await client.fetch(orders, { method: "POST", body: "{}" })).status).toBe(500);
  expect(provider.requests).toHaveLength(1);
});

test("a POST to a replaySafe operation that got a 500 is replayed", async () => {
  const { client, provider } = await signedIn();
  provider.faults.push(statusFault(500));
  const pending = client.fetch(`${orders}/import`, { method: "POST", body: "{}" });
  await vi.advanceTimersByTimeAsync(300);
  expect((await pending).status).toBe(200);
  expect(provider.requests).toHaveLength(2);
});

test("a POST that got a 429 is retried: the server did not process it", async () => {
  const { client, provider } = await signedIn();
  provider.faults.push(statusFault(429, { "retry-after": "1" }));
  const pending = client.fetch(orders, { method: "POST", body: "{}" });
  await vi.advanceTimersByTimeAsync(1_000);
  expect((await pending).status).toBe(200);
});

test("a replaySafe sign-in that got a 503 or a connection error is replayed", async () => {
  const { client, provider } = setup("vero");
  provider.faults.push(statusFault(503), networkFault);
  const pending = client.fetch(orders);
  await vi.advanceTimersByTimeAsync(900);
  expect((await pending).status).toBe(200);
  expect(provider.signIns).toBe(1);
  expect(provider.requests).toHaveLength(4);
});

test("attempts exhausted on a status return the last response", async () => {
  const { client, provider } = await signedIn({ retry: { limit: 2, jitter: false } });
  provider.faults.push(statusFault(502), statusFault(502), statusFault(502), statusFault(502));
  const pending = client.fetch(orders);
  await vi.advanceTimersByTimeAsync(10_000);
  expect((await pending).status).toBe(502);
  expect(provider.requests).toHaveLength(3);
});

test("network errors exhausted throw RetriesExhaustedError with the NetworkError as cause", async () => {
  const { client, provider } = await signedIn({ retry: 1 });
  provider.faults.push(networkFault, networkFault);
  const pending = captureError(client.fetch(orders));
  await vi.advanceTimersByTimeAsync(10_000);
  const error = await pending;
  expect(error).toBeInstanceOf(RetriesExhaustedError);
  expect(error).toMatchObject({ attempts: 2 });
  expect((error as Error).cause).toBeInstanceOf(NetworkError);
});

test("a network error on a POST is not replayed and throws NetworkError", async () => {
  const { client, provider } = await signedIn();
  provider.faults.push(networkFault);
  const error = await captureError(client.fetch(orders, { method: "POST", body: "{}" }));
  expect(error).toBeInstanceOf(NetworkError);
  expect(provider.requests).toHaveLength(1);
});

test("an aborted request stops at once, backoff included", async () => {
  const { client, provider } = await signedIn();
  provider.faults.push(statusFault(503, { "retry-after": "30" }));
  const controller = new AbortController();
  const pending = captureError(client.fetch(orders, { signal: controller.signal }));
  await vi.advanceTimersByTimeAsync(10);
  expect(vi.getTimerCount()).toBe(1);
  controller.abort();
  expect(await pending).toBeInstanceOf(AbortError);
  expect(vi.getTimerCount()).toBe(0);
  expect(provider.requests).toHaveLength(1);
});

test("an abort cancels the attempt in flight", async () => {
  const { client, provider } = await signedIn();
  provider.faults.push(() => new Promise<Response>(() => {}) as unknown as Response);
  const controller = new AbortController();
  const pending = captureError(client.fetch(orders, { signal: controller.signal }));
  await vi.advanceTimersByTimeAsync(10);
  controller.abort();
  expect(await pending).toBeInstanceOf(AbortError);
});

test("a per-attempt timeout ends a hung attempt and the retry succeeds", async () => {
  const { client, provider } = await signedIn({ timeout: 1_000 });
  provider.faults.push(() => new Promise<Response>(() => {}) as unknown as Response);
  const pending = client.fetch(orders);
  await vi.advanceTimersByTimeAsync(1_000 + 300);
  expect((await pending).status).toBe(200);
  expect(provider.requests).toHaveLength(2);
});

test("a per-attempt timeout without retry throws TimeoutError", async () => {
  const { client, provider } = await signedIn({ timeout: 1_000, retry: false });
  provider.faults.push(() => new Promise<Response>(() => {}) as unknown as Response);
  const pending = captureError(client.fetch(orders));
  await vi.advanceTimersByTimeAsync(1_000);
  expect(await pending).toBeInstanceOf(TimeoutError);
});

test("shouldRetry can refuse what the rules allow", async () => {
  const { client, provider } = await signedIn({ retry: { shouldRetry: () => false } });
  provider.faults.push(statusFault(503));
  expect((await client.fetch(orders)).status).toBe(503);
  expect(provider.requests).toHaveLength(1);
});

test("the time budget stops retries that would end after it", async () => {
  const { client, provider } = await signedIn({ retry: { budget: 1_000 } });
  provider.faults.push(statusFault(503, { "retry-after": "2" }));
  expect((await client.fetch(orders)).status).toBe(503);
  expect(provider.requests).toHaveLength(1);
});

test("onRetry hears about each retry with the request's method and URL", async () => {
  const onRetry = vi.fn();
  const { client, provider } = await signedIn({ retry: { onRetry, jitter: false } });
  provider.faults.push(statusFault(503));
  const pending = client.fetch(orders);
  await vi.advanceTimersByTimeAsync(300);
  await pending;
  expect(onRetry).toHaveBeenCalledWith(
    expect.objectContaining({ attempt: 1, delay: 300, request: { method: "GET", url: orders } }),
  );
});
