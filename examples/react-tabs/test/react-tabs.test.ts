import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { buildAndServeApp, type ServedApp } from "./support/build-and-serve-app.js";
import { type LaunchedChromium, launchChromium } from "./support/launch-chromium.js";
import { type CliSimulator, startCliSimulator } from "./support/start-cli-simulator.js";

// Short-lived sessions so the test sees a renewal: loginkit renews when half the life is left.
const ttlSeconds = 4;
const waitMs = 15_000;

let simulator: CliSimulator;
let app: ServedApp;
let chromium: LaunchedChromium;
beforeAll(async () => {
  simulator = await startCliSimulator("vero-oms", ttlSeconds, "post_api_auth_login");
  [app, chromium] = await Promise.all([buildAndServeApp(simulator.url), launchChromium()]);
}, 90_000);
afterAll(async () => {
  await chromium?.close();
  await app?.close();
  await simulator?.stop();
});

const statusOf = (tab: Page) => tab.getByTestId("status").textContent();
const sessionIdOf = (tab: Page) => tab.getByTestId("session-id").textContent();

/** Waits until the tab shows a session id other than `previous`; returns it. */
async function waitForSessionOtherThan(tab: Page, previous: string | null): Promise<string> {
  await tab.waitForFunction(
    (old) => {
      const shown = document.querySelector('[data-testid="session-id"]')?.textContent;
      return shown !== undefined && shown !== null && shown !== old;
    },
    previous,
    { timeout: waitMs },
  );
  return (await sessionIdOf(tab))!;
}

test("3 tabs: one sign-in for all, a renewal reaches every tab, a sign-out in one signs out the others", async () => {
  const tabs: Page[] = [];
  for (let index = 0; index < 3; index++) {
    const tab = await chromium.context.newPage();
    await tab.goto(app.url);
    await tab.getByTestId("status").getByText("signed-out").waitFor({ timeout: waitMs });
    tabs.push(tab);
  }

  // The user signs in in the first tab only; the other tabs are signed in by the shared store.
  const [first, second, third] = tabs as [Page, Page, Page];
  await first.getByLabel("Email").fill(simulator.credentials.identifier!);
  await first.getByLabel("Password").fill(simulator.credentials.password!);
  await first.getByRole("button", { name: "Sign in" }).click();
  const signedIn = await Promise.all(tabs.map((tab) => waitForSessionOtherThan(tab, null)));
  expect(new Set(signedIn).size).toBe(1);
  for (const tab of tabs) expect(await tab.getByTestId("subject").textContent()).toBeTruthy();
  expect(simulator.signIns()).toBe(1);

  // Past half the session's life, one tab's next call renews it; every tab moves to the new one.
  await new Promise((resolve) => setTimeout(resolve, (ttlSeconds * 1000) / 2 + 500));
  await first.getByRole("button", { name: "Reload" }).click();
  const renewed = await Promise.all(tabs.map((tab) => waitForSessionOtherThan(tab, signedIn[0]!)));
  expect(new Set(renewed).size).toBe(1);
  expect(simulator.signIns()).toBe(2); // Vero renews by signing in again: once, for every tab

  // Signing out in the second tab signs out the first and the third.
  await second.getByRole("button", { name: "Sign out" }).click();
  for (const tab of [first, second, third])
    await tab.getByTestId("status").getByText("signed-out").waitFor({ timeout: waitMs });
  expect(await Promise.all(tabs.map(statusOf))).toEqual(["signed-out", "signed-out", "signed-out"]);
  expect(simulator.signIns()).toBe(2);
});
