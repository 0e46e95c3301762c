import { afterAll, expect, test } from "vitest";
import { NetworkError } from "../src/index.js";
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

test("a GET whose answer is cut halfway is retried and the caller reads a whole body", async () => {
  const cutting = cuttingProvider(1);
  const { client } = setup(
    "vero",
    { fetch: cutting.fetch, retry: { baseDelay: 1, jitter: false } },
    cutting.provider,
  );
  const response = await client.fetch("https://vero.test/api/orders");
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true });
  expect(cutting.cuts()).toBe(1);
});

test("with retry off, the cut is a NetworkError from the call itself, not a raw error at read time", async () => {
  const cutting = cuttingProvider(1);
  const { client } = setup("vero", { fetch: cutting.fetch, retry: false }, cutting.provider);
  const error = await client.fetch("https://vero.test/api/orders").catch((caught) => caught);
  expect(error).toBeInstanceOf(NetworkError);
  expect((error as Error).message).toMatch(/cut off/);
  expect(cutting.cuts()).toBe(1);
});

test("a server-sent event stream is handed over as it arrives, not buffered", async () => {
  const cutting = cuttingProvider(1, "text/event-stream");
  const { client } = setup(
    "vero",
    { fetch: cutting.fetch, retry: { baseDelay: 1 } },
    cutting.provider,
  );
  const response = await client.fetch("https://vero.test/api/orders");
  expect(response.headers.get("content-type")).toBe("text/event-stream");
  await expect(response.text()).rejects.toThrow(/terminated/);
});
