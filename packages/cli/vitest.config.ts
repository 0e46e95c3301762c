import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Every test spawns the built bin (a Node process each) on a shared 2-core machine.
    testTimeout: 60_000,
    hookTimeout: 30_000,
  },
});
