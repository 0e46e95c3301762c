import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.js";

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    // The test builds and serves the app itself; vitest must not pick up the app's Vite config.
    test: { include: ["test/**/*.test.ts"] },
  }),
);
