import { expect, test } from "vitest";
import { BrowserStoreError, createBrowserTokenStore } from "../src/index.js";

// Node 20 has BroadcastChannel but no Web Locks: the store must say what it needs, not break
// later. The store itself is tested in headless Chromium (packages/integration-tests/test/fleet).
test("without the Web Locks API the store refuses to start and says why", () => {
  expect(() => createBrowserTokenStore()).toThrow(BrowserStoreError);
  expect(() => createBrowserTokenStore()).toThrow(/Web Locks API/);
});
