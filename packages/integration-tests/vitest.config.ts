import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Real HTTP to real simulators (1,000-call storms included) on a shared 2-core machine:
    // a generous cap keeps a loaded machine from failing a correct run.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
