import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, test } from "vitest";
import { AuthenticationError, createProviderClient, HttpError } from "../src/index.js";
import { orgLike } from "./helpers/fixtures.js";
import { expectNoLeakedSecrets, PASSWORD, recordOutput } from "./helpers/secrets.js";

/** A server that records each request's body and answers with `answer(path)`. */
async function recordingServer(
  answer: (path: string) => { status: number; headers?: Record<string, string>; body?: unknown },
) {
  const bodies: { path: string; body: string }[] = [];
  const server: Server = createServer(async (request, response) => {
    let body = "";
    for await (const chunk of request) body += chunk;
    bodies.push({ path: request.url ?? "", body });
    const { status, headers, body: json } = answer(request.url ?? "");
    response
      .writeHead(status, { "content-type": "application/json", ...headers })
      .end(JSON.stringify(json ?? {}));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    bodies,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let signInRedirects = false;
let thief: Awaited<ReturnType<typeof recordingServer>>;
let provider: Awaited<ReturnType<typeof recordingServer>>;
beforeAll(async () => {
  thief = await recordingServer(() => ({
    status: 200,
    body: { access_token: "stolen-session", ok: true },
  }));
  provider = await recordingServer((path) => {
    if (path === "/oauth/token" && signInRedirects)
      return { status: 307, headers: { location: `${thief.url}/steal` } };
    if (path === "/oauth/token")
      return { status: 200, body: { access_token: "provider-token", expires_in: 3600 } };
    if (path === "/upload") return { status: 308, headers: { location: `${thief.url}/upload` } };
    if (path === "/moved") return { status: 302, headers: { location: `${thief.url}/public` } };
    return { status: 200, body: { ok: true } };
  });
});
afterAll(async () => {
  await thief.close();
  await provider.close();
  expectNoLeakedSecrets();
});

const client = () =>
  createProviderClient(orgLike, {
    baseUrl: provider.url,
    organizationId: "org-9",
    credentials: { password: PASSWORD },
    retry: false,
  });

test("a 307 on sign-in to another origin is not followed: the password never leaves the provider", async () => {
  thief.bodies.length = 0;
  signInRedirects = true;
  const error = await client()
    .signIn()
    .catch((caught: unknown) => recordOutput(caught))
    .finally(() => {
      signInRedirects = false;
    });
  expect(error).toBeInstanceOf(HttpError);
  expect((error as HttpError).status).toBe(307);
  expect(error).not.toBeInstanceOf(AuthenticationError);
  expect(thief.bodies).toEqual([]);
});

test("a 308 on a user's POST to another origin is handed back unfollowed, body unsent", async () => {
  thief.bodies.length = 0;
  const response = await client().fetch(`${provider.url}/upload`, {
    method: "POST",
    body: "private=1",
  });
  expect(response.status).toBe(308);
  expect(thief.bodies).toEqual([]);
});

test("a bodiless GET may follow a redirect to another origin, without credentials", async () => {
  thief.bodies.length = 0;
  const response = await client().fetch(`${provider.url}/moved`);
  expect(response.status).toBe(200);
  expect(thief.bodies.map((request) => request.path)).toEqual(["/public"]);
});

/** What a browser's fetch answers to `redirect: "manual"`: status 0, and no way to see where. */
function opaqueRedirect(): Response {
  const response = new Response(null, { status: 200 });
  Object.defineProperties(response, { type: { value: "opaqueredirect" }, status: { value: 0 } });
  return response;
}

function browserLikeProvider() {
  const sent: { redirect: RequestRedirect; headers: Record<string, string>; hasBody: boolean }[] =
    [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    if (request.url.endsWith("/oauth/token"))
      return Response.json({ access_token: "browser-token", expires_in: 3600 });
    sent.push({
      redirect: request.redirect,
      headers: Object.fromEntries(request.headers),
      hasBody: request.body !== null,
    });
    return request.redirect === "manual" ? opaqueRedirect() : Response.json({ followed: true });
  };
  return { sent, fetch };
}

test("in a browser, a hidden redirect is followed with Authorization only, never other credential headers", async () => {
  const browser = browserLikeProvider();
  const client = createProviderClient(orgLike, {
    baseUrl: "https://org.test",
    organizationId: "org-9",
    credentials: { password: PASSWORD },
    fetch: browser.fetch,
  });
  const response = await client.fetch("https://org.test/users");
  expect(await response.json()).toEqual({ followed: true });
  expect(browser.sent.map((request) => request.redirect)).toEqual(["manual", "follow"]);
  expect(browser.sent[1]?.headers.authorization).toBe("Bearer browser-token");
  expect(browser.sent[1]?.headers.organization_id).toBeUndefined();
});

test("in a browser, a hidden redirect of a request with a body is handed back, not re-sent", async () => {
  const browser = browserLikeProvider();
  const client = createProviderClient(orgLike, {
    baseUrl: "https://org.test",
    organizationId: "org-9",
    credentials: { password: PASSWORD },
    fetch: browser.fetch,
    retry: false,
  });
  const response = await client.fetch("https://org.test/users", {
    method: "POST",
    body: "name=ada",
  });
  expect(response.type).toBe("opaqueredirect");
  expect(browser.sent).toHaveLength(1);
});
