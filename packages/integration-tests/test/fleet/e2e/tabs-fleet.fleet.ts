import { type Simulator, startSimulator } from "@loginkit/testkit";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { launchTabBrowser, type TabBrowser } from "../support/chromium.js";

// Issue #11, "Done when": 4 Chromium tabs of one origin after an expiry make exactly 1 renewal,
// and every tab ends up with the new token. Needs core to take the store's lease; see
// vitest.fleet.config.ts.

const tabCount = 4;
const callsPerTab = 20;

type AppWindow = typeof globalThis & {
  loginkitApp: {
    createBrowserTokenStore: typeof import("@loginkit/browser-store").createBrowserTokenStore;
    createOrgPlatformClient: typeof import("@loginkit/org-platform").createOrgPlatformClient;
  };
  client: ReturnType<typeof import("@loginkit/org-platform").createOrgPlatformClient>;
};

let simulator: Simulator;
let browser: TabBrowser;
beforeAll(async () => {
  simulator = await startSimulator("org-platform", { cors: true });
  browser = await launchTabBrowser("browser-app-entry.ts");
});
afterAll(async () => {
  await browser?.close();
  simulator?.assertNoViolations();
  await simulator?.close();
});

async function openAppTab(
  storeName = "tabs-fleet",
  credentials: unknown = simulator.accounts[0]!.credentials,
  storage: "memory" | "local" = "memory",
): Promise<Page> {
  const page = await browser.openTab();
  await page.evaluate(
    ([baseUrl, credentials, name, kind]) => {
      const app = globalThis as AppWindow;
      app.client = app.loginkitApp.createOrgPlatformClient({
        baseUrl,
        credentials: credentials as never,
        tokenStore: app.loginkitApp.createBrowserTokenStore({ name, storage: kind }),
      });
    },
    [simulator.url, credentials, storeName, storage] as const,
  );
  return page;
}

/** What each of `count` concurrent calls in the tab ended with: a status, or the error's name and message. */
const callOutcomes = (page: Page, count: number) =>
  page.evaluate(
    async ([url, calls]) => {
      const app = globalThis as AppWindow;
      const results = await Promise.allSettled(
        Array.from({ length: calls }, () => app.client.fetch(url)),
      );
      return results.map((result) =>
        result.status === "fulfilled"
          ? `${result.value.status}`
          : `${result.reason?.name}: ${result.reason?.message}`,
      );
    },
    [`${simulator.url}/__loginkit/protected`, count] as const,
  );

/** How many of `calls` concurrent calls in the tab answered 200. */
const callProtected = async (page: Page, calls: number) =>
  (await callOutcomes(page, calls)).filter((outcome) => outcome === "200").length;

test(`${tabCount} tabs of one origin renew once after an expiry, and every tab gets the new token`, async () => {
  const tabs: Page[] = [];
  for (let index = 0; index < tabCount; index++) tabs.push(await openAppTab());
  // The first tab signs in; the others get its session from the store.
  expect(await callProtected(tabs[0]!, 1)).toBe(1);
  for (const tab of tabs.slice(1)) expect(await callProtected(tab, 1)).toBe(1);
  expect(simulator.stats.signIns).toBe(1);

  const before = simulator.stats;
  simulator.expireTokens();
  const succeeded = await Promise.all(tabs.map((tab) => callProtected(tab, callsPerTab)));
  const after = simulator.stats;

  expect(succeeded).toEqual(tabs.map(() => callsPerTab));
  expect(after.signIns - before.signIns + (after.refreshes - before.refreshes)).toBe(1);
  const tokens = await Promise.all(
    tabs.map((tab) => tab.evaluate(() => (globalThis as AppWindow).client.getAccessToken())),
  );
  expect(new Set(tokens).size).toBe(1);
  expect(simulator.requestsWithToken(tokens[0]!)).toBeGreaterThanOrEqual(tabCount * callsPerTab);
});

