import { afterAll, expect, test } from "vitest";
import { NetworkError, TimeoutError } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

/** A JSON response whose body breaks off after its first bytes, as when a connection is reset. */
function cutResponse(contentType = "application/json"): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"orders": [1, 2'));
      controller.error(new TypeError("terminated"));
    },
  });
  return new Response(body, { status: 200, headers: { "content-type": contentType } });
}

function cuttingProvider(times: number, contentType?: string) {
  const provider = new FakeProvider("vero");
  let cuts = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.endsWith("/orders") && cuts < times) {
      cuts++;
      return cutResponse(contentType);
    }
    return provider.fetch(request);
  };
  return { provider, fetch, cuts: () => cuts };
}

test("a GET whose answer is cut while the caller reads it is the caller's NetworkError, and is not sent again", async () => {
  const cutting = cuttingProvider(1);
  const { client } = setup(
    "vero",
    { fetch: cutting.fetch, retry: { baseDelay: 1, jitter: false } },
    cutting.provider,
  );
  const response = await client.fetch("https://vero.test/api/orders");
  expect(response.status).toBe(200);
  const error = await response.json().catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(NetworkError);
  expect(cutting.cuts()).toBe(1);
  expect(
    cutting.provider.requests.filter((request) => request.url.endsWith("/orders")),
  ).toHaveLength(0);
});

test("with retry off, the cut is a NetworkError when the body is read, not a raw platform error", async () => {
  const cutting = cuttingProvider(1);
  const { client } = setup("vero", { fetch: cutting.fetch, retry: false }, cutting.provider);
  // Nothing to retry, so nothing is buffered: the answer is handed over as it arrives.
  const response = await client.fetch("https://vero.test/api/orders");
  const error = await response.json().catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(NetworkError);
  expect((error as Error).message).toMatch(/cut off/);
  expect(cutting.cuts()).toBe(1);
});

test("through openapi-fetch, a cut answer that cannot be retried rejects the call with a NetworkError", async () => {
  const cutting = cuttingProvider(1);
  const { client } = setup("vero", { fetch: cutting.fetch, retry: false }, cutting.provider);
  const error = await client.GET("/api/orders" as never).catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(NetworkError);
  expect(cutting.cuts()).toBe(1);
});

test("a body that stalls ends in a TimeoutError when read, and the transfer is aborted", async () => {
  let cancelled = false;
  const provider = new FakeProvider("vero");
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (!request.url.endsWith("/orders")) return provider.fetch(request);
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode("{"));
        init?.signal?.addEventListener("abort", () => {
          cancelled = true;
          controller.error(init.signal?.reason);
        });
      },
    });
    return new Response(body, { headers: { "content-type": "application/json" } });
  };
  const { client } = setup("vero", { fetch, retry: false, timeout: 50 }, provider);
  const response = await client.fetch("https://vero.test/api/orders");
  const error = await response.json().catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TimeoutError);
  expect(cancelled).toBe(true);
});

test("a server-sent event stream is handed over as it arrives, and a cut in it is a NetworkError", async () => {
  const cutting = cuttingProvider(1, "text/event-stream");
  const { client } = setup(
    "vero",
    { fetch: cutting.fetch, retry: { baseDelay: 1 } },
    cutting.provider,
  );
  const response = await client.fetch("https://vero.test/api/orders");
  expect(response.headers.get("content-type")).toBe("text/event-stream");
  const error = await response.text().catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(NetworkError);
  expect(cutting.cuts()).toBe(1);
});
