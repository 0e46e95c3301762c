import { afterAll, expect, test } from "vitest";
import { createMemoryTokenStore } from "../src/index.js";
import { setup } from "./helpers/clients.js";
import { expectNoLeakedSecrets } from "./helpers/secrets.js";

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
