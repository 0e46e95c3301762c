import type { ProviderClientOptions, SessionEvent } from "@loginkit/core";
import { type Simulator, startSimulator } from "@loginkit/testkit";
import { afterEach, expect } from "vitest";
import { clientForSimulator } from "../../src/client-for-simulator.js";
import {
  type ClientPackage,
  listProviderIds,
  loadClientPackage,
} from "../../src/load-client-package.js";

/** Every provider with a spec, loaded once for `describe.each`. */
export const clientPackages: ClientPackage[] = await Promise.all(
  (await listProviderIds()).map(loadClientPackage),
);

const running: Simulator[] = [];
afterEach(async () => {
  // Every answer the simulators gave during the test must have matched its spec.
  const simulators = running.splice(0);
  try {
    for (const simulator of simulators) simulator.assertNoViolations();
  } finally {
    await Promise.all(simulators.map((simulator) => simulator.close()));
  }
});

/** A simulator of the package's provider and a client pointed at it, events recorded. */
export async function simulate(
  clientPackage: ClientPackage,
  options: ProviderClientOptions<unknown> & Record<string, unknown> = {},
) {
  const simulator = await startSimulator(clientPackage.id);
  running.push(simulator);
  const events: SessionEvent[] = [];
  const client = clientForSimulator(clientPackage, simulator, {
    retry: { baseDelay: 5, maxDelay: 20 },
    onEvent: (event) => events.push(event),
    ...options,
  });
  return { simulator, client, events };
}

/** The number of sign-ins plus refreshes the simulator has seen: one per renewal. */
export function renewalsSeen(simulator: Simulator): number {
  return simulator.stats.signIns + simulator.stats.refreshes;
}

export async function expectJson(response: Response, status = 200) {
  const body = await response.text();
  expect(response.status, body).toBe(status);
  return JSON.parse(body) as Record<string, unknown>;
}
