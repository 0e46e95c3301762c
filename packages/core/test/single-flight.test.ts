import { afterAll, expect, test, vi } from "vitest";
import { AuthenticationError } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { useFakeClock } from "./helpers/fake-clock.js";
import { expectNoLeakedSecrets, PASSWORD, recordOutput } from "./helpers/secrets.js";

useFakeClock();
afterAll(expectNoLeakedSecrets);

async function fireConcurrently(fetcher: typeof fetch, url: string, count: number) {
  const responses = await Promise.all(Array.from({ length: count }, () => fetcher(url)));
  return responses.map((response) => response.status);
}

test("1,000 concurrent requests on an expired session cause exactly one refresh", async () => {
  const { client, provider } = setup("org");
  provider.tokenLatencyMs = 50;
  const login = client.signIn();
  await vi.advanceTimersByTimeAsync(50);
  await login;
  vi.setSystemTime(Date.now() + 3_600_000);
  const statuses = fireConcurrently(client.fetch, "https://org.test/users", 1_000);
  await vi.advanceTimersByTimeAsync(50);
  expect(await statuses).toEqual(Array(1_000).fill(200));
  expect([provider.signIns, provider.refreshes]).toEqual([1, 1]);
  expect(provider.maxTokenRequestsInFlight).toBe(1);
});

test("1,000 concurrent requests on an expired session cause exactly one sign-in when there is no refresh", async () => {
  const { client, provider } = setup("vero");
  await client.signIn();
  vi.setSystemTime(Date.now() + 3_600_000);
  provider.tokenLatencyMs = 50;
  const statuses = fireConcurrently(client.fetch, "https://vero.test/api/orders", 1_000);
  await vi.advanceTimersByTimeAsync(50);
  expect(await statuses).toEqual(Array(1_000).fill(200));
  expect(provider.signIns).toBe(2);
  const tokens = new Set(provider.requests.slice(2).map((request) => request.tokenIndex));
  expect(tokens).toEqual(new Set([1]));
});

test("concurrent waiters on a failing sign-in all get the same error and none hangs", async () => {
  const { client, provider } = setup("vero", { credentials: { password: "wrong" } });
  provider.tokenLatencyMs = 20;
  const settled = Promise.allSettled(
    Array.from({ length: 50 }, () => client.fetch("https://vero.test/api/orders")),
  );
  await vi.advanceTimersByTimeAsync(20);
  const results = await settled;
  const errors = new Set(
    results.map((result) => (result.status === "rejected" ? result.reason : "fulfilled")),
  );
  expect(errors.size).toBe(1);
  const [error] = [...errors];
  recordOutput(error);
  expect(error).toBeInstanceOf(AuthenticationError);
  expect(provider.signIns).toBe(1);
});

test("a failed sign-in is not cached: the next request tries again", async () => {
  let password = "wrong";
  const { client, provider } = setup("vero", { credentials: () => ({ password }) });
  await expect(client.fetch("https://vero.test/api/orders")).rejects.toThrow(AuthenticationError);
  password = PASSWORD;
  await expect(client.fetch("https://vero.test/api/orders")).resolves.toHaveProperty("status", 200);
  expect(provider.signIns).toBe(2);
});
