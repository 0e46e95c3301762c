import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, expect, test } from "vitest";
import {
  AbortError,
  createProviderClient,
  HttpError,
  LoginkitError,
  ProtocolError,
} from "../../src/index.js";
import { setup } from "../helpers/clients.js";
import { FakeProvider } from "../helpers/fake-provider.js";
import { veroLike } from "../helpers/fixtures.js";
import {
  answer,
  collectGarbage,
  endlessBody,
  settlesWithin,
  stalledBody,
} from "../helpers/hostile-bodies.js";
import { captureError, expectNoLeakedSecrets, PASSWORD } from "../helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

const RETRIES = [
  ["retry off", false],
  ["one quick retry", { limit: 1, baseDelay: 0, jitter: false }],
] as const;
const TYPES = ["application/json", "application/octet-stream", "text/html"];

test.each(RETRIES.flatMap(([name, retry]) => TYPES.map((type) => [name, type, retry] as const)))(
  "a sign-in answer that stalls after its headers (%s, %s) times out, frees the body, and the next login works",
  async (_name, contentType, retry) => {
    const { client, provider } = setup("vero", { timeout: 40, retry });
    const bodies = [stalledBody(), stalledBody()];
    provider.faults.push(
      () => answer(bodies[0] ?? "", 200, contentType),
      () => answer(bodies[1] ?? "", 200, contentType),
    );
    const first = client.signIn();
    expect(await settlesWithin(first, 5_000)).toBe("settled");
    const error = await captureError(first);
    expect(error).toBeInstanceOf(LoginkitError);
    expect((error as Error).name).toMatch(/TimeoutError|RetriesExhaustedError/);
    const attempts = retry === false ? 1 : 2;
    expect(bodies.slice(0, attempts).map((body) => body.cancelled())).toEqual(
      Array(attempts).fill(true),
    );
    provider.faults.length = 0;
    await expect(client.signIn()).resolves.toHaveProperty("jwt");
  },
);

test("an endless sign-in answer stops being read when the attempt times out", async () => {
  const { client, provider } = setup("vero", {
    timeout: 50,
    retry: false,
    maxResponseBytes: 2 ** 40,
  });
  const body = endlessBody();
  provider.faults.push(() => answer(body));
  const error = await captureError(client.signIn());
  expect((error as Error).name).toBe("TimeoutError");
  expect(body.cancelled()).toBe(true);
  const pulled = body.pulledBytes();
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(body.pulledBytes()).toBe(pulled);
});

test("a 100 MB sign-in answer is refused at maxResponseBytes, naming the cap, without reading it all", async () => {
  const { client, provider } = setup("vero", { retry: false });
  const body = endlessBody(100 * 1024 * 1024);
  provider.faults.push(() => answer(body));
  const error = await captureError(client.signIn());
  expect(error).toBeInstanceOf(ProtocolError);
  expect((error as Error).message).toMatch(/maxResponseBytes/);
  expect((error as Error).message).toMatch(/1048576 bytes/);
  expect(body.cancelled()).toBe(true);
  expect(body.pulledBytes()).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
});

test("a configured maxResponseBytes applies to refresh answers too", async () => {
  const { client, provider } = setup("org", { retry: false, maxResponseBytes: 2_000 });
  await client.signIn();
  provider.faults.push(() => answer(JSON.stringify({ access_token: "x".repeat(3_000) })));
  const error = await captureError(client.renew());
  expect(error).toBeInstanceOf(ProtocolError);
  expect((error as Error).message).toMatch(/maxResponseBytes \(2000 bytes\)/);
});

test("a 240 KB HTML error page is cut to maxErrorBodyBytes in HttpError.body", async () => {
  const { client, provider } = setup("vero", { retry: false });
  const page = `<html>${"<p>Bad gateway</p>".repeat(14_000)}</html>`;
  expect(page.length).toBeGreaterThan(240_000);
  provider.faults.push(() => answer(page, 502, "text/html"));
  const error = (await captureError(client.signIn())) as HttpError;
  expect(error).toBeInstanceOf(HttpError);
  expect(typeof error.body).toBe("string");
  const body = error.body as string;
  expect(body.length).toBeLessThan(64 * 1024 + 200);
  expect(body).toMatch(/maxErrorBodyBytes/);
  expect(JSON.stringify(error).length).toBeLessThan(64 * 1024 + 1_000);
});

test("a refresh answer that stalls times out and the waiting request gets a typed error", async () => {
  const { client, provider } = setup("org", { timeout: 40, retry: false });
  await client.signIn();
  const body = stalledBody();
  provider.faults.push(() => answer(body));
  const renewal = client.renew();
  expect(await settlesWithin(renewal, 5_000)).toBe("settled");
  expect(await captureError(renewal)).toHaveProperty("name", "TimeoutError");
  expect(body.cancelled()).toBe(true);
});

