import { createSimulator, type Simulator, startSimulator } from "@loginkit/testkit";
import { createMswHandlers } from "@loginkit/testkit/msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, inject } from "vitest";

/** How the e2e suite's simulators answer: one vitest project each (vitest.config.ts). */
export type Transport = "server" | "in-process" | "msw";

declare module "vitest" {
  export interface ProvidedContext {
    transport: Transport;
  }
}

export const transport: Transport = inject("transport") ?? "server";

// Under MSW the clients keep the global fetch, which MSW intercepts: unknown origins are errors.
const mswServer = transport === "msw" ? setupServer() : undefined;
beforeAll(() => mswServer?.listen({ onUnhandledRequest: "error" }));
afterEach(() => mswServer?.resetHandlers());
afterAll(() => mswServer?.close());

const inProcess: Simulator[] = [];
afterEach(() => {
  inProcess.length = 0;
});

/**
 * A simulator of `provider` answering the way this run tests: served on 127.0.0.1, in process
 * (`sim.fetch`, no port), or through MSW handlers (no port either).
 */
export async function openSimulator(provider: string): Promise<Simulator> {
  if (transport === "server") return startSimulator(provider);
  const simulator = await createSimulator(provider);
  if (transport === "msw") mswServer?.use(...createMswHandlers(simulator));
  else inProcess.push(simulator);
  return simulator;
}

/**
 * The `fetch` to give a client: the global one on 127.0.0.1 and under MSW; in process, each
 * request goes to the `sim.fetch` of the simulator at its origin (a test may run two).
 */
export const transportFetch: typeof fetch = (input, init) => {
  if (transport !== "in-process") return fetch(input, init);
  const url = new URL(input instanceof Request ? input.url : String(input));
  const simulator = inProcess.find((candidate) => new URL(candidate.url).origin === url.origin);
  if (simulator === undefined)
    return Promise.reject(new TypeError(`fetch failed: no simulator at ${url.origin}`));
  return simulator.fetch(input, init);
};
