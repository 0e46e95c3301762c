import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each file starts a runtime (a process, a VM or Chromium) and runs every scenario in it once,
    // in beforeAll; on a loaded 2-core machine that can take a while, never forever.
    testTimeout: 30_000,
    hookTimeout: 90_000,
  },
});
