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

async function openAppTab(): Promise<Page> {
  const page = await browser.openTab();
  await page.evaluate(
    ([baseUrl, credentials]) => {
      const app = globalThis as AppWindow;
      app.client = app.loginkitApp.createOrgPlatformClient({
        baseUrl,
        credentials: credentials as never,
        tokenStore: app.loginkitApp.createBrowserTokenStore({ name: "tabs-fleet" }),
      });
    },
    [simulator.url, simulator.accounts[0]!.credentials] as const,
  );
  return page;
}

const callProtected = (page: Page, calls: number) =>
  page.evaluate(
    async ([url, count]) => {
      const app = globalThis as AppWindow;
      const results = await Promise.allSettled(
        Array.from({ length: count }, () =>
          app.client.fetch(url).then((response) => response.status),
        ),
      );
      return results.filter((result) => result.status === "fulfilled" && result.value === 200)
        .length;
    },
    [`${simulator.url}/__loginkit/protected`, calls] as const,
  );

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
