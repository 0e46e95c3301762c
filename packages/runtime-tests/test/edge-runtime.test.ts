import { describe } from "vitest";
import { readEdgeRuntimeName, runInEdgeRuntime } from "../src/harness/run-in-edge-runtime.js";
import { describeScenarios } from "./support/describe-scenarios.js";

describe("an edge runtime (@edge-runtime/vm: web APIs only, no eval) runs the bundled clients", () => {
  describeScenarios(async () => ({ name: readEdgeRuntimeName(), run: runInEdgeRuntime }));
});
