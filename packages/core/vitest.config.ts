import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.js";

// The 1,000-request and property tests run on fake time, but their real CPU work can take
// seconds on a shared 2-core machine: the shared 60 s cap is what keeps them from flaking.
// The `#` imports (package.json "imports") name dist/ files; the source condition sends the tests
// to src/ instead, so no test ever mixes src and dist classes.
const sourceConditions = { conditions: ["@loginkit/source", "node", "import", "default"] };
export default mergeConfig(
  sharedTestConfig,
  defineConfig({ resolve: sourceConditions, ssr: { resolve: sourceConditions } }),
);
