// Issue #20, cases 5, 6, 7, 8 and 15: every "may this go out again?" answered by one policy.
import { afterAll, afterEach, expect, test, vi } from "vitest";
import { createProviderClient } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { startFakeClock } from "./helpers/fake-clock.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { orgLike } from "./helpers/fixtures.js";
import { expectNoLeakedSecrets, PASSWORD } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);
afterEach(() => {
  vi.useRealTimers();
});

/** What a browser answers to `redirect: "manual"`: it hides where the redirect goes. */
function opaqueRedirect(): Response {
  const response = new Response(null, { status: 200 });
  Object.defineProperties(response, { type: { value: "opaqueredirect" }, status: { value: 0 } });
  return response;
}

test("case 5: in a browser, a DELETE answered by a hidden redirect runs once on the server", async () => {
  const sent: string[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.endsWith("/oauth/token")) {
      return Response.json({ access_token: "browser-token", expires_in: 3600 });
    }
    sent.push(`${request.method} ${request.redirect}`);
    return request.redirect === "manual" ? opaqueRedirect() : Response.json({ followed: true });
  };
  const client = createProviderClient(orgLike, {
    baseUrl: "https://org.test",
    organizationId: "org-9",
    credentials: { password: PASSWORD },
    fetch,
  });
  const response = await client.fetch("https://org.test/users/7", { method: "DELETE" });
  expect(response.type).toBe("opaqueredirect");
  expect(sent).toEqual(["DELETE manual"]);
});

test("case 6: an attempt abandoned after its timeout never takes the token off the attempt that follows", async () => {
  startFakeClock();
  const provider = new FakeProvider("vero");
  const seen: (string | null)[] = [];
  let calls = 0;
  // An async custom transport: it reads the request a moment after it is handed over, and the
  // first attempt's answer comes long after that attempt was given up.
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    if (!String(input instanceof Request ? input.url : input).endsWith("/orders")) {
      return provider.fetch(input, init);
    }
    const call = ++calls;
    await new Promise((resolve) => setTimeout(resolve, call === 1 ? 31_000 : 1_000));
    const request = input instanceof Request ? input : new Request(input, init);
    seen.push(request.headers.get("authorization"));
    return Response.json({ call });
  };
  const { client } = setup("vero", { fetch }, provider);
  await client.signIn();
  const outcome = client.fetch("https://vero.test/api/orders");
  await vi.advanceTimersByTimeAsync(40_000);
  const response = await outcome;
  expect(response.status).toBe(200);
  // Both attempts read their own request: the second still carries its token.
  expect(seen).toHaveLength(2);
  expect(seen[1]).toMatch(/^Bearer /);
});

test("case 7: `loginkit: { auth: \"none\" }` on a user's call follows redirects as a user's call does", async () => {
  const provider = new FakeProvider("vero");
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    if (path === "/api/a")
      return new Response(null, { status: 302, headers: { location: "/api/b" } });
    if (path === "/api/b")
      return new Response(null, { status: 302, headers: { location: "/api/c" } });
    if (path === "/api/c") return Response.json({ arrived: true });
    return provider.fetch(request);
  };
  const { client } = setup("vero", { fetch }, provider);
  const response = await client.fetch("https://vero.test/api/a", { loginkit: { auth: "none" } });
  expect(await response.json()).toEqual({ arrived: true });
  expect(provider.signIns).toBe(0);
});

test("case 8: a 401 while a deferred renewal is in flight is not replayed with the refused token", async () => {
  vi.useFakeTimers({ toFake: ["Date"], now: new Date("2030-01-01T00:00:00Z") });
  const provider = new FakeProvider("org", 3_600_000);
  let releaseRefusal = () => {};
  const refusalGate = new Promise<void>((resolve) => {
    releaseRefusal = resolve;
  });
  let releaseRefresh = () => {};
  const refreshGate = new Promise<void>((resolve) => {
    releaseRefresh = resolve;
  });
  let refreshes = 0;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const path = new URL(request.url).pathname;
    const bearer = request.headers.get("authorization")?.replace(/^Bearer /, "");
    if (path === "/oauth/refresh" && ++refreshes <= 3) {
      // The token endpoint is down for a moment (every retry of it): this renewal is deferred.
      await refreshGate;
      return Response.json({ error: "unavailable" }, { status: 503 });
    }
    if (path === "/reports" && bearer === provider.issued[0]) {
      await refusalGate;
      return Response.json({ error_code: "TOKEN_EXPIRED" }, { status: 401 });
    }
    return provider.fetch(request);
  };
  const { client, events } = setup("org", { fetch }, provider);
  await client.signIn();
  const refused = client.fetch("https://org.test/reports");
  // The token is now due for renewal (still valid): the next call starts one, which is deferred.
  vi.setSystemTime(Date.now() + 3_600_000 - 10_000);
  const renewing = client.fetch("https://org.test/users");
  await new Promise((resolve) => setTimeout(resolve, 10));
  releaseRefusal();
  await new Promise((resolve) => setTimeout(resolve, 10));
  releaseRefresh();
  expect((await renewing).status).toBe(200);
  expect((await refused).status).toBe(200);
  expect((await client.fetch("https://org.test/reports")).status).toBe(200);
  expect(events.filter((event) => event.type === "renewal-skipped")).toHaveLength(0);
  expect(events.some((event) => event.type === "renewal-deferred")).toBe(true);
});

test("case 15: once an endpoint accepted the token, a revoked token there is renewed at once, not refused for a minute", async () => {
  const provider = new FakeProvider("org");
  let lateRefusals = 1;
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const bearer = request.headers.get("authorization")?.replace(/^Bearer /, "");
    const path = new URL(request.url).pathname;
    // The freshly issued token is not known at /admin yet the first time (a late 401).
    if (path === "/admin" && bearer === provider.issued[1] && lateRefusals > 0) {
      lateRefusals--;
      return Response.json({ error_code: "TOKEN_EXPIRED" }, { status: 401 });
    }
    return provider.fetch(request);
  };
  const { client, events } = setup("org", { fetch }, provider);
  await client.signIn();
  provider.revokeAll();
  // Refused, renewed, refused again once: the guard is armed for /admin.
  expect((await client.fetch("https://org.test/admin")).status).toBe(401);
  // /admin accepts that token now: it is not a "forbidden" endpoint after all.
  expect((await client.fetch("https://org.test/admin")).status).toBe(200);
  // Then the token is really revoked: the next call renews and succeeds.
  provider.revokeAll();
  expect((await client.fetch("https://org.test/admin")).status).toBe(200);
  expect(events.filter((event) => event.type === "renewal-skipped")).toHaveLength(0);
});
