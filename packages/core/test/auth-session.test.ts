import { afterAll, describe, expect, test, vi } from "vitest";
import { ConfigurationError, createProviderClient } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { useFakeClock } from "./helpers/fake-clock.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { pulseLike, veroLike } from "./helpers/fixtures.js";
import { captureError, expectNoLeakedSecrets } from "./helpers/secrets.js";

useFakeClock();
afterAll(expectNoLeakedSecrets);

describe("lazy sign-in", () => {
  test("signs in on the first protected request and sends the bearer token", async () => {
    const { client, provider } = setup("vero");
    const { data, response } = await client.GET("/orders" as never);
    expect(response.status).toBe(200);
    expect(data).toMatchObject({ ok: true, path: "/api/orders" });
    expect(provider.signIns).toBe(1);
    const [signIn, orders] = provider.requests;
    expect(signIn?.headers.authorization).toBeUndefined();
    expect(JSON.parse(signIn?.body ?? "")).toMatchObject({ email: "ada@example.com" });
    expect(orders?.headers.authorization).toBe(`Bearer ${provider.issued[0]}`);
  });

  test("public operations go without a token and without signing in", async () => {
    const { client, provider } = setup("vero");
    await client.fetch("https://vero.test/api/recovery/start", { method: "POST", body: "{}" });
    expect(provider.signIns).toBe(0);
    expect(provider.requests[0]?.headers.authorization).toBeUndefined();
  });

  test("a path given to client.fetch is appended to the base URL, as openapi-fetch does, and authenticated", async () => {
    const { client, provider } = setup("vero");
    const response = await client.fetch("/orders");
    expect(response.status).toBe(200);
    expect(provider.requests[1]?.url).toBe("https://vero.test/api/orders");
    expect(provider.requests[1]?.headers.authorization).toBe(`Bearer ${provider.issued[0]}`);
  });

  test("reuses the token until it is due for renewal", async () => {
    const { client, provider } = setup("vero");
    await client.fetch("https://vero.test/api/orders");
    await client.fetch("https://vero.test/api/orders");
    expect(provider.signIns).toBe(1);
  });

  test("substitutes path inputs and signs in at the operation's own server", async () => {
    const { client, provider } = setup("enad");
    await client.fetch("https://api.enad.test/api/v1/app-1/devices");
    expect(provider.requests[0]?.url).toBe("https://auth.enad.test/api/v1/app-1/auth/login");
    expect(provider.requests[1]?.headers.authorization).toBe(`Bearer ${provider.issued[0]}`);
  });

  test("sends a header input read from the sign-in response when the option is not set", async () => {
    const { client, provider } = setup("pulse");
    await client.fetch("https://pulse.test/contacts");
    expect(provider.requests[1]?.headers["x-account-id"]).toBe("acct-42");
  });

  test("an explicit header input option wins over the sign-in response", async () => {
    const { client, provider } = setup("pulse", { accountId: "acct-7" });
    await client.fetch("https://pulse.test/contacts");
    expect(provider.requests[1]?.headers["x-account-id"]).toBe("acct-7");
  });

  test("presents the token in an apiKey header when the scheme says so", async () => {
    const provider = new FakeProvider("pulse");
    const description = {
      ...pulseLike,
      securityScheme: { type: "apiKey", in: "header", name: "X-Session" },
    } as const;
    const client = createProviderClient(description, {
      credentials: { password: "pw-Sup3rSecret-PASSWORD" },
      fetch: provider.fetch,
    });
    await client.fetch("https://pulse.test/contacts");
    expect(provider.requests[1]?.headers["x-session"]).toBe(provider.issued[0]);
    expect(provider.requests[1]?.headers.authorization).toBeUndefined();
  });
});

