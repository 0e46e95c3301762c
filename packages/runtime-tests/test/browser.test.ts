import { describe, expect, test } from "vitest";
import { bundleApp } from "../src/harness/bundle-app.js";
import { coreSeamsIn } from "../src/harness/core-seams.js";
import { openAppInChromium } from "../src/harness/open-app-in-chromium.js";
import type { ScenarioConfig, ScenarioResults } from "../src/in-runtime/scenario-types.js";
import { describeScenarios } from "./support/describe-scenarios.js";

declare const runScenarios: (config: ScenarioConfig) => Promise<ScenarioResults>;

describe("headless Chromium runs the bundled clients from a page on its own 127.0.0.1 origin", () => {
  let modules: string[] = [];
  describeScenarios(async () => {
    const bundle = await bundleApp("in-runtime/entries/global-entry.ts", "browser");
    modules = bundle.modules;
    const app = await openAppInChromium(bundle.script);
    return {
      name: `Chromium ${app.page.context().browser()?.version() ?? ""}`.trim(),
      browser: true,
      // The simulators allow the page's origin only, as a provider allows its customers' apps.
      simulatorOptions: { cors: [app.origin] },
      run: (config) => app.evaluate((given) => runScenarios(given), config),
      close: () => app.close(),
    };
  });

  test("the page runs core's browser build: redirects are not followed by hand, no cookie jar", () => {
    expect(coreSeamsIn(modules)).toEqual([
      "client/follow-redirects.browser.js",
      "logging/read-log-environment.browser.js",
      "transport/cookie-jar.browser.js",
      "transport/transport-error.browser.js",
    ]);
  });

  test("the page, whose clients share no store, carries none of the fleet lease protocol", () => {
    // It comes with a coordinating store (`coordinated()`), which these clients are not given.
    const leaseProtocol = modules.filter((module) =>
      /\/core\/dist\/(coordination|session\/(renew-under-lease|lease-timing|refusal-sharing|fingerprint-credentials|watch-sign-outs))\.js$/.test(
        module,
      ),
    );
    expect(leaseProtocol).toEqual([]);
    // The pattern matches core's paths as this bundle names them (else the check proves nothing).
    expect(
      modules.some((module) => /\/core\/dist\/session\/session-manager\.js$/.test(module)),
    ).toBe(true);
  });
});
