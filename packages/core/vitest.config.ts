import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // The 1,000-request and property tests run on fake time, but their real CPU work can take
    // seconds on a shared 2-core machine: a generous cap keeps them from flaking under load.
    testTimeout: 60_000,
  },
});
