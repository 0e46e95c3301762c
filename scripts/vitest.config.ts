import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // Each test generates four packages with openapi-typescript: seconds, not milliseconds.
    testTimeout: 60_000,
  },
});
