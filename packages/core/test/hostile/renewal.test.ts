import { afterAll, expect, test, vi } from "vitest";
import { HttpError, type SessionEvent } from "../../src/index.js";
import { setup } from "../helpers/clients.js";
import { useFakeClock } from "../helpers/fake-clock.js";
import { FakeProvider, type Fault, networkFault, statusFault } from "../helpers/fake-provider.js";
import { expectNoLeakedSecrets } from "../helpers/secrets.js";

useFakeClock();
afterAll(expectNoLeakedSecrets);

const HOUR = 3_600_000;
const deferred = (events: SessionEvent[]) =>
  events.filter((event) => event.type === "renewal-deferred");

test.each([
  ["a 503", statusFault(503)],
  ["a 500", statusFault(500)],
  ["a network error", networkFault],
] as [string, Fault][])(
  "a refresh that fails with %s while the token is still valid: the waiting calls go out with it",
  async (_name, fault) => {
    const provider = new FakeProvider("org", HOUR);
    const { client, events } = setup("org", { retry: false, renewBeforeExpiry: 60_000 }, provider);
    await client.signIn();
    vi.setSystemTime(Date.now() + HOUR - 50_000);
    provider.faults.push(fault);
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => client.fetch("https://org.test/users")),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    expect(provider.requests.filter((r) => r.url.endsWith("/oauth/refresh"))).toHaveLength(1);
    expect(provider.requests.slice(-5).every((request) => request.tokenIndex === 0)).toBe(true);
    const [event] = deferred(events);
    expect(event).toMatchObject({ type: "renewal-deferred", provider: "org-like" });
    expect(event && "retryAt" in event ? event.retryAt : 0).toBeGreaterThan(Date.now());
  },
);

test("a deferred renewal is not tried again on every call, and is tried again after its backoff", async () => {
  const provider = new FakeProvider("org", HOUR);
  const { client, events } = setup("org", { retry: false, renewBeforeExpiry: 60_000 }, provider);
  await client.signIn();
  vi.setSystemTime(Date.now() + HOUR - 50_000);
  provider.faults.push(statusFault(503));
  await client.fetch("https://org.test/users");
  const refreshCalls = () =>
    provider.requests.filter((r) => r.url.endsWith("/oauth/refresh")).length;
  expect(refreshCalls()).toBe(1);
  for (let call = 0; call < 10; call++) await client.fetch("https://org.test/users");
  expect(refreshCalls()).toBe(1);
  const event = deferred(events)[0];
  vi.setSystemTime((event && "retryAt" in event ? event.retryAt : 0) + 1);
  await client.fetch("https://org.test/users");
  expect(refreshCalls()).toBe(2);
  expect(provider.refreshes).toBe(1);
  expect(provider.requests.at(-1)?.tokenIndex).toBe(1);
  expect(events.map((e) => e.type)).toEqual(["signed-in", "renewal-deferred", "renewed"]);
});

test("each failed retry waits longer, and never past the token's expiry", async () => {
  const provider = new FakeProvider("org", HOUR);
  const { client, events } = setup("org", { retry: false, renewBeforeExpiry: 60_000 }, provider);
  await client.signIn();
  const expiresAt = Date.now() + HOUR;
  vi.setSystemTime(expiresAt - 50_000);
  const retryAts: number[] = [];
  for (let round = 0; round < 4; round++) {
    provider.faults.push(statusFault(503));
    await client.fetch("https://org.test/users");
    const last = deferred(events).at(-1);
    retryAts.push(last && "retryAt" in last ? last.retryAt : 0);
    vi.setSystemTime((retryAts.at(-1) ?? 0) + 1);
  }
  const waits = retryAts.slice(1).map((at, index) => at - (retryAts[index] ?? 0));
  expect(waits.every((wait, index) => index === 0 || wait > (waits[index - 1] ?? 0))).toBe(true);
  expect(retryAts.every((at) => at <= expiresAt)).toBe(true);
});

test("once the token has expired, a failing renewal fails the calls: there is nothing to fall back on", async () => {
  const provider = new FakeProvider("org", HOUR);
  const { client, events } = setup("org", { retry: false }, provider);
  await client.signIn();
  vi.setSystemTime(Date.now() + HOUR + 1_000);
  provider.faults.push(statusFault(503));
  await expect(client.fetch("https://org.test/users")).rejects.toBeInstanceOf(HttpError);
  expect(deferred(events)).toEqual([]);
});

test("a refused refresh token still falls back to one sign-in, not to a deferral", async () => {
  const provider = new FakeProvider("org", HOUR);
  const { client, events } = setup("org", { retry: false, renewBeforeExpiry: 60_000 }, provider);
  await client.signIn();
  vi.setSystemTime(Date.now() + HOUR - 50_000);
  provider.faults.push(() => Response.json({ error_code: "REFRESH_EXPIRED" }, { status: 401 }));
  await client.fetch("https://org.test/users");
  expect(provider.signIns).toBe(2);
  expect(deferred(events)).toEqual([]);
});

test("without a refresh operation, a sign-in that fails with a 503 inside the window is deferred too", async () => {
  const provider = new FakeProvider("vero", HOUR);
  const { client, events } = setup("vero", { retry: false, renewBeforeExpiry: 60_000 }, provider);
  await client.signIn();
  vi.setSystemTime(Date.now() + HOUR - 50_000);
  provider.faults.push(statusFault(503));
  const response = await client.fetch(`${provider.origin}/api/orders`);
  expect(response.status).toBe(200);
  expect(provider.requests.at(-1)?.tokenIndex).toBe(0);
  expect(deferred(events)).toHaveLength(1);
});

test("renew() asked for explicitly still reports the failure", async () => {
  const provider = new FakeProvider("org", HOUR);
  const { client } = setup("org", { retry: false }, provider);
  await client.signIn();
  provider.faults.push(statusFault(503));
  await expect(client.renew()).rejects.toBeInstanceOf(HttpError);
});
