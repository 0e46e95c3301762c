import { afterAll, afterEach, expect, test, vi } from "vitest";
import {
  createProviderClient,
  defaultRetryOptions,
  type Logger,
  type LogLevel,
  NetworkError,
  RetriesExhaustedError,
} from "../src/index.js";
import { browserFetch } from "./helpers/browser-fetch.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { orgLike, veroLike } from "./helpers/fixtures.js";
import { expectNoLeakedSecrets, PASSWORD, recordOutput } from "./helpers/secrets.js";

// Core as a bundler resolving the `browser` condition assembles it: the seams of package.json
// "imports" are the browser modules (vi.mock is hoisted above the imports).
vi.mock("#follow-redirects", () => import("../src/client/follow-redirects.browser.js"));
vi.mock("#cookie-jar", () => import("../src/transport/cookie-jar.browser.js"));
vi.mock("#transport-error", () => import("../src/transport/transport-error.browser.js"));
vi.mock("#log-environment", () => import("../src/logging/read-log-environment.browser.js"));

afterAll(expectNoLeakedSecrets);
afterEach(() => {
  vi.unstubAllEnvs();
});

/** The org-like provider, with `/moved` redirecting (302) to its own `/users`. */
function orgWithRedirect() {
  const provider = new FakeProvider("org");
  const server = (request: Request) =>
    new URL(request.url).pathname === "/moved"
      ? Promise.resolve(Response.redirect(`${provider.origin}/users`, 302))
      : provider.fetch(request);
  return { provider, server };
}

const orgClient = (
  fetch: typeof globalThis.fetch,
  options: { logger?: Logger; logLevel?: LogLevel } = {},
) =>
  createProviderClient(orgLike, {
    organizationId: "org-9",
    credentials: { password: PASSWORD },
    fetch,
    onEvent: recordOutput,
    ...options,
  });

test("signs in once, then a protected call carries the token and answers 200", async () => {
  const { provider, server } = orgWithRedirect();
  const browser = browserFetch(server);
  const client = orgClient(browser.fetch);
  const response = await client.fetch("https://org.test/users");
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ ok: true, path: "/users" });
  expect(provider.signIns).toBe(1);
  expect(provider.requests.at(-1)?.tokenIndex).toBe(0);
  expect(browser.sent.at(-1)?.headers.organization_id).toBe("org-9");
});

test("a redirect the browser hides is re-sent for the browser to follow, with Authorization only", async () => {
  const { provider, server } = orgWithRedirect();
  const browser = browserFetch(server);
  const client = orgClient(browser.fetch);
  await client.signIn();
  const response = await client.fetch("https://org.test/moved");
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ path: "/users" });
  const calls = browser.sent.slice(1).map(({ url, redirect, headers }) => ({
    path: new URL(url).pathname,
    redirect,
    token: headers.authorization !== undefined,
    organization: headers.organization_id,
  }));
  expect(calls).toEqual([
    { path: "/moved", redirect: "manual", token: true, organization: "org-9" },
    { path: "/moved", redirect: "follow", token: true, organization: undefined },
    { path: "/users", redirect: "follow", token: true, organization: undefined },
  ]);
  expect(provider.signIns).toBe(1);
});

test("a redirect fetch shows is handed to the caller as it came: core follows none by hand", async () => {
  const provider = new FakeProvider("org");
  // Not what a browser answers a manual redirect, but what a custom fetch or a service worker
  // may: the browser build has no code to follow it, so the 302 is the caller's to see.
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (new URL(request.url).pathname !== "/moved") return provider.fetch(request);
    return Response.redirect(`${provider.origin}/users`, 302);
  };
  const response = await orgClient(fetch).fetch("https://org.test/moved");
  expect(response.status).toBe(302);
  expect(response.headers.get("location")).toBe("https://org.test/users");
  expect(provider.requests.map((request) => new URL(request.url).pathname)).toEqual([
    "/oauth/token",
  ]);
});

test("keeps no cookie jar: a cookie the provider sets is not sent back by the client", async () => {
  const provider = new FakeProvider("vero");
  // A fetch that shows Set-Cookie (a browser never does): even then nothing is kept, so the
  // browser's own jar (with `credentials: "include"`) is the only one.
  const client = createProviderClient(veroLike, {
    credentials: { email: "ada@example.com", password: PASSWORD },
    fetch: provider.fetch,
    onEvent: recordOutput,
  });
  const post = (path: string) =>
    client.fetch(`https://vero.test/api/recovery/${path}`, { method: "POST", body: "{}" });
  await post("start");
  const verify = await post("verify");
  expect(verify.ok).toBe(false);
  expect(provider.requests.map((request) => request.headers.cookie)).toEqual([
    undefined,
    undefined,
  ]);
});

test("a fetch that fails is a NetworkError naming the request, retried, whatever its cause says", async () => {
  const provider = new FakeProvider("org");
  const client = orgClient(async (input, init) => {
    const request = new Request(input, init);
    if (new URL(request.url).pathname !== "/moved") return provider.fetch(request);
    // Words undici gives a redirect it refuses (the default build: a ProtocolError, never
    // retried). A browser never gives them (it says "Failed to fetch"), so the browser build
    // does not read them: a failure to fetch, retried as any other.
    throw new TypeError("fetch failed", { cause: new Error("redirect count exceeded") });
  });
  await client.signIn();
  const failure = await client.fetch("https://org.test/moved").catch((error: unknown) => error);
  expect(failure).toBeInstanceOf(RetriesExhaustedError);
  expect((failure as RetriesExhaustedError).attempts).toBe(defaultRetryOptions.limit + 1);
  const last = (failure as RetriesExhaustedError).lastError;
  expect(last).toBeInstanceOf(NetworkError);
  expect((last as NetworkError).message).toBe("GET https://org.test/moved got no response");
});

test("LOGINKIT_LOG turns on no logging (a page has no environment); logLevel does", async () => {
  vi.stubEnv("LOGINKIT_LOG", "debug");
  const lines: string[] = [];
  const log = (line: string) => void lines.push(line);
  const logger = { debug: log, info: log, warn: log, error: log };
  const provider = new FakeProvider("org");
  await orgClient(provider.fetch, { logger }).fetch("https://org.test/users");
  expect(lines).toEqual([]);
  await orgClient(provider.fetch, { logger, logLevel: "info" }).fetch("https://org.test/users");
  expect(lines).toEqual([expect.stringMatching(/^\[loginkit\] .*signed-in/)]);
});
