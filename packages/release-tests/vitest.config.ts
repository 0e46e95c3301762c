import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Packing, publishing and installing from registries: seconds to a minute per step.
    testTimeout: 300_000,
    hookTimeout: 300_000,
  },
});
