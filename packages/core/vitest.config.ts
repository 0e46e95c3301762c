import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.js";

// The 1,000-request and property tests run on fake time, but their real CPU work can take
// seconds on a shared 2-core machine: the shared 60 s cap is what keeps them from flaking.
export default mergeConfig(sharedTestConfig, defineConfig({}));
