import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.js";

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      // Packing, publishing and installing from registries: seconds to a minute per step.
      testTimeout: 300_000,
      hookTimeout: 300_000,
    },
  }),
);
