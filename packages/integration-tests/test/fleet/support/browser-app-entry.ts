// Bundled by esbuild into the page of the tab-fleet test: an app with a generated client and the
// tab store, as a user's build would resolve them (browser conditions).
import { createBrowserTokenStore } from "@loginkit/browser-store";
import { createOrgPlatformClient } from "@loginkit/org-platform";

(globalThis as { loginkitApp?: unknown }).loginkitApp = {
  createBrowserTokenStore,
  createOrgPlatformClient,
};
