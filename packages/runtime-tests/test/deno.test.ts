import { describe } from "vitest";
import { readRuntimeVersion, runInProcessRuntime } from "../src/harness/run-in-process-runtime.js";
import { describeScenarios } from "./support/describe-scenarios.js";

describe("Deno (binary of @deno/linux-x64-glibc), network limited to 127.0.0.1, runs the built packages", () => {
  describeScenarios(async () => ({
    name: await readRuntimeVersion("deno"),
    run: (config) => runInProcessRuntime("deno", config),
  }));
});
