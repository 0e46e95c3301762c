import { isSecretField } from "@loginkit/contract/rules";
import type { ProviderClientOptions, SessionEvent } from "@loginkit/core";
import type { Simulator } from "@loginkit/testkit";
import { afterEach, expect } from "vitest";
import { clientForSimulator } from "../../src/client-for-simulator.js";
import {
  type ClientPackage,
  listProviderIds,
  loadClientPackage,
} from "../../src/load-client-package.js";
import { openSimulator, transportFetch } from "./transport.js";

/** Every provider with a spec, loaded once for `describe.each`. */
export const clientPackages: ClientPackage[] = await Promise.all(
  (await listProviderIds()).map(loadClientPackage),
);

const running: Simulator[] = [];
const recordedEvents: SessionEvent[] = [];
afterEach(async () => {
  // Every answer the simulators gave during the test must have matched its spec, and no event
  // a client emitted may carry a password, secret or token the test used.
  const simulators = running.splice(0);
  const events = JSON.stringify(recordedEvents.splice(0));
  try {
    for (const simulator of simulators) {
      simulator.assertNoViolations();
      for (const secret of secretsOf(simulator)) expect(events).not.toContain(secret);
    }
  } finally {
    await Promise.all(simulators.map((simulator) => simulator.close()));
  }
});

/**
 * A simulator of `provider`, checked against its spec and closed after the test. It answers as
 * this run's transport says (served, in process or through MSW): give clients `transportFetch`.
 */
export async function startCheckedSimulator(provider: string): Promise<Simulator> {
  const simulator = await openSimulator(provider);
  running.push(simulator);
  return simulator;
}

/** A simulator of the package's provider and a client pointed at it, events recorded. */
export async function simulate(
  clientPackage: ClientPackage,
  options: ProviderClientOptions<unknown> & Record<string, unknown> = {},
) {
  const simulator = await startCheckedSimulator(clientPackage.id);
  const events: SessionEvent[] = [];
  const sent = new Set<string>();
  tokensSent.set(simulator, sent);
  const client = clientForSimulator(clientPackage, simulator, {
    fetch: async (input: RequestInfo | URL, init?: RequestInit) => {
      const request = new Request(input, init);
      const token = request.headers.get("authorization")?.replace(/^Bearer /, "");
      if (token) sent.add(token);
      return transportFetch(request);
    },
    retry: { baseDelay: 5, maxDelay: 20 },
    onEvent: (event) => {
      events.push(event);
      recordedEvents.push(event);
    },
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

/** Every bearer token a client sent to a simulator, read off the wire by the transport below. */
const tokensSent = new WeakMap<Simulator, Set<string>>();

/** The secret credential values of a simulator's accounts and the access tokens it handed out. */
function secretsOf(simulator: Simulator): Iterable<string> {
  const credentials = simulator.accounts.flatMap((account) =>
    Object.entries(account.credentials)
      .filter(([field]) => isSecretField(field))
      .map(([, value]) => String(value)),
  );
  return [...credentials, ...(tokensSent.get(simulator) ?? [])];
}
