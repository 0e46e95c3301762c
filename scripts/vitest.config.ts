import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const contractSource = (path: string) =>
  fileURLToPath(new URL(`../packages/contract/src/${path}`, import.meta.url));

export default defineConfig({
  // As under tsx (tsconfig.json `paths`): the tools read the contract from its source.
  resolve: {
    alias: [
      { find: /^@loginkit\/contract\/rules$/, replacement: contractSource("rules/index.ts") },
      { find: /^@loginkit\/contract$/, replacement: contractSource("index.ts") },
    ],
  },
  test: {
    include: ["test/**/*.test.ts"],
    // Each test generates four packages with openapi-typescript: seconds, not milliseconds.
    testTimeout: 60_000,
  },
});
