import { afterEach, expect } from "vitest";
import type { ProviderSource, Simulator, SimulatorOptions } from "../../src/index.js";
import { openSimulator, transportFetch } from "./transport.js";

const running: Simulator[] = [];

/** Every simulator a test starts is closed after it, and none may have broken its spec. */
afterEach(async () => {
  const simulators = running.splice(0);
  await Promise.all(simulators.map((sim) => sim.close()));
  for (const sim of simulators)
    expect(sim.violations, `${sim.provider} answered off-spec`).toEqual([]);
});

export async function useSimulator(
  source: ProviderSource,
  options?: SimulatorOptions,
): Promise<Simulator> {
  const sim = await openSimulator(source, options);
  running.push(sim);
  return sim;
}

export interface Answer {
  readonly status: number;
  readonly headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read each provider's own JSON fields
  readonly body: any;
  readonly text: string;
}

/** Sends the spec's example request for an operation (body, headers overridable) with fetch. */
export async function send(
  sim: Simulator,
  operationId: string,
  init: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const example = sim.exampleRequest(operationId, "body" in init ? { body: init.body } : {});
  const headers: Record<string, string> = { ...example.headers, ...init.headers };
  if (init.token !== undefined) headers.authorization = `Bearer ${init.token}`;
  const response = await transportFetch(sim.url + example.path, {
    method: example.method,
    headers,
    body: example.body === undefined ? undefined : JSON.stringify(example.body),
  });
  return toAnswer(response);
}

export async function fetchAnswer(url: string, init?: RequestInit): Promise<Answer> {
  return toAnswer(await transportFetch(url, init));
}

async function toAnswer(response: Response): Promise<Answer> {
  const text = await response.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: response.status, headers: response.headers, body, text };
}

/** Signs the first account in and returns its access token (read where x-loginkit points). */
export async function signIn(
  sim: Simulator,
  account = sim.accounts[0],
): Promise<Answer & { token: string }> {
  const answer = await send(sim, sim.operationIds.signIn, { body: account?.credentials });
  expect(answer.status).toBe(200);
  const token = findJwt(answer.body);
  return { ...answer, token };
}

function findJwt(body: unknown): string {
  const text = JSON.stringify(body);
  const jwt = text.match(/"(eyJ[\w-]+\.[\w-]+\.[\w-]+)"/)?.[1];
  if (jwt === undefined) throw new Error(`no JWT in ${text.slice(0, 200)}`);
  return jwt;
}
