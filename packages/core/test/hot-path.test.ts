import { afterAll, expect, test } from "vitest";
import { setup } from "./helpers/clients.js";
import { expectNoLeakedSecrets } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

test("openapi-fetch's own Request carries the token to the provider, and no middleware sees it after", async () => {
  const { client, provider } = setup("vero");
  const seenByMiddleware: (string | null)[] = [];
  client.use({
    onResponse({ request }) {
      seenByMiddleware.push(request.headers.get("authorization"));
    },
  });
  const { response } = await client.GET("/orders" as never);
  expect(response.status).toBe(200);
  expect(provider.requests.at(-1)?.headers.authorization).toBe(`Bearer ${provider.issued[0]}`);
  expect(seenByMiddleware).toEqual([null]);
});

test("a Request the caller built is sent with the token but is not changed", async () => {
  const { client, provider } = setup("vero");
  const request = new Request("https://vero.test/api/orders", {
    headers: { accept: "text/plain" },
  });
  const response = await client.fetch(request);
  expect(response.status).toBe(200);
  expect(provider.requests.at(-1)?.headers.authorization).toBe(`Bearer ${provider.issued[0]}`);
  expect([...request.headers]).toEqual([["accept", "text/plain"]]);
});

test("on a replay after a 401, the hot path sends the renewed token, never both", async () => {
  const { client, provider } = setup("vero");
  await client.signIn();
  provider.revokeAll();
  const { response } = await client.GET("/orders" as never);
  expect(response.status).toBe(200);
  const orders = provider.requests.filter((request) => request.url.endsWith("/orders"));
  expect(orders.map((request) => request.headers.authorization)).toEqual([
    `Bearer ${provider.issued[0]}`,
    `Bearer ${provider.issued[1]}`,
  ]);
});

test("a redirect answered on the hot path is followed by hand, credentials only on trusted hops", async () => {
  const seen: { url: string; authorization: string | null }[] = [];
  const { client, provider } = setup("vero");
  const { client: redirected } = setup(
    "vero",
    {
      fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        if (request.url.endsWith("/api/auth/login")) return provider.fetch(request);
        seen.push({ url: request.url, authorization: request.headers.get("authorization") });
        if (request.url.startsWith("https://elsewhere.test")) return Response.json({ ok: true });
        const location = "https://elsewhere.test/orders";
        return new Response(null, { status: 302, headers: { location } });
      },
    },
    provider,
  );
  void client;
  const { data, response } = await redirected.GET("/orders" as never);
  expect(response.status).toBe(200);
  expect(data).toEqual({ ok: true });
  expect(seen).toEqual([
    { url: "https://vero.test/api/orders", authorization: `Bearer ${provider.issued[0]}` },
    { url: "https://elsewhere.test/orders", authorization: null },
  ]);
});
