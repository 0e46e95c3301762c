import { describe } from "vitest";
import { readRuntimeVersion, runInProcessRuntime } from "../src/harness/run-in-process-runtime.js";
import { describeScenarios } from "./support/describe-scenarios.js";

describe("Bun (binary of @oven/bun-linux-x64) runs the built packages from node_modules", () => {
  describeScenarios(async () => ({
    name: `Bun ${await readRuntimeVersion("bun")}`,
    run: (config) => runInProcessRuntime("bun", config),
  }));
});
