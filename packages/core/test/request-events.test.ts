import { afterAll, expect, test } from "vitest";
import type { SessionEvent } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

const requestEvents = (events: SessionEvent[], url: string) =>
  events.filter(
    (event) => event.type.startsWith("request-") && "request" in event && event.request.url === url,
  );

test("a request that is retried once: start, two attempts with their status, end with the provider's request id", async () => {
  const provider = new FakeProvider("org");
  const all: SessionEvent[] = [];
  const { client } = setup(
    "org",
    { onEvent: (event) => all.push(event), retry: { baseDelay: 1, jitter: false } },
    provider,
  );
  await client.getAccessToken();
  provider.faults.push(() => new Response(null, { status: 503 }));
  provider.faults.push(() =>
    Response.json({ ok: true }, { headers: { "x-request-id": "req-7f3a" } }),
  );
  const url = "https://org.test/users?access_token=abc";
  const response = await client.fetch(url);
  expect(response.status).toBe(200);
  const shown = "https://org.test/users?access_token=%5Bredacted%5D";
  const events = requestEvents(all, shown);
  expect(events.map((event) => event.type)).toEqual([
    "request-start",
    "request-attempt",
    "request-attempt",
    "request-end",
  ]);
  expect(events[1]).toMatchObject({ attempt: 1, status: 503, duration: expect.any(Number) });
  expect(events[2]).toMatchObject({ attempt: 2, status: 200 });
  expect(events[3]).toMatchObject({
    type: "request-end",
    provider: "org-like",
    request: { method: "GET", url: shown },
    attempts: 2,
    status: 200,
    requestId: "req-7f3a",
  });
});

test("a request that fails ends with the error's name, and no request id", async () => {
  const provider = new FakeProvider("org");
  const all: SessionEvent[] = [];
  const { client } = setup("org", { onEvent: (event) => all.push(event), retry: false }, provider);
  await client.getAccessToken();
  provider.faults.push(() => {
    throw new TypeError("fetch failed");
  });
  await expect(client.fetch("https://org.test/users")).rejects.toThrow();
  const end = requestEvents(all, "https://org.test/users").at(-1);
  expect(end).toMatchObject({ type: "request-end", attempts: 1, error: "NetworkError" });
  expect(end).not.toHaveProperty("requestId");
});

test("a request id that quotes the token is left out", async () => {
  const provider = new FakeProvider("org");
  const all: SessionEvent[] = [];
  const { client } = setup("org", { onEvent: (event) => all.push(event) }, provider);
  const token = await client.getAccessToken();
  provider.faults.push(() => Response.json({}, { headers: { "x-request-id": `id-${token}` } }));
  await client.fetch("https://org.test/users");
  expect(requestEvents(all, "https://org.test/users").at(-1)).not.toHaveProperty("requestId");
});

test("a listener given types gets only those events, beside one that takes them all", async () => {
  const { client } = setup("vero");
  const signIns: string[] = [];
  const ends: string[] = [];
  const everything: string[] = [];
  client.onEvent((event) => signIns.push(event.type), { types: ["signed-in", "renewed"] });
  client.onEvent((event) => ends.push(event.type), { types: ["request-end"] });
  client.onEvent((event) => everything.push(event.type));
  await client.fetch("https://vero.test/api/orders");
  await client.fetch("https://vero.test/api/orders");
  expect(signIns).toEqual(["signed-in"]);
  // The sign-in call is a request too: three ends.
  expect(ends).toEqual(["request-end", "request-end", "request-end"]);
  expect(everything).toContain("request-start");
  expect(everything).toContain("signed-in");
});

test("an event type that does not exist is a ConfigurationError that names it", () => {
  const { client } = setup("vero");
  const add = (types: unknown) => () =>
    client.onEvent(() => {}, { types } as { types: SessionEvent["type"][] });
  expect(add(["signed-in", "signedin"])).toThrow(/"signedin" is not an event type/);
  expect(add([])).toThrow(/non-empty array/);
  expect(add("signed-in")).toThrow(/non-empty array/);
});
