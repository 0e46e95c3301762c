import { TestkitError } from "./errors/TestkitError.js";
import { buildSimulator } from "./simulator/build-simulator.js";
import { allocateInProcessUrl } from "./simulator/in-process-url.js";
import type { ProviderSource, Simulator, SimulatorOptions } from "./simulator.js";
import { parseSpecText } from "./sources/parse-spec-text.js";
import { readShippedSpec } from "./sources/shipped-specs.js";
import type { LoadedSpec } from "./spec/load-spec.js";

/**
 * A simulator without a port, for browsers, edge runtimes and jsdom: give `sim.fetch` to the
 * client, or `createMswHandlers(sim)` to MSW. Nothing here imports from `node:`.
 *
 * @example
 * const sim = await createSimulator<EnadCredentials>("enad");
 * const client = createEnadClient({ baseUrl: sim.url, fetch: sim.fetch, appId, credentials: sim.accounts[0].credentials });
 */
export async function createSimulator<Credentials = Readonly<Record<string, unknown>>>(
  provider: ProviderSource,
  options: SimulatorOptions = {},
): Promise<Simulator<Credentials>> {
  return createSimulatorOf<Credentials>(await loadSource(provider), options);
}

/** The in-process simulator of a spec already loaded (the Node entry loads files first). */
export function createSimulatorOf<Credentials>(
  spec: LoadedSpec,
  options: SimulatorOptions,
): Simulator<Credentials> {
  const simulator = buildSimulator(spec, options, options.url ?? allocateInProcessUrl(spec.id));
  // The spec, not the compiler, knows the credentials' shape: the type parameter is the
  // caller's word for it (the generated client's `<Name>Credentials`), unchecked here.
  return simulator as unknown as Simulator<Credentials>;
}

async function loadSource(source: ProviderSource): Promise<LoadedSpec> {
  if (typeof source === "string") return readShippedSpec(source);
  if ("specText" in source) return parseSpecText(source);
  throw new TestkitError(
    `{ specPath: "${source.specPath}" } needs a file system: import createSimulator from "@loginkit/testkit" in Node, or pass { specText, id }`,
  );
}