test(`${tabCount} tabs, every option at its default: the tab renewing is closed while its refresh is at the provider; the others lose no call and the fleet signs in at most once`, async () => {
  const tabs: Page[] = [];
  for (let index = 0; index < tabCount; index++) tabs.push(await openAppTab("tabs-closed"));
  expect(await callProtected(tabs[0]!, 1)).toBe(1);
  for (const tab of tabs.slice(1)) expect(await callProtected(tab, 1)).toBe(1);
  const before = simulator.stats;
  const logged = simulator.requests.length;
  const refresh = simulator.operationIds.refresh!;
  // The provider rotates the refresh token at once and answers 2 s later: too late for the tab.
  simulator.inject({ answerDelayMs: 2_000 }, { operationId: refresh });
  simulator.expireTokens();
  const [holder, ...survivors] = tabs;
  void callProtected(holder!, 1).catch(() => {});
  // Its refresh is at the provider: the others call, then the renewing tab is closed.
  const deadline = Date.now() + 10_000;
  while (!simulator.requests.slice(logged).some((entry) => entry.operationId === refresh)) {
    if (Date.now() > deadline) throw new Error("the first tab never refreshed");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const calls = Promise.all(survivors.map((tab) => callProtected(tab, callsPerTab)));
  await new Promise((resolve) => setTimeout(resolve, 200));
  const closedAt = performance.now();
  await holder!.close();
  const succeeded = await calls;
  const recovered = performance.now() - closedAt;
  const after = simulator.stats;

  expect(succeeded).toEqual(survivors.map(() => callsPerTab));
  expect(recovered).toBeLessThan(10_000);
  const refused = simulator.requests
    .slice(logged)
    .filter((entry) => entry.operationId === refresh && entry.status >= 400).length;
  expect(refused).toBeLessThanOrEqual(1);
  expect(after.signIns - before.signIns).toBeLessThanOrEqual(1);
});

test(`${tabCount} tabs with a wrong password, every option at its default: 1 sign-in attempt reaches the provider per cool-down, and every call in every tab gets the AuthenticationError`, async () => {
  const account = simulator.accounts[0]!.credentials as Record<string, unknown>;
  const wrong = { ...account, password: "wrong-password-in-tabs" };
  const tabs: Page[] = [];
  for (let index = 0; index < tabCount; index++) {
    tabs.push(await openAppTab("tabs-refused", wrong));
  }
  const before = simulator.stats.failedSignIns;
  const outcomes = await Promise.all(tabs.map((tab) => callOutcomes(tab, 5)));
  const failures = outcomes.flat();
  expect(failures).toHaveLength(tabCount * 5);
  for (const failure of failures) expect(failure).toMatch(/^AuthenticationError: /);
  // The others failed at once with the first refusal's words, not by sending the password.
  expect(failures.filter((failure) => failure.includes("not sent again")).length).toBeGreaterThan(
    0,
  );
  expect(simulator.stats.failedSignIns - before).toBe(1);
  // Another round within the cool-down sends nothing: every open tab holds the refusal, and a
  // tab opened now (its sessions in memory) is handed it by the open ones.
  tabs.push(await openAppTab("tabs-refused", wrong));
  const again = await Promise.all(tabs.map((tab) => callOutcomes(tab, 2)));
  expect(again.flat()).toHaveLength((tabCount + 1) * 2);
  for (const failure of again.flat()) expect(failure).toMatch(/not sent again/);
  // A tab opened now whose first act is a sign-in (a form) is handed it too.
  const signingIn = await openAppTab("tabs-refused", wrong);
  tabs.push(signingIn);
  const signIn = await signingIn.evaluate(() =>
    (globalThis as AppWindow).client.signIn().then(
      () => "signed in",
      (error: Error) => `${error.name}: ${error.message}`,
    ),
  );
  expect(signIn).toMatch(/^AuthenticationError: .*not sent again/);
  expect(simulator.stats.failedSignIns - before).toBe(1);
  for (const failure of failures) expect(failure).not.toContain("wrong-password-in-tabs");
  for (const tab of tabs) await tab.close();
});

test("with localStorage, a wrong password is refused once; a tab opened after every other closed still knows it, and storage holds no trace of the password", async () => {
  const account = simulator.accounts[0]!.credentials as Record<string, unknown>;
  const password = "wrong-password-in-local-storage";
  const wrong = { ...account, password };
  const before = simulator.stats.failedSignIns;
  const first = await openAppTab("tabs-refused-local", wrong, "local");
  expect(await callOutcomes(first, 1)).toEqual([expect.stringMatching(/^AuthenticationError: /)]);
  await first.close();
  // No tab is open to hand it over: the refusal comes from localStorage.
  const later = await openAppTab("tabs-refused-local", wrong, "local");
  expect(await callOutcomes(later, 1)).toEqual([expect.stringMatching(/not sent again/)]);
  expect(simulator.stats.failedSignIns - before).toBe(1);
  const stored = await later.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(stored).toContain("#refusal:");
  for (const form of [password, btoa(password), encodeURIComponent(password)]) {
    expect(stored).not.toContain(form);
  }
  await later.close();
});