describe("renewal before expiry", () => {
  test("signs in again lazily inside the skew window, with no timer", async () => {
    const { client, provider, events } = setup("vero", { renewBeforeExpiry: 60_000 });
    await client.fetch("https://vero.test/api/orders");
    expect(vi.getTimerCount()).toBe(0);
    vi.setSystemTime(Date.now() + 3_600_000 - 59_000);
    await client.fetch("https://vero.test/api/orders");
    expect(provider.signIns).toBe(2);
    expect(events.map((event) => event.type)).toEqual(["signed-in", "renewed"]);
  });

  test("uses the refresh operation when the provider has one", async () => {
    const { client, provider } = setup("org");
    await client.fetch("https://org.test/users");
    vi.setSystemTime(Date.now() + 3_600_000);
    await client.fetch("https://org.test/users");
    expect([provider.signIns, provider.refreshes]).toEqual([1, 1]);
    expect(JSON.parse(provider.requests[2]?.body ?? "")).toEqual({
      refresh_token: "refresh-0-REFRESH",
    });
    expect(provider.requests[3]?.headers.authorization).toBe(`Bearer ${provider.issued[1]}`);
  });

  test("falls back to one sign-in when the refresh token is refused", async () => {
    const { client, provider } = setup("org");
    await client.fetch("https://org.test/users");
    vi.setSystemTime(Date.now() + 100 * 3_600_000);
    const { status } = await client.fetch("https://org.test/users");
    expect(status).toBe(200);
    expect([provider.signIns, provider.refreshes]).toEqual([2, 1]);
  });

  test("reads expiry from a JWT exp claim when the response gives none", async () => {
    const description = { ...veroLike, token: { accessToken: "$response.body#/jwt" } };
    const provider = new FakeProvider("vero");
    const client = createProviderClient(description, {
      credentials: { password: "pw-Sup3rSecret-PASSWORD" },
      fetch: provider.fetch,
    });
    await client.fetch("https://vero.test/api/orders");
    vi.setSystemTime(Date.now() + 3_600_000);
    await client.fetch("https://vero.test/api/orders");
    expect(provider.signIns).toBe(2);
  });
});

describe("explicit session calls", () => {
  test("login returns the sign-in body and getAccessToken the token", async () => {
    const { client, provider } = setup("pulse");
    await expect(client.signIn()).resolves.toMatchObject({
      primaryAccount: { accountId: "acct-42" },
    });
    await expect(client.getAccessToken()).resolves.toBe(provider.issued[0]);
    expect(provider.signIns).toBe(1);
  });

  test("session() calls the session operation with the token", async () => {
    const { client } = setup("pulse");
    await expect(client.session()).resolves.toEqual({ user: { id: "u1" } });
  });

  test("session() without a session operation throws a ConfigurationError", async () => {
    const { client } = setup("vero");
    expect(await captureError(client.session())).toBeInstanceOf(ConfigurationError);
  });

  test("logout calls the sign-out operation and the next request signs in again", async () => {
    const { client, provider, events } = setup("vero");
    await client.signIn();
    await client.signOut();
    expect(provider.requests[1]?.url).toBe("https://vero.test/api/auth/logout");
    expect(provider.requests[1]?.headers.authorization).toBe(`Bearer ${provider.issued[0]}`);
    await client.fetch("https://vero.test/api/orders");
    expect(provider.signIns).toBe(2);
    expect(events.map((event) => event.type)).toContain("signed-out");
  });

  test("renew() refreshes now", async () => {
    const { client, provider } = setup("org");
    await client.signIn();
    await client.renew();
    expect(provider.refreshes).toBe(1);
    await expect(client.getAccessToken()).resolves.toBe(provider.issued[1]);
  });

  test("a provider without servers needs baseUrl", () => {
    expect(() => createProviderClient({ ...veroLike, servers: [] }, {})).toThrow(/baseUrl/);
  });

  test("a required input without default must be given", () => {
    expect(() =>
      createProviderClient(
        { ...veroLike, inputs: [{ option: "appId", in: "path", name: "app_id", required: true }] },
        {},
      ),
    ).toThrow(ConfigurationError);
  });
});
