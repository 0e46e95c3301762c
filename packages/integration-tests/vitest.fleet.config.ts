import { defineConfig } from "vitest/config";

// The fleet end-to-end suite (issue #11): K worker processes and Chromium tabs against a
// simulator, with exact sign-in counts. Not part of `pnpm test` until core takes the store's lease
// (the counts need it); run it with `pnpm --filter @loginkit/integration-tests test:fleet`.
export default defineConfig({
  test: {
    include: ["test/fleet/e2e/**/*.fleet.ts"],
    // Worker processes and a browser on a shared 2-core machine: generous, never unbounded.
    testTimeout: 180_000,
    hookTimeout: 90_000,
    // One fleet at a time: parallel fleets would share the two cores and the timings.
    fileParallelism: false,
  },
});
