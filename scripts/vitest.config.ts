import { fileURLToPath } from "node:url";
import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../vitest.shared.js";

const contractSource = (path: string) =>
  fileURLToPath(new URL(`../packages/contract/src/${path}`, import.meta.url));

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    // As under tsx (tsconfig.json `paths`): the tools read the contract from its source.
    resolve: {
      alias: [
        { find: /^@loginkit\/contract\/rules$/, replacement: contractSource("rules/index.ts") },
        { find: /^@loginkit\/contract$/, replacement: contractSource("index.ts") },
      ],
    },
    // Each test generates four packages with openapi-typescript: seconds (the shared cap is sized for it).
  }),
);
