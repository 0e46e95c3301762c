import { createSimulatorOf } from "../create-simulator.js";
import type { ProviderSource, Simulator, SimulatorOptions } from "../simulator.js";
import { parseSpecText } from "../sources/parse-spec-text.js";
import { type LoadedSpec, loadSpec } from "../spec/load-spec.js";
import { resolveShippedSpec } from "../spec/resolve-spec-location.js";

/**
 * `createSimulator` in Node: shipped specs and `{ specPath }` are read from disk, so
 * `sim.specPath` is a real file; `{ specText, id }` works as everywhere.
 */
export async function createSimulator<Credentials = Readonly<Record<string, unknown>>>(
  provider: ProviderSource,
  options: SimulatorOptions = {},
): Promise<Simulator<Credentials>> {
  return createSimulatorOf<Credentials>(loadSource(provider), options);
}

export function loadSource(source: ProviderSource): LoadedSpec {
  if (typeof source === "string") return loadSpec(resolveShippedSpec(source));
  if ("specPath" in source) return loadSpec(source.specPath);
  return parseSpecText(source);
}
