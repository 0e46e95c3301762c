import { describe, expect, test } from "vitest";
import { bundleApp } from "../src/harness/bundle-app.js";
import { coreSeamsIn } from "../src/harness/core-seams.js";
import { readEdgeRuntimeName, runInEdgeRuntime } from "../src/harness/run-in-edge-runtime.js";
import { describeScenarios } from "./support/describe-scenarios.js";

describe("an edge runtime (@edge-runtime/vm: web APIs only, no eval) runs the bundled clients", () => {
  describeScenarios(async () => ({ name: readEdgeRuntimeName(), run: runInEdgeRuntime }));

  // An edge function's fetch shows a manual redirect's Location and may send Cookie, so
  // `edge-light` and `worker` come before `browser` in core's imports: the default build.
  test("the edge bundle keeps core's default build, although `browser` is among its conditions", async () => {
    const { modules } = await bundleApp("in-runtime/entries/global-entry.ts", "edge");
    expect(coreSeamsIn(modules)).toEqual([
      "client/follow-redirects.js",
      "logging/read-log-environment.js",
      "transport/cookie-jar.js",
      "transport/read-location.js",
      "transport/transport-error.js",
    ]);
  });
});
