import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.js";

/**
 * The behaviour suite (`test/*.test.ts`) runs three times, once per way a simulator answers:
 * served on 127.0.0.1, in process (`sim.fetch`) and through MSW's `setupServer`. They must answer
 * alike, so one suite proves it. `test/entries/` checks each entry point itself, once.
 */
const transports = ["server", "in-process", "msw"] as const;

export default mergeConfig(
  sharedTestConfig,
  defineConfig({
    test: {
      projects: [
        ...transports.map((transport) => ({
          extends: true,
          test: { name: transport, include: ["test/*.test.ts"], provide: { transport } },
        })),
        // Bundling with esbuild and booting a VM: seconds (the shared cap is sized for it).
        {
          extends: true,
          test: { name: "entries", include: ["test/entries/*.test.ts"] },
        },
      ],
    },
  }),
);
