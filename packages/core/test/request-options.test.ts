import { afterAll, expect, test } from "vitest";
import { ConfigurationError, TimeoutError } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { expectNoLeakedSecrets } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

test("retry: false for one call leaves a 503 as it is; the client's retries still apply to others", async () => {
  const provider = new FakeProvider("org");
  const { client } = setup("org", { retry: { baseDelay: 1, jitter: false } }, provider);
  await client.getAccessToken();
  provider.faults.push(() => new Response(null, { status: 503 }));
  const once = await client.fetch("https://org.test/users", { loginkit: { retry: false } });
  expect(once.status).toBe(503);
  provider.faults.push(() => new Response(null, { status: 503 }));
  expect((await client.fetch("https://org.test/users")).status).toBe(200);
});

test("through openapi-fetch's init too: the options ride on the Request it builds", async () => {
  const provider = new FakeProvider("org");
  const { client } = setup("org", { retry: { baseDelay: 1, jitter: false } }, provider);
  await client.getAccessToken();
  provider.faults.push(() => new Response(null, { status: 503 }));
  const get = client.GET as unknown as (
    path: string,
    init: RequestInit,
  ) => Promise<{ response: Response }>;
  const { response } = await get("/users", { loginkit: { retry: false } });
  expect(response.status).toBe(503);
});

test("a per-call timeout bounds that call only", async () => {
  const provider = new FakeProvider("org");
  const { client } = setup("org", { retry: false }, provider);
  await client.getAccessToken();
  provider.faults.push(() => new Promise<Response>(() => {}));
  const error = await client
    .fetch("https://org.test/users", { loginkit: { timeout: 20 } })
    .catch((caught: unknown) => caught);
  expect(error).toBeInstanceOf(TimeoutError);
});

test('auth: "none" sends no token and does not sign in', async () => {
  const provider = new FakeProvider("org");
  const { client } = setup("org", {}, provider);
  const response = await client.fetch("https://org.test/users", { loginkit: { auth: "none" } });
  expect(response.status).toBe(401);
  expect(provider.signIns).toBe(0);
  expect(provider.requests.at(-1)?.headers.authorization).toBeUndefined();
});

test.each([
  ["a timeout of 0", { timeout: 0 }, /loginkit\.timeout/],
  ["an unknown auth mode", { auth: "basic" }, /loginkit\.auth/],
  ["a negative retry count", { retry: -1 }, /retry/],
])("%s is refused by name", async (_case, options, message) => {
  const { client } = setup("org");
  const call = client.fetch("https://org.test/users", { loginkit: options as never });
  await expect(call).rejects.toBeInstanceOf(ConfigurationError);
  await expect(call).rejects.toThrow(message);
});
