import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { waitUntil } from "./contract/wait-until.js";
import { launchTabBrowser, type TabBrowser } from "./support/chromium.js";
import { createStoreInTab } from "./support/store-in-tab.js";

let browser: TabBrowser;
// Launching Chromium (or redis-server) on a loaded 2-core machine can outlast the 30 s default.
beforeAll(async () => {
  browser = await launchTabBrowser();
}, 120_000);
afterAll(async () => {
  await browser?.close();
}, 120_000);

const session = { accessToken: "tab-access-token", refreshToken: "tab-refresh-token" };
const uniqueName = () => `tabs-${crypto.randomUUID()}`;

test("a tab that dies holding the lease frees it at once, long before its TTL", async () => {
  const name = uniqueName();
  const holder = await createStoreInTab(await browser.openTab(), { name });
  const other = await createStoreInTab(await browser.openTab(), { name });
  expect(await holder.acquireLease("k", "holder", 60_000)).toBe(true);
  expect(await other.acquireLease("k", "other", 60_000)).toBe(false);
  await holder.page.close();
  await waitUntil(
    "the dead tab's lease to be free",
    () => other.acquireLease("k", "other", 60_000),
    5_000,
  );
  await other.page.close();
});

test("a lease that expires in its holder's tab tells the waiting tabs at once", async () => {
  const name = uniqueName();
  const holder = await createStoreInTab(await browser.openTab(), { name });
  const waiter = await createStoreInTab(await browser.openTab(), { name });
  let heard = 0;
  await waiter.subscribe("k", () => heard++).ready;
  expect(await holder.acquireLease("k", "holder", 500)).toBe(true);
  await waitUntil("the expiry notice", () => heard === 1, 5_000);
  expect(await waiter.acquireLease("k", "waiter", 10_000)).toBe(true);
  await holder.page.close();
  await waiter.page.close();
});

describe.each(["memory", "session"] as const)("%s storage (per tab)", (storage) => {
  test("a tab opened later gets the session from an open tab", async () => {
    const name = uniqueName();
    const first = await createStoreInTab(await browser.openTab(), { storage, name });
    const written = await first.compareAndSet("k", 0, session);
    const later = await createStoreInTab(await browser.openTab(), { storage, name });
    expect(await later.read("k")).toEqual(written);
    await first.page.close();
    await later.page.close();
  });

  test("with no other tab open, a new tab starts without a session", async () => {
    const name = uniqueName();
    const first = await createStoreInTab(await browser.openTab(), { storage, name });
    await first.set("k", session);
    await first.page.close();
    const alone = await createStoreInTab(await browser.openTab(), { storage, name });
    expect(await alone.read("k")).toBeUndefined();
    await alone.page.close();
  });
});

test("session storage keeps the session across a reload of the tab", async () => {
  const name = uniqueName();
  const tab = await browser.openTab();
  const before = await createStoreInTab(tab, { storage: "session", name });
  const written = await before.compareAndSet("k", 0, session);
  await tab.reload();
  const after = await createStoreInTab(tab, { storage: "session", name });
  expect(await after.read("k")).toEqual(written);
  await tab.close();
});

test("local storage keeps the session after every tab has closed", async () => {
  const name = uniqueName();
  const first = await createStoreInTab(await browser.openTab(), { storage: "local", name });
  const written = await first.compareAndSet("k", 0, session);
  await first.page.close();
  const later = await createStoreInTab(await browser.openTab(), { storage: "local", name });
  expect(await later.read("k")).toEqual(written);
  await later.page.close();
});

test("another script's value under a key in localStorage reads as absent with an event, then is replaced", async () => {
  const name = uniqueName();
  const tab = await browser.openTab();
  await tab.evaluate(
    (storageKey) => localStorage.setItem(storageKey, '{"not":"ours"}'),
    `${name}:k`,
  );
  const store = await createStoreInTab(tab, { storage: "local", name });
  expect(await store.read("k")).toBeUndefined();
  expect(await store.events()).toContainEqual({
    type: "corrupt-value",
    key: "k",
    reason: "foreign-value",
  });
  expect(await store.compareAndSet("k", 0, session)).toBeDefined();
  expect(await store.get("k")).toEqual(session);
  await tab.close();
});

test("a refusal's ttlMs that is not a number of ms from 1 up is refused by name, and nothing is recorded", async () => {
  const tab = await createStoreInTab(await browser.openTab(), { name: uniqueName() });
  const refusal = { fingerprint: "f", message: "Invalid credentials" };
  for (const ttl of [Number.NaN, 0, -1, Number.POSITIVE_INFINITY]) {
    await expect(tab.recordRefusal("k", refusal, ttl)).rejects.toThrow(/ttlMs must be a number/);
  }
  expect(await tab.readRefusal("k")).toBeUndefined();
  await tab.page.close();
});

test("a tab applies every change it hears, but acknowledges only those counted after it joined", async () => {
  const name = uniqueName();
  const tab = await createStoreInTab(await browser.openTab(), { name });
  // Another tab speaks the store's protocol by hand, to pick each message's countedAt.
  const other = await browser.openTab();
  const acknowledged = await other.evaluate(async (channelName) => {
    const channel = new BroadcastChannel(channelName);
    const applied: string[] = [];
    channel.onmessage = (event) => {
      if (event.data?.type === "applied") applied.push(event.data.id);
    };
    const session = { accessToken: "handed-over", refreshToken: "r" };
    const change = (id: string, version: number, countedAt: number) =>
      channel.postMessage({
        type: "changed",
        key: "k",
        id,
        record: { version, session },
        countedAt,
      });
    // Counted before the tab joined: the tab was not among those the writer waits for.
    change("before", 5, 0);
    // Counted after: it was.
    change("after", 6, Date.now() + 60_000);
    await new Promise((resolve) => setTimeout(resolve, 500));
    channel.close();
    return applied;
  }, name);
  expect(acknowledged).toEqual(["after"]);
  expect((await tab.read("k"))?.version).toBe(6);
  await tab.page.close();
  await other.close();
});
