import { EdgeVM } from "@edge-runtime/vm";
import type { ScenarioConfig, ScenarioResults } from "../in-runtime/scenario-types.js";
import { bundleApp } from "./bundle-app.js";

const runDeadlineMs = 60_000;

/**
 * Runs every scenario inside an `EdgeVM` (Vercel's edge runtime: web APIs only, no `eval`, no
 * Node built-ins), from a bundle built as for an edge function. The VM's own fetch reaches the
 * simulators on 127.0.0.1.
 */
export async function runInEdgeRuntime(config: ScenarioConfig): Promise<ScenarioResults> {
  const vm = new EdgeVM();
  vm.evaluate((await bundleApp("in-runtime/entries/global-entry.ts", "edge")).script);
  // The results cross the VM boundary as a string: objects of the VM's realm are not ours.
  const pending = vm.evaluate<Promise<string>>(
    `runScenarios(${JSON.stringify(config)}).then((results) => JSON.stringify(results))`,
  );
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`the edge runtime did not finish within ${runDeadlineMs} ms`)),
      runDeadlineMs,
    );
  });
  try {
    return JSON.parse(await Promise.race([pending, deadline])) as ScenarioResults;
  } finally {
    clearTimeout(timer);
  }
}

/** The edge runtime's own name for itself (`EdgeRuntime` global), as its code would see it. */
export function readEdgeRuntimeName(): string {
  return String(new EdgeVM().evaluate("typeof EdgeRuntime === 'string' ? EdgeRuntime : 'none'"));
}
