import { loadSource } from "./node/create-node-simulator.js";
import { serveFetchHandler } from "./node/serve-fetch-handler.js";
import { buildSimulator } from "./simulator/build-simulator.js";
import type { FetchHandler } from "./simulator/fetch-handler.js";
import type { ProviderSource, Simulator, SimulatorOptions } from "./simulator.js";

/**
 * Starts an HTTP server on 127.0.0.1 that behaves like the provider's login API, as its spec
 * and `x-loginkit` describe it. The server wraps the same handler as `sim.fetch`.
 *
 * @example
 * const sim = await startSimulator("org-platform");
 * const client = createOrgPlatformClient({ baseUrl: sim.url, credentials: sim.accounts[0].credentials });
 * // ...
 * await sim.close();
 */
export async function startSimulator<Credentials = Readonly<Record<string, unknown>>>(
  provider: ProviderSource,
  options: SimulatorOptions = {},
): Promise<Simulator<Credentials>> {
  const spec = loadSource(provider);
  // The server must listen to know its URL, and the simulator needs its URL: the handler is
  // bound once both exist (no request can arrive before `listen` resolves).
  let handle: FetchHandler = async () => new Response(null, { status: 503 });
  const server = await serveFetchHandler((request) => handle(request), options);
  const simulator = buildSimulator(spec, options, server.url, () => server.close());
  handle = simulator.handle;
  // The spec, not the compiler, knows the credentials' shape: the type parameter is the
  // caller's word for it (the generated client's `<Name>Credentials`), unchecked here.
  return simulator as unknown as Simulator<Credentials>;
}
