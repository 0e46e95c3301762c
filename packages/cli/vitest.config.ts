import { defineConfig, mergeConfig } from "vitest/config";
import { sharedTestConfig } from "../../vitest.shared.js";

// Every test spawns the built bin (a Node process each): the shared 60 s cap is sized for it.
export default mergeConfig(sharedTestConfig, defineConfig({}));
