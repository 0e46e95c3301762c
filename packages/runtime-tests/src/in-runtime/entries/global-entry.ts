// The bundle a browser page or an edge runtime loads: it puts `runScenarios` on the global
// object, where the harness calls it (page.evaluate, EdgeVM.evaluate).
import { runScenarios } from "../run-scenarios.js";

(globalThis as { runScenarios?: typeof runScenarios }).runScenarios = runScenarios;