test("a sign-out answer that stalls does not keep signOut() waiting, and the session ends", async () => {
  const { client, provider } = setup("vero", { timeout: 40, retry: false });
  await client.signIn();
  const body = stalledBody();
  provider.faults.push(() => answer(body));
  const logout = client.signOut();
  expect(await settlesWithin(logout, 5_000)).toBe("settled");
  await logout.catch(() => {});
  expect(body.cancelled()).toBe(true);
  await client.fetch(`${provider.origin}/api/orders`);
  expect(provider.signIns).toBe(2);
});

test("session() reads the who-am-I answer under the timeout too", async () => {
  const { client, provider } = setup("pulse", { timeout: 40, retry: false });
  await client.signIn();
  const body = stalledBody();
  provider.faults.push(() => answer(body));
  const reading = client.session();
  expect(await settlesWithin(reading, 5_000)).toBe("settled");
  expect(await captureError(reading)).toHaveProperty("name", "TimeoutError");
  expect(body.cancelled()).toBe(true);
});

test("the transport gets the attempt's signal in its init, so an abort does not depend on a Request object", async () => {
  const provider = new FakeProvider("vero");
  const signals: (AbortSignal | undefined)[] = [];
  const { client } = setup("vero", {
    fetch: (input: RequestInfo | URL, init?: RequestInit) => {
      signals.push(init?.signal ?? undefined);
      return provider.fetch(input, init);
    },
  });
  const controller = new AbortController();
  await client.fetch(`${provider.origin}/api/orders`, { signal: controller.signal });
  expect(signals).toHaveLength(2);
  expect(signals.every((signal) => signal instanceof AbortSignal)).toBe(true);
  controller.abort();
  expect(signals[1]?.aborted).toBe(true);
});

test("after a garbage collection, abort() still stops a transfer the caller is reading", async () => {
  let closed!: () => void;
  const connectionClosed = new Promise<void>((resolve) => {
    closed = resolve;
  });
  const server: Server = createServer((request, response) => {
    if (request.url?.endsWith("/auth/login")) {
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify({ jwt: "gc-test-token-abc" }));
      return;
    }
    request.on("close", closed);
    response.writeHead(200, { "content-type": "application/octet-stream" });
    response.write("first bytes");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const client = createProviderClient(veroLike, {
      baseUrl: origin,
      credentials: { email: "ada@example.com", password: PASSWORD },
      retry: false,
    });
    const controller = new AbortController();
    const response = await client.fetch(`${origin}/stream`, { signal: controller.signal });
    const reading = response.arrayBuffer();
    reading.catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 20));
    collectGarbage();
    controller.abort();
    expect(await settlesWithin(connectionClosed, 3_000)).toBe("settled");
    expect(await settlesWithin(reading, 3_000)).toBe("settled");
    await expect(reading).rejects.toBeDefined();
  } finally {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test("a caller's abort during a shared sign-in rejects that caller at once with an AbortError", async () => {
  const { client, provider } = setup("vero", { retry: false, timeout: 100 });
  const body = stalledBody();
  provider.faults.push(() => answer(body));
  const controller = new AbortController();
  const pending = client.fetch(`${provider.origin}/api/orders`, { signal: controller.signal });
  await new Promise((resolve) => setTimeout(resolve, 10));
  controller.abort();
  expect(await captureError(pending)).toBeInstanceOf(AbortError);
  // The sign-in is shared with other callers, so it is bounded by its own timeout instead.
  await expect(client.getAccessToken()).rejects.toHaveProperty("name", "TimeoutError");
  expect(body.cancelled()).toBe(true);
});

test.each([
  ["a retried 503", 503],
  ["a rejected token's 401", 401],
])(
  "%s whose body is one branch of a tee (as MSW hands answers out) does not hang the call",
  async (_name, status) => {
    const kept: Response[] = [];
    const { client, provider } = setup("vero", { retry: { limit: 1, baseDelay: 0 } });
    await client.signIn();
    provider.faults.push(() => {
      const original = new Response("unavailable", { status });
      kept.push(original);
      // The other branch is never read, as when a mock library keeps a copy for itself.
      return original.clone();
    });
    const pending = client.fetch(`${provider.origin}/api/orders`);
    expect(await settlesWithin(pending, 5_000)).toBe("settled");
    expect((await pending).status).toBe(200);
    expect(kept).toHaveLength(1);
  },
);
