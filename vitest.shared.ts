import { fileURLToPath } from "node:url";

/**
 * What every package's `vitest.config.ts` starts from (`mergeConfig(sharedTestConfig, ...)`), so a
 * setting changes in one place. Plain data, so this file needs no vitest of its own at the root.
 * No `include`: mergeConfig concatenates arrays, and vitest's default finds every `*.test.ts`.
 */
export const sharedTestConfig = {
  test: {
    // Tests start servers, processes and browsers on shared 2-core machines (CI included): a
    // generous cap keeps a loaded machine from failing a correct run, and still ends a hang.
    testTimeout: 60_000,
    hookTimeout: 30_000,
    // A temp folder per run, and a failed run when a test leaves a loginkit-* folder in it.
    globalSetup: [fileURLToPath(new URL("./vitest.temp-folders.ts", import.meta.url))],
  },
};
