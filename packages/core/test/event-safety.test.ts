// Issue #20, cases 11 and 12: every value in an event is scrubbed, request ids too, in every
// encoding; a listener can never hurt a request or the process.
import { afterAll, afterEach, expect, test, vi } from "vitest";
import type { SessionEvent } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets, PASSWORD } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);
afterEach(() => {
  vi.restoreAllMocks();
});

const base64 = (text: string) => Buffer.from(text).toString("base64");
const base64url = (text: string) => Buffer.from(text).toString("base64url");

/** A provider that puts `encode(token or password)` in its request-id header. */
function echoingProvider(encode: (secret: string, token: string) => string) {
  const provider = new FakeProvider("vero");
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const response = await provider.fetch(input, init);
    const token = provider.issued.at(-1) ?? "";
    const headers = new Headers(response.headers);
    headers.set("x-request-id", encode(PASSWORD, token));
    return new Response(response.body, { status: response.status, headers });
  };
  return { provider, fetch };
}

test.each([
  ["the token, base64", (_: string, token: string) => base64(token)],
  ["the token, base64url", (_: string, token: string) => base64url(token)],
  ["the password, base64", (password: string) => base64(password)],
  ["user:password, base64 (Basic)", (password: string) => base64(`ada:${password}`)],
])("case 11: a request id holding %s never reaches an event", async (_, encode) => {
  const { provider, fetch } = echoingProvider(encode);
  const seen: SessionEvent[] = [];
  const { client } = setup("vero", { fetch, onEvent: (event) => seen.push(event) }, provider);
  await client.fetch("https://vero.test/api/orders");
  const ends = seen.filter((event) => event.type === "request-end");
  expect(ends.length).toBeGreaterThan(0);
  const token = provider.issued.at(-1) ?? "";
  const forbidden = encode(PASSWORD, token);
  const text = JSON.stringify(seen);
  expect(text).not.toContain(forbidden);
  expect(text).not.toContain(forbidden.slice(8, 40));
});

test("case 12: an async listener that rejects is caught and reported once; requests and the process go on", async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown) => unhandled.push(reason);
  process.on("unhandledRejection", onUnhandled);
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  try {
    const { client } = setup("vero");
    client.onEvent(async () => {
      throw new Error(`listener broke, ${PASSWORD}`);
    });
    for (let call = 0; call < 3; call++) {
      expect((await client.fetch("https://vero.test/api/orders")).status).toBe(200);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toHaveLength(0);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]?.[0])).not.toContain(PASSWORD);
  } finally {
    process.off("unhandledRejection", onUnhandled);
  }
});

test("case 12: a listener that throws synchronously is reported once, and the request succeeds", async () => {
  const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
  const { client } = setup("vero");
  client.onEvent(() => {
    throw new TypeError("broken logger");
  });
  for (let call = 0; call < 3; call++) {
    expect((await client.fetch("https://vero.test/api/orders")).status).toBe(200);
  }
  expect(warn).toHaveBeenCalledTimes(1);
});
