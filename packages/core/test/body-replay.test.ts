import { afterAll, expect, test } from "vitest";
import { setup } from "./helpers/clients.js";
import { statusFault } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

const bytes = new TextEncoder().encode("binary\u0000payload");

const bodies: Array<[string, () => BodyInit, string]> = [
  ["a string", () => "plain text body", "plain text body"],
  ["JSON", () => JSON.stringify({ a: 1, b: [2] }), '{"a":1,"b":[2]}'],
  ["URLSearchParams", () => new URLSearchParams({ q: "x y", n: "1" }), "q=x+y&n=1"],
  ["a Blob", () => new Blob(["blob body"], { type: "text/plain" }), "blob body"],
  ["an ArrayBuffer", () => bytes.buffer.slice(0), "binary\u0000payload"],
];

test.each(bodies)("%s body is re-sent intact on every attempt", async (_, makeBody, expected) => {
  const { client, provider } = setup("vero", { retry: { baseDelay: 0, jitter: false } });
  await client.signIn();
  provider.requests.length = 0;
  provider.faults.push(statusFault(503));
  // PUT: idempotent, so a 503 is retried.
  const response = await client.fetch("https://vero.test/api/orders", {
    method: "PUT",
    body: makeBody(),
  });
  expect(response.status).toBe(200);
  expect(provider.requests.map((request) => request.body)).toEqual([expected, expected]);
});

test("a body is re-sent intact on the replay after a rejected token", async () => {
  const { client, provider } = setup("vero");
  await client.signIn();
  provider.revokeAll();
  await client.fetch("https://vero.test/api/orders", { method: "POST", body: '{"n":1}' });
  expect(provider.requests.at(-1)?.body).toBe('{"n":1}');
  expect(provider.requests.at(-1)?.tokenIndex).toBe(1);
});

test("openapi-fetch JSON bodies survive a retry", async () => {
  const { client, provider } = setup("vero", { retry: { baseDelay: 0, jitter: false } });
  await client.signIn();
  provider.faults.push(statusFault(503));
  // biome-ignore lint/suspicious/noExplicitAny: the fixture has no generated `paths`.
  const { data } = await (client as any).PUT("/orders", { body: { id: 7 } });
  expect(data).toMatchObject({ body: '{"id":7}' });
});
