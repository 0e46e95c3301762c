// Bundled by esbuild into the page the Chromium tests open: the store as an app would import it.
import { createBrowserTokenStore } from "@loginkit/browser-store";

(globalThis as { loginkitBrowserStore?: unknown }).loginkitBrowserStore = {
  createBrowserTokenStore,
};
