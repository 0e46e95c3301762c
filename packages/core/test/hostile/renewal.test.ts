import { afterAll, expect, test, vi } from "vitest";
import { defaultClientOptions, HttpError, type SessionEvent } from "../../src/index.js";
import { setup } from "../helpers/clients.js";
import { DEFAULT_ATTEMPTS, DEFAULT_MAX_BACKOFF_MS } from "../helpers/default-retry.js";
import { useFakeClock } from "../helpers/fake-clock.js";
import { FakeProvider, type Fault, networkFault, statusFault } from "../helpers/fake-provider.js";
import { expectNoLeakedSecrets } from "../helpers/secrets.js";

// Every client here keeps the options users keep: setup() turns retry jitter off for exact
// timings elsewhere, so `retry: undefined` gives the default policy back, jitter included. A
// fault fails a renewal only when it answers every attempt of that policy, as an outage would.
useFakeClock();
afterAll(expectNoLeakedSecrets);

const HOUR = 3_600_000;
const DEFAULTS = { retry: undefined };
const deferred = (events: SessionEvent[]) =>
  events.filter((event) => event.type === "renewal-deferred");
const refreshCalls = (provider: FakeProvider) =>
  provider.requests.filter((request) => request.url.endsWith("/oauth/refresh")).length;

/** Halfway into the default renewal window of a token issued now: renewal is due, the token works. */
function moveIntoRenewalWindow(): number {
  const expiresAt = Date.now() + HOUR;
  vi.setSystemTime(expiresAt - defaultClientOptions.renewBeforeExpiry / 2);
  return expiresAt;
}

/** An outage of the token endpoint: `fault` answers each attempt the default retry policy makes. */
function outage(provider: FakeProvider, fault: Fault): void {
  provider.faults.push(...Array.from({ length: DEFAULT_ATTEMPTS }, () => fault));
}

/** Settles `pending` after the fake clock went through every default backoff between attempts. */
async function throughBackoff<T>(pending: Promise<T>): Promise<T> {
  pending.catch(() => {});
  await vi.advanceTimersByTimeAsync(DEFAULT_MAX_BACKOFF_MS);
  return pending;
}

test.each([
  ["a 503", statusFault(503)],
  ["a 500", statusFault(500)],
  ["a network error", networkFault],
] as [string, Fault][])(
  "a refresh that fails with %s while the token is still valid: the waiting calls go out with it",
  async (_name, fault) => {
    const provider = new FakeProvider("org", HOUR);
    const { client, events } = setup("org", DEFAULTS, provider);
    await client.signIn();
    moveIntoRenewalWindow();
    outage(provider, fault);
    const responses = await throughBackoff(
      Promise.all(Array.from({ length: 5 }, () => client.fetch("https://org.test/users"))),
    );
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200, 200]);
    // One renewal for the five calls, each of its attempts one refresh.
    expect(refreshCalls(provider)).toBe(DEFAULT_ATTEMPTS);
    expect(provider.requests.slice(-5).every((request) => request.tokenIndex === 0)).toBe(true);
    const [event] = deferred(events);
    expect(event).toMatchObject({ type: "renewal-deferred", provider: "org-like" });
    expect(event && "retryAt" in event ? event.retryAt : 0).toBeGreaterThan(Date.now());
  },
);

test("a deferred renewal is not tried again on every call, and is tried again after its backoff", async () => {
  const provider = new FakeProvider("org", HOUR);
  const { client, events } = setup("org", DEFAULTS, provider);
  await client.signIn();
  moveIntoRenewalWindow();
  outage(provider, statusFault(503));
  await throughBackoff(client.fetch("https://org.test/users"));
  expect(refreshCalls(provider)).toBe(DEFAULT_ATTEMPTS);
  for (let call = 0; call < 10; call++) await client.fetch("https://org.test/users");
  expect(refreshCalls(provider)).toBe(DEFAULT_ATTEMPTS);
  const event = deferred(events)[0];
  vi.setSystemTime((event && "retryAt" in event ? event.retryAt : 0) + 1);
  await client.fetch("https://org.test/users");
  expect(refreshCalls(provider)).toBe(DEFAULT_ATTEMPTS + 1);
  expect(provider.refreshes).toBe(1);
  expect(provider.requests.at(-1)?.tokenIndex).toBe(1);
  const retries = Array.from({ length: DEFAULT_ATTEMPTS - 1 }, () => "retry");
  expect(events.map((e) => e.type)).toEqual([
    "signed-in",
    ...retries,
    "renewal-deferred",
    "renewed",
  ]);
});

