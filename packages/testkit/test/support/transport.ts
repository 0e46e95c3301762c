import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import {
  createSimulator,
  type ProviderSource,
  type Simulator,
  type SimulatorOptions,
  startSimulator,
} from "../../src/index.js";
import { createMswHandlers } from "../../src/msw.js";

export type Transport = "server" | "in-process" | "msw";

declare module "vitest" {
  export interface ProvidedContext {
    transport: Transport;
  }
}

/** How this run's simulators answer (the vitest project: see vitest.config.ts). */
export const transport: Transport = inject("transport") ?? "server";

const mswServer = transport === "msw" ? setupServer() : undefined;
beforeAll(() => mswServer?.listen({ onUnhandledRequest: "error" }));
afterEach(() => mswServer?.resetHandlers());
afterAll(() => mswServer?.close());

const inProcess: Simulator[] = [];
afterEach(() => {
  inProcess.length = 0;
});

/** A simulator answering the way this run tests: served, in process, or through MSW. */
export async function openSimulator(
  source: ProviderSource,
  options?: SimulatorOptions,
): Promise<Simulator> {
  if (transport === "server") return startSimulator(source, options);
  const simulator = await createSimulator(source, options);
  if (transport === "msw") mswServer?.use(...createMswHandlers(simulator));
  else inProcess.push(simulator);
  return simulator;
}

/**
 * The fetch a test sends with: the global one on 127.0.0.1 and under MSW (which intercepts it),
 * else each in-process simulator's own `sim.fetch`, picked by the URL's origin.
 */
export const transportFetch: typeof fetch = (input, init) => {
  if (transport !== "in-process") return fetch(input, init);
  const url = new URL(input instanceof Request ? input.url : String(input));
  const simulator = inProcess.find((candidate) => new URL(candidate.url).origin === url.origin);
  if (simulator === undefined)
    return Promise.reject(new TypeError(`fetch failed: no simulator at ${url.origin}`));
  return simulator.fetch(input, init);
};
