// Bun and Deno run this file (built to dist/) with the scenario config as their first argument;
// it prints one line, `LOGINKIT-RESULTS <json>`, so stray output cannot be mistaken for results.
import { runScenarios } from "../run-scenarios.js";
import type { ScenarioConfig } from "../scenario-types.js";

const host = globalThis as { Deno?: { args: string[] }; process?: { argv: string[] } };
const argument = host.Deno?.args[0] ?? host.process?.argv[2];
if (argument === undefined)
  throw new Error("pass the scenario config (JSON) as the first argument");
const results = await runScenarios(JSON.parse(argument) as ScenarioConfig);
console.log(`LOGINKIT-RESULTS ${JSON.stringify(results)}`);
