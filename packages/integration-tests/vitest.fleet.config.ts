import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.js";

// The fleet end-to-end suite (issue #11): K worker processes and Chromium tabs against a
// simulator, with exact sign-in counts. A config of its own because its files must run one at a
// time; `pnpm test` runs it after the main suite (`test:fleet` runs it alone).
export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      include: ["test/fleet/e2e/**/*.fleet.ts"],
      // Worker processes and a browser on a shared 2-core machine: generous, never unbounded.
      testTimeout: 180_000,
      hookTimeout: 90_000,
      // One fleet at a time: parallel fleets would share the two cores and the timings.
      fileParallelism: false,
    },
  }),
);
