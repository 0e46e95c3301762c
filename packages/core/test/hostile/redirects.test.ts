import { afterAll, expect, test } from "vitest";
import { HttpError, LoginkitError, ProtocolError } from "../../src/index.js";
import { setup } from "../helpers/clients.js";
import { startServer } from "../helpers/http-server.js";
import { captureError, expectNoLeakedSecrets, PASSWORD } from "../helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

const redirect =
  (location: string, status = 302) =>
  () =>
    new Response(null, { status, headers: { location } });

/** Every URL the transport was asked for, recorded before the fake provider answers. */
function recording(kind: "vero" | "org" = "vero", options: Record<string, unknown> = {}) {
  const urls: string[] = [];
  const context = setup(kind, {
    ...options,
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      urls.push(input instanceof Request ? input.url : String(input));
      return context.provider.fetch(input, init);
    },
  });
  return { ...context, urls };
}

test.each([
  "data:text/plain,hello",
  "javascript:alert(1)",
  "file:///etc/passwd",
  "ftp://vero.test/x",
])("a redirect to %s is not followed: a ProtocolError names the scheme", async (location) => {
  const { client, provider, urls } = recording();
  await client.signIn();
  provider.faults.push(redirect(location));
  const error = await captureError(client.fetch(`${provider.origin}/api/orders`));
  expect(error).toBeInstanceOf(ProtocolError);
  expect((error as Error).message).toContain(new URL(location).protocol);
  expect(urls.every((url) => url.startsWith("https:"))).toBe(true);
});

test("a Location with user info is refused, and the password in it appears nowhere", async () => {
  const { client, provider } = recording();
  await client.signIn();
  provider.faults.push(redirect(`https://ada:${PASSWORD}@vero.test/api/elsewhere`));
  const error = await captureError(client.fetch(`${provider.origin}/api/orders`));
  expect(error).toBeInstanceOf(ProtocolError);
  expect((error as Error).message).toMatch(/user info/);
});

test.each(["http://exa mple.test/", "https://[::1/", "http://%zz/"])(
  "a malformed Location (%s) is a ProtocolError, not a raw TypeError",
  async (location) => {
    const { client, provider } = recording();
    await client.signIn();
    provider.faults.push(redirect(location));
    const error = await captureError(client.fetch(`${provider.origin}/api/orders`));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(JSON.stringify(error)).not.toContain(location);
  },
);

test("a same-origin redirect loop stops at the hop limit once: it is not retried", async () => {
  const { client, provider, urls } = recording();
  await client.signIn();
  const loop = `${provider.origin}/api/orders`;
  for (let hop = 0; hop < 100; hop++) provider.faults.push(redirect(loop));
  const before = urls.length;
  const error = await captureError(client.fetch(loop));
  expect(error).toBeInstanceOf(ProtocolError);
  expect((error as Error).message).toMatch(/redirected more than 20 times/);
  expect(urls.length - before).toBe(21);
});

test("a 307 self-loop on sign-in posts the password at most twice", async () => {
  const { client, provider } = recording("vero");
  for (let hop = 0; hop < 100; hop++) {
    provider.faults.push(redirect(`${provider.origin}/api/auth/login`, 307));
  }
  const error = await captureError(client.signIn());
  expect(error).toBeInstanceOf(LoginkitError);
  const posts = provider.requests.filter((request) => request.body.includes(PASSWORD));
  expect(posts.length).toBeLessThanOrEqual(2);
});

test("a 307 on sign-in within the same origin is followed once, body intact", async () => {
  const { client, provider } = recording("vero");
  provider.faults.push(redirect(`${provider.origin}/api/v2/auth/login`, 307));
  await expect(client.signIn()).resolves.toHaveProperty("jwt");
  expect(provider.requests.map((request) => new URL(request.url).pathname)).toEqual([
    "/api/auth/login",
    "/api/v2/auth/login",
  ]);
  expect(provider.requests[1]?.body).toContain(PASSWORD);
});

test("a 307 on sign-in to another trusted origin is handed back, not followed", async () => {
  const { client, provider } = recording("vero", { trustedOrigins: ["https://other.vero.test"] });
  provider.faults.push(redirect("https://other.vero.test/api/auth/login", 307));
  const error = await captureError(client.signIn());
  expect(error).toBeInstanceOf(HttpError);
  expect(provider.requests).toHaveLength(1);
});

test("a redirect loop on another origin, which the platform follows, is not retried either", async () => {
  const server = await startServer((path, respond) => respond(302, {}, { location: path }));
  try {
    const { client } = setup("vero", { fetch: undefined, retry: { limit: 2, baseDelay: 1 } });
    const error = await captureError(client.fetch(`${server.url}/loop`));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(server.seen.length).toBeLessThanOrEqual(21);
  } finally {
    await server.close();
  }
});

test("a redirect to data: on another origin, which the platform follows, is a ProtocolError", async () => {
  const server = await startServer((_path, respond) =>
    respond(302, {}, { location: "data:text/plain,x" }),
  );
  try {
    const { client } = setup("vero", { fetch: undefined, retry: { limit: 2, baseDelay: 1 } });
    const error = await captureError(client.fetch(`${server.url}/data`));
    expect(error).toBeInstanceOf(ProtocolError);
    expect(server.seen).toHaveLength(1);
  } finally {
    await server.close();
  }
});
