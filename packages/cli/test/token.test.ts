import { listShippedProviders, type Simulator, startSimulator } from "@loginkit/testkit";
import { afterEach, describe, expect, test } from "vitest";
import { runBin } from "./support/run-bin.js";
import { environmentFor, variableOf } from "./support/simulator-environment.js";

const running: Simulator[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((simulator) => simulator.close()));
});

async function simulator(provider: string): Promise<Simulator> {
  const started = await startSimulator(provider);
  running.push(started);
  return started;
}

describe.each(listShippedProviders())("loginkit token %s", (provider) => {
  test("prints a token the provider accepts, and its expiry on stderr", async () => {
    const sim = await simulator(provider);
    const { code, stdout, stderr } = await runBin(
      ["token", provider, "--base-url", sim.url],
      await environmentFor(sim),
    );
    expect(code, stderr).toBe(0);
    const token = stdout.trim();
    expect(token).not.toContain("\n");
    const answer = await fetch(`${sim.url}/__loginkit/protected`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(answer.status).toBe(200);
    expect(stderr).toMatch(/expires \d{4}-\d\d-\d\dT/);
    expect(sim.stats.signIns).toBe(1);
  });

  test("--header prints a ready Authorization line; --json the token, expiry and header", async () => {
    const sim = await simulator(provider);
    const env = await environmentFor(sim);
    const header = await runBin(["token", provider, "--base-url", sim.url, "--header"], env);
    expect(header.code).toBe(0);
    expect(header.stdout).toMatch(/^Authorization: Bearer eyJ[\w.-]+\n$/);
    const json = await runBin(["token", provider, "--base-url", sim.url, "--json"], env);
    expect(JSON.parse(json.stdout)).toEqual({
      provider,
      token: expect.stringMatching(/^eyJ/),
      expiresAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      header: { name: "Authorization", value: expect.stringMatching(/^Bearer eyJ/) },
    });
  });
});

test("without the credentials in the environment it exits 2 naming the variables to set", async () => {
  const sim = await simulator("org-platform");
  const { code, stdout, stderr } = await runBin(["token", "org-platform", "--base-url", sim.url]);
  expect(code).toBe(2);
  expect(stdout).toBe("");
  expect(stderr).toContain(variableOf("org-platform", "username"));
  expect(stderr).toContain(variableOf("org-platform", "password"));
  expect(sim.requests).toEqual([]);
});

test("refused credentials exit 4, and the password shows nowhere", async () => {
  const sim = await simulator("vero-oms");
  const wrongPassword = "not-the-password-4711";
  const env = await environmentFor(sim, { [variableOf("vero-oms", "password")]: wrongPassword });
  const { code, stdout, stderr } = await runBin(["token", "vero-oms", "--base-url", sim.url], env);
  expect(code).toBe(4);
  expect(stdout).toBe("");
  expect(stderr).toMatch(/refused the credentials/);
  expect(stdout + stderr).not.toContain(wrongPassword);
  expect(sim.stats.failedSignIns).toBe(1);
});

test("an unreachable provider exits 3", async () => {
  const sim = await startSimulator("enad");
  const env = await environmentFor(sim);
  await sim.close();
  const { code, stderr } = await runBin(["token", "enad", "--base-url", sim.url], env);
  expect(code).toBe(3);
  expect(stderr).toMatch(/unreachable/);
});
