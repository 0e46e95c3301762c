import { describe } from "vitest";
import { bundleApp } from "../src/harness/bundle-app.js";
import { openAppInChromium } from "../src/harness/open-app-in-chromium.js";
import type { ScenarioConfig, ScenarioResults } from "../src/in-runtime/scenario-types.js";
import { describeScenarios } from "./support/describe-scenarios.js";

declare const runScenarios: (config: ScenarioConfig) => Promise<ScenarioResults>;

describe("headless Chromium runs the bundled clients from a page on its own 127.0.0.1 origin", () => {
  describeScenarios(async () => {
    const app = await openAppInChromium(
      await bundleApp("in-runtime/entries/global-entry.ts", "browser"),
    );
    return {
      name: `Chromium ${app.page.context().browser()?.version() ?? ""}`.trim(),
      browser: true,
      // The simulators allow the page's origin only, as a provider allows its customers' apps.
      simulatorOptions: { cors: [app.origin] },
      run: (config) => app.evaluate((given) => runScenarios(given), config),
      close: () => app.close(),
    };
  });
});
