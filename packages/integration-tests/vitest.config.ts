import { configDefaults, defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.js";

/**
 * The end-to-end suite runs three times, once per way a simulator answers: served on 127.0.0.1,
 * in process (`sim.fetch`, no port) and through MSW's `setupServer` (no port): the clients must
 * live through the same scenarios whichever a user's test suite picks. The rest runs once.
 */
const transports = ["server", "in-process", "msw"] as const;

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: {
            name: "integration",
            include: ["test/**/*.test.ts"],
            exclude: [...configDefaults.exclude, "test/e2e/**"],
          },
        },
        ...transports.map((transport) => ({
          extends: true,
          test: {
            name: `e2e ${transport}`,
            include: ["test/e2e/**/*.test.ts"],
            provide: { transport },
          },
        })),
      ],
    },
  }),
);
