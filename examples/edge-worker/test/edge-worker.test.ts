import type { EnadCredentials } from "@loginkit/enad";
import { type Simulator, startSimulator } from "@loginkit/testkit";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createMemoryKv } from "../src/memory-kv.js";
import { bundleWorker, runRequestInFreshIsolate } from "./run-worker-in-edge-runtime.js";

let simulator: Simulator<EnadCredentials>;
let bundle: string;
beforeAll(async () => {
  [simulator, bundle] = await Promise.all([
    startSimulator<EnadCredentials>("enad"),
    bundleWorker(),
  ]);
});
afterAll(async () => {
  simulator?.assertNoViolations();
  await simulator?.close();
});

const workerUrl = "https://worker.example/enad/__loginkit/protected";

function workerEnv(credentials: EnadCredentials) {
  return {
    ENAD_BASE_URL: simulator.url,
    ENAD_APP_ID: crypto.randomUUID(),
    ENAD_EMAIL: credentials.email,
    ENAD_PASSWORD: credentials.password,
  };
}

test("requests in fresh isolates share one sign-in through the KV store, and an expired token is renewed once", async () => {
  const kv = createMemoryKv();
  const env = workerEnv(simulator.accounts[0]!.credentials);
  const signInsBefore = simulator.stats.signIns;
  const ask = async () => {
    const answer = await runRequestInFreshIsolate(bundle, workerUrl, env, kv);
    expect(answer.status).toBe(200);
    return JSON.parse(answer.body) as { tokenId: string };
  };

  const first = await ask();
  for (let request = 0; request < 4; request++) expect((await ask()).tokenId).toBe(first.tokenId);
  expect(simulator.stats.signIns - signInsBefore).toBe(1);

  // Enad refuses the stored token now; the next isolate gets a 401, signs in once and replays.
  simulator.expireTokens();
  const renewed = await ask();
  expect(renewed.tokenId).not.toBe(first.tokenId);
  expect((await ask()).tokenId).toBe(renewed.tokenId);
  expect(simulator.stats.signIns - signInsBefore).toBe(2);

  // The store holds the session's token, never the password it was signed in with.
  const stored = [...kv.entries.values()].join("\n");
  expect(stored).toContain("accessToken");
  expect(stored).not.toContain(env.ENAD_PASSWORD);
});

test("a refused password reaches the caller as a typed error name, with no secret in it", async () => {
  const credentials = simulator.wrongCredentials(simulator.accounts[0]);
  const env = workerEnv(credentials);
  const answer = await runRequestInFreshIsolate(bundle, workerUrl, env, createMemoryKv());
  expect(answer).toEqual({ status: 502, body: JSON.stringify({ error: "AuthenticationError" }) });
});

test("only paths under /enad/ are forwarded, and only to Enad's origin", async () => {
  const env = workerEnv(simulator.accounts[0]!.credentials);
  const kv = createMemoryKv();
  const outside = await runRequestInFreshIsolate(bundle, "https://worker.example/other", env, kv);
  expect(outside.status).toBe(404);
  // A protocol-relative path stays a path on Enad's origin: the simulator gets it (and answers
  // 404), so the token went nowhere else.
  const requestsBefore = simulator.requests.length;
  const sneaky = await runRequestInFreshIsolate(
    bundle,
    "https://worker.example/enad//attacker.example/steal",
    env,
    kv,
  );
  expect(sneaky.status).toBe(404);
  expect(simulator.requests.length).toBe(requestsBefore + 2); // the sign-in, then the call
  expect(simulator.requests.at(-1)?.path).toMatch(/\/steal$/);
});