test("each failed retry waits longer, and never past the token's expiry", async () => {
  const provider = new FakeProvider("org", HOUR);
  const { client, events } = setup("org", DEFAULTS, provider);
  await client.signIn();
  const expiresAt = moveIntoRenewalWindow();
  // Half the default window holds three doubling waits but not a fourth: the last is cut at
  // the expiry, and is still longer than the one before.
  const retryAts: number[] = [];
  for (let round = 0; round < 4; round++) {
    outage(provider, statusFault(503));
    await throughBackoff(client.fetch("https://org.test/users"));
    const last = deferred(events).at(-1);
    retryAts.push(last && "retryAt" in last ? last.retryAt : 0);
    vi.setSystemTime((retryAts.at(-1) ?? 0) + 1);
  }
  expect(deferred(events)).toHaveLength(4);
  const waits = retryAts.slice(1).map((at, index) => at - (retryAts[index] ?? 0));
  expect(waits.every((wait, index) => index === 0 || wait > (waits[index - 1] ?? 0))).toBe(true);
  expect(retryAts.every((at) => at <= expiresAt)).toBe(true);
  expect(retryAts.at(-1)).toBe(expiresAt);
});

test("once the token has expired, a failing renewal fails the calls: there is nothing to fall back on", async () => {
  const provider = new FakeProvider("org", HOUR);
  const { client, events } = setup("org", DEFAULTS, provider);
  await client.signIn();
  vi.setSystemTime(Date.now() + HOUR + 1_000);
  outage(provider, statusFault(503));
  await expect(throughBackoff(client.fetch("https://org.test/users"))).rejects.toBeInstanceOf(
    HttpError,
  );
  expect(refreshCalls(provider)).toBe(DEFAULT_ATTEMPTS);
  expect(deferred(events)).toEqual([]);
});

test("a refused refresh token still falls back to one sign-in, not to a deferral", async () => {
  const provider = new FakeProvider("org", HOUR);
  const { client, events } = setup("org", DEFAULTS, provider);
  await client.signIn();
  moveIntoRenewalWindow();
  provider.faults.push(() => Response.json({ error_code: "REFRESH_EXPIRED" }, { status: 401 }));
  await throughBackoff(client.fetch("https://org.test/users"));
  // A refusal is not retried: one refresh, then one sign-in.
  expect(refreshCalls(provider)).toBe(1);
  expect(provider.signIns).toBe(2);
  expect(deferred(events)).toEqual([]);
});

test("without a refresh operation, a sign-in that fails with a 503 inside the window is deferred too", async () => {
  const provider = new FakeProvider("vero", HOUR);
  const { client, events } = setup("vero", DEFAULTS, provider);
  await client.signIn();
  moveIntoRenewalWindow();
  outage(provider, statusFault(503));
  const response = await throughBackoff(client.fetch(`${provider.origin}/api/orders`));
  expect(response.status).toBe(200);
  expect(provider.requests.at(-1)?.tokenIndex).toBe(0);
  expect(provider.requests.filter((r) => r.url.endsWith("/auth/login"))).toHaveLength(
    1 + DEFAULT_ATTEMPTS,
  );
  expect(deferred(events)).toHaveLength(1);
});

test("renew() asked for explicitly still reports the failure", async () => {
  const provider = new FakeProvider("org", HOUR);
  const { client } = setup("org", DEFAULTS, provider);
  await client.signIn();
  outage(provider, statusFault(503));
  await expect(throughBackoff(client.renew())).rejects.toBeInstanceOf(HttpError);
  expect(refreshCalls(provider)).toBe(DEFAULT_ATTEMPTS);
});
