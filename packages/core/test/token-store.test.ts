import { afterAll, expect, test } from "vitest";
import { createMemoryTokenStore, createProviderClient } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { FakeProvider } from "./helpers/fake-provider.js";
import { orgLike } from "./helpers/fixtures.js";
import { expectNoLeakedSecrets, PASSWORD } from "./helpers/secrets.js";

afterAll(expectNoLeakedSecrets);

test("a session persisted by one client is used by another with the same store, without signing in", async () => {
  const tokenStore = createMemoryTokenStore();
  const first = setup("pulse", { tokenStore });
  await first.client.fetch("https://pulse.test/contacts");
  const second = setup("pulse", { tokenStore }, first.provider);
  const response = await second.client.fetch("https://pulse.test/contacts");
  expect(response.status).toBe(200);
  expect(first.provider.signIns).toBe(1);
  const last = first.provider.requests.at(-1);
  expect(last?.tokenIndex).toBe(0);
  expect(last?.headers["x-account-id"]).toBe("acct-42");
});

test("the default key separates providers and base URLs", async () => {
  const tokenStore = createMemoryTokenStore();
  const { client } = setup("pulse", { tokenStore });
  await client.signIn();
  await expect(tokenStore.get("pulse-like:https://pulse.test")).resolves.toMatchObject({
    inputs: { "X-Account-ID": "acct-42" },
  });
  await expect(tokenStore.get("pulse-like:https://other.test")).resolves.toBeUndefined();
});

test("logout deletes the stored session", async () => {
  const tokenStore = createMemoryTokenStore();
  const { client } = setup("vero", { tokenStore, storeKey: "mine" });
  await client.signIn();
  expect(await tokenStore.get("mine")).toBeDefined();
  await client.signOut();
  expect(await tokenStore.get("mine")).toBeUndefined();
});

test("two accounts of one provider sharing a store keep their own sessions; one account shares its own", async () => {
  const tokenStore = createMemoryTokenStore();
  const provider = new FakeProvider("org");
  const withAccounts = { ...orgLike, accountFields: ["email"] };
  const client = (email: string) =>
    createProviderClient(withAccounts, {
      credentials: { email, password: PASSWORD },
      fetch: provider.fetch,
      tokenStore,
      organizationId: "org-9",
    });
  await client("ada@example.com").fetch("https://org.test/users");
  await client("grace@example.com").fetch("https://org.test/users");
  expect(provider.signIns).toBe(2);
  await client("ada@example.com").fetch("https://org.test/users");
  expect(provider.signIns).toBe(2);
  // The key names the account by a digest: no e-mail address in the store's keys.
  const stored = await tokenStore.get(`org-like:https://org.test`);
  expect(stored).toBeUndefined();
});

test("credentials given as a function leave the key at provider and base URL", async () => {
  const tokenStore = createMemoryTokenStore();
  const provider = new FakeProvider("org");
  const client = createProviderClient(
    { ...orgLike, accountFields: ["email"] },
    {
      credentials: async () => ({ email: "ada@example.com", password: PASSWORD }),
      fetch: provider.fetch,
      tokenStore,
      organizationId: "org-9",
    },
  );
  await client.fetch("https://org.test/users");
  await expect(tokenStore.get("org-like:https://org.test")).resolves.toMatchObject({
    accessToken: expect.any(String),
  });
});
