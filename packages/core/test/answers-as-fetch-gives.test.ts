// Issue #20, cases 2, 3, 4 and 14: an answer goes back as fetch gave it; reading it is the
// caller's business and never a reason to send anything again; a stall is silence, not length.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, expect, test, vi } from "vitest";
import { NetworkError, TimeoutError } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { startFakeClock } from "./helpers/fake-clock.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);
afterEach(() => {
  vi.useRealTimers();
});

const encode = (text: string) => new TextEncoder().encode(text);

/** The provider behind `answer` for `/api/orders`; sign-in as usual. Counts the orders calls. */
function answering(answer: (call: number, request: Request) => Response | Promise<Response>) {
  const provider = new FakeProvider("vero");
  let calls = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (!new URL(request.url).pathname.startsWith("/api/orders")) return provider.fetch(request);
    calls++;
    return answer(calls, request);
  };
  return { provider, fetch, calls: () => calls };
}

function cutAnswer(): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encode('{"orders": [1, 2'));
      controller.error(new TypeError("terminated"));
    },
  });
  return new Response(body, { headers: { "content-type": "application/json" } });
}

test("case 2: a 200 cut mid-body is the caller's NetworkError; nothing is sent again, no other answer shows through it", async () => {
  const api = answering((call) =>
    call === 1 ? cutAnswer() : Response.json({ error: "unavailable" }, { status: 503 }),
  );
  const { client } = setup("vero", { fetch: api.fetch }, api.provider);
  // biome-ignore lint/suspicious/noExplicitAny: the fixture has no generated `paths`.
  const outcome = await (client as any).GET("/orders").catch((error: unknown) => error);
  expect(outcome).toBeInstanceOf(NetworkError);
  expect(api.calls()).toBe(1);
});

test.each(["GET", "PUT", "DELETE", "POST"])(
  "case 3: reading a %s answer twice is fetch's own TypeError, and sends nothing again",
  async (method) => {
    const api = answering(() => Response.json({ ok: true }));
    const { client } = setup("vero", { fetch: api.fetch }, api.provider);
    const response = await client.fetch("https://vero.test/api/orders", {
      method,
      ...(method === "GET" || method === "DELETE" ? {} : { body: "{}" }),
    });
    expect(await response.json()).toEqual({ ok: true });
    const second = await response.text().catch((error: unknown) => error);
    expect(second).toBeInstanceOf(TypeError);
    expect((second as Error).message).toMatch(/unusable/i);
    expect(api.calls()).toBe(1);
  },
);

test("case 4: a large answer that arrives slowly but steadily is read whole, once, with the default timeout", async () => {
  startFakeClock();
  const chunks = 12;
  const api = answering(() => {
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        // One chunk every 10 s: two minutes in all, four times the 30 s default timeout.
        await new Promise((resolve) => setTimeout(resolve, 10_000));
        controller.enqueue(encode(`chunk ${sent};`));
        if (++sent === chunks) controller.close();
      },
    });
    return new Response(body, { headers: { "content-type": "text/plain" } });
  });
  const { client } = setup("vero", { fetch: api.fetch }, api.provider);
  const response = await client.fetch("https://vero.test/api/orders");
  const text = response.text();
  await vi.advanceTimersByTimeAsync(chunks * 10_000 + 1_000);
  expect((await text).split(";").filter(Boolean)).toHaveLength(chunks);
  expect(api.calls()).toBe(1);
});

test("case 14: a stalled application/octet-stream answer ends in a TimeoutError after the default timeout", async () => {
  startFakeClock();
  const api = answering(() => {
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encode("first bytes"));
      },
    });
    return new Response(body, { headers: { "content-type": "application/octet-stream" } });
  });
  const { client } = setup("vero", { fetch: api.fetch, retry: false }, api.provider);
  const response = await client.fetch("https://vero.test/api/orders");
  const read = response.arrayBuffer().catch((error: unknown) => error);
  await vi.advanceTimersByTimeAsync(31_000);
  expect(await read).toBeInstanceOf(TimeoutError);
  expect(api.calls()).toBe(1);
});

test("case 14: an upload to a server that never reads ends in a TimeoutError, and the caller's stream is cancelled, not pulled to its end", async () => {
  const server = createServer(() => {
    // Never reads the request body, never answers.
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const provider = new FakeProvider("vero");
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.startsWith(origin)) return globalThis.fetch(request, init);
    return provider.fetch(request);
  };
  let pulled = 0;
  let cancelled = false;
  const chunk = new Uint8Array(64 * 1024);
  const upload = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled += chunk.byteLength;
      controller.enqueue(chunk);
    },
    cancel() {
      cancelled = true;
    },
  });
  // A short timeout only so the test is quick: what is tested is what happens after it.
  const { client } = setup("vero", { fetch, timeout: 1_000, trustedOrigins: [origin] }, provider);
  try {
    const outcome = await client
      .fetch(`${origin}/api/uploads`, {
        method: "POST",
        body: upload,
        duplex: "half",
      } as RequestInit)
      .catch((error: unknown) => error);
    expect(outcome).toBeInstanceOf(TimeoutError);
    const pulledAtTimeout = pulled;
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(cancelled).toBe(true);
    expect(pulled - pulledAtTimeout).toBeLessThan(8 * 1024 * 1024);
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});
