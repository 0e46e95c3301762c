import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.js";

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      // Each file starts a runtime (a process, a VM or Chromium) and runs every scenario in it
      // once, in beforeAll; on a loaded 2-core machine that can take a while, never forever.
      hookTimeout: 90_000,
    },
  }),
);
