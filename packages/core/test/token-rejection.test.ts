import { afterAll, expect, test } from "vitest";
import { setup } from "./helpers/clients.js";
import { statusFault } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

test("a 401 to a request with a token renews once and replays once", async () => {
  const { client, provider } = setup("vero");
  await client.signIn();
  provider.revokeAll();
  const response = await client.fetch("https://vero.test/api/orders");
  expect(response.status).toBe(200);
  expect(provider.signIns).toBe(2);
  expect(provider.requests.map((request) => request.tokenIndex)).toEqual([-1, 0, -1, 1]);
});

test("a second 401 on the replay is returned, not looped", async () => {
  const { client, provider } = setup("vero");
  await client.signIn();
  // In order: the request gets 401, the new sign-in succeeds, the replay gets 401 again.
  provider.faults.push(statusFault(401), () => undefined, statusFault(401));
  const response = await client.fetch("https://vero.test/api/orders");
  expect(response.status).toBe(401);
  expect(provider.signIns).toBe(2);
  expect(provider.requests).toHaveLength(4);
});

test("a tokenExpired error code triggers refresh and replay", async () => {
  const { client, provider } = setup("org");
  await client.signIn();
  provider.revokeAll();
  const response = await client.fetch("https://org.test/users");
  expect(response.status).toBe(200);
  expect([provider.signIns, provider.refreshes]).toEqual([1, 1]);
});

test("concurrent 401s on the same token renew only once", async () => {
  const { client, provider } = setup("org");
  await client.signIn();
  provider.revokeAll();
  const responses = await Promise.all(
    Array.from({ length: 20 }, () => client.fetch("https://org.test/users")),
  );
  expect(responses.every((response) => response.status === 200)).toBe(true);
  expect(provider.refreshes).toBe(1);
});

test("a 401 on a public operation is returned as is", async () => {
  const { client, provider } = setup("vero");
  provider.faults.push(statusFault(401));
  const response = await client.fetch("https://vero.test/api/recovery/start", { method: "POST" });
  expect(response.status).toBe(401);
  expect(provider.signIns).toBe(0);
});
